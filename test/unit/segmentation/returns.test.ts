import { describe, expect, it } from 'vitest';
import type { EngineOrder } from '../../../shared/segmentation/types';
import { assignment, classOf, customer, order, run } from './fixtures';

const sale = order;
function refund(customerId: string, date: string, baseAmountMinor: number, baseCostMinor: number | null = null): EngineOrder {
  return { customerId, date, baseAmountMinor, kind: 'return', baseCostMinor };
}

/**
 * A return nets its negative amount out of every money figure and is not a purchase: it is not an order
 * for F, order days, recency or lifecycle.
 */
describe('returns', () => {
  const customers = [customer('a'), customer('b'), customer('c')];
  const sales = [sale('a', '2026-06-01', 90_000), sale('b', '2026-05-01', 50_000), sale('c', '2026-04-01', 10_000)];

  it('subtracts from revenue but is not an order, an order day or recent activity', () => {
    const withReturn = run(customers, [...sales, refund('a', '2026-06-29', -60_000)]);
    const metrics = withReturn.customers.get('a')!.metrics;
    expect(metrics.revenueMinor).toBe(90_000 - 60_000);
    expect(metrics.orderCount).toBe(1);
    expect(metrics.lifetimeOrderCount).toBe(1);
    // The last purchase stays the sale on 06-01: 29 days before asOf 2026-06-30.
    expect(metrics.daysSinceLastOrder).toBe(29);
    expect(metrics.lastOrderDate).toBe('2026-06-01');
    const lifecycle = assignment(withReturn, 'a', 'lifecycle').explanation as { orderDays: number };
    expect(lifecycle.orderDays).toBe(1);
  });

  it('moves the customer down the ranking exactly as the netted revenue says', () => {
    const before = run(customers, sales);
    const after = run(customers, [...sales, refund('a', '2026-06-29', -60_000)]);
    // a: 90,000 − 60,000 = 30,000 < b's 50,000, so a drops from rank 1 to rank 2.
    expect((assignment(before, 'a', 'pyramid').explanation as { rank: number }).rank).toBe(1);
    expect((assignment(after, 'a', 'pyramid').explanation as { rank: number; rankValue: number }).rankValue).toBe(30_000);
    expect((assignment(after, 'a', 'pyramid').explanation as { rank: number }).rank).toBe(2);
    expect(after.customers.get('a')!.metrics.scores!.m).toBeLessThan(before.customers.get('a')!.metrics.scores!.m);
    // F and R do not move: the return is not a purchase.
    expect(after.customers.get('a')!.metrics.scores!.f).toBe(before.customers.get('a')!.metrics.scores!.f);
    expect(after.customers.get('a')!.metrics.scores!.r).toBe(before.customers.get('a')!.metrics.scores!.r);
  });

  it('leaves a customer whose only window rows are returns out of the buyers', () => {
    const result = run([customer('x'), customer('y')], [sale('x', '2026-06-01', 1000), refund('y', '2026-06-10', -500)]);
    expect(classOf(result, 'y', 'rfm')).toBe('none');
    expect(classOf(result, 'y', 'lifecycle')).toBe('potential');
    expect(result.customers.get('y')!.metrics.revenueMinor).toBe(-500);
  });

  it('keeps "negative amounts are added like any other": a fully returned sale nets to zero revenue, still one purchase', () => {
    const result = run([customer('z')], [sale('z', '2026-06-01', 7000), refund('z', '2026-06-02', -7000)]);
    const m = result.customers.get('z')!.metrics;
    expect([m.revenueMinor, m.orderCount, m.averageOrderValueMinor]).toEqual([0, 1, 0]);
  });
});
