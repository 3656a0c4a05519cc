import { describe, expect, it } from 'vitest';
import type { EngineOrder } from '../../../shared/segmentation/types';
import { segmentAll } from '../../../shared/segmentation';
import { assignment, classOf, config, customer, run } from './fixtures';

function sale(customerId: string, date: string, baseAmountMinor: number, baseCostMinor: number | null = null): EngineOrder {
  return { customerId, date, baseAmountMinor, kind: 'sale', baseCostMinor };
}

/** Basis for pyramid and value: revenue, gross profit (revenue − known cost), or predicted value. */
describe('tier basis', () => {
  // Ten customers: k0..k8 with revenue 1000·(k+1) and cost 900·(k+1) (10% margin); "fat" earns less
  // revenue (5,000) but keeps most of it (cost 500 → profit 4,500); "nocost" has no cost data.
  const ids = Array.from({ length: 9 }, (_, k) => `k${k}`);
  const customers = [...ids.map((id) => customer(id)), customer('fat'), customer('nocost')];
  const orders = [
    ...ids.map((id, k) => sale(id, '2026-06-01', 1000 * (k + 1), 900 * (k + 1))),
    sale('fat', '2026-06-01', 5000, 500),
    sale('nocost', '2026-06-01', 3000),
  ];
  const pyramid = { platinumShare: 0, goldShare: 0, ironShare: 0.1 };

  it('ranks by gross profit where cost is known', () => {
    const byRevenue = run(customers, orders, [], { pyramid });
    const byProfit = run(customers, orders, [], { pyramid: { ...pyramid, basis: 'gross_profit' } });
    // 11 ranked, iron target round(1.1) = 1: the top revenue is k8 (9,000); the top profit is fat (4,500).
    expect(classOf(byRevenue, 'k8', 'pyramid')).toBe('iron');
    expect(classOf(byProfit, 'fat', 'pyramid')).toBe('iron');
    expect(classOf(byProfit, 'k8', 'pyramid')).toBe('lead');
    const fat = assignment(byProfit, 'fat', 'pyramid').explanation;
    expect(fat).toMatchObject({ basis: 'gross_profit', fellBackToRevenue: false, rankValue: 5000 - 500, rank: 1 });
    // k8's profit is 9,000 − 8,100 = 900; "earn 3,600 more profit → iron".
    expect(assignment(byProfit, 'k8', 'pyramid').explanation).toMatchObject({ rankValue: 900, moves: [{ kind: 'spend_more', amountMinor: 4500 - 900, toClass: 'iron' }] });
  });

  it('falls back to revenue for a customer without cost data, and says so', () => {
    const byProfit = run(customers, orders, [], { pyramid: { ...pyramid, basis: 'gross_profit' } });
    expect(assignment(byProfit, 'nocost', 'pyramid').explanation).toMatchObject({ fellBackToRevenue: true, rankValue: 3000 });
    expect(assignment(byProfit, 'fat', 'pyramid').explanation).toMatchObject({ fellBackToRevenue: false });
  });

  it('nets returns with their cost into gross profit', () => {
    const result = run([customer('r')], [sale('r', '2026-06-01', 10_000, 6000), { customerId: 'r', date: '2026-06-05', baseAmountMinor: -4000, baseCostMinor: -2400, kind: 'return' }], [], {
      pyramid: { basis: 'gross_profit' },
    });
    // (10,000 − 6,000) + (−4,000 − −2,400) = 4,000 − 1,600 = 2,400.
    expect(assignment(result, 'r', 'pyramid').explanation).toMatchObject({ rankValue: 2400 });
  });

  it('scores value\'s M from its basis, so a thin-margin big spender loses M on gross profit', () => {
    const byRevenue = run(customers, orders);
    const byProfit = run(customers, orders, [], { value: { basis: 'gross_profit' } });
    expect((assignment(byRevenue, 'k8', 'value').explanation as { scores: { m: number } }).scores.m).toBe(5);
    const k8 = assignment(byProfit, 'k8', 'value').explanation as { scores: { m: number }; basisAmountMinor: number; basis: string };
    expect(k8.basis).toBe('gross_profit');
    expect(k8.basisAmountMinor).toBe(900);
    // Profits sorted: 100 200 … 900 (k0..k8), 3000 (nocost, revenue), 4500 (fat); 900 has 8 below of 11 → M 4.
    expect(k8.scores.m).toBe(1 + Math.floor((5 * 8) / 11));
    // The RFM scheme's own M stays on revenue.
    expect(byProfit.customers.get('k8')!.metrics.scores!.m).toBe(5);
  });

  it('ranks value by a predicted map when asked, and refuses to without one', () => {
    const predicted = new Map([...ids.map((id, k) => [id, 100 * k] as const), ['fat', 50_000], ['nocost', 10]]);
    const cfg = config({ value: { basis: 'predicted' } });
    expect(() => segmentAll(customers, orders, [], cfg)).toThrow(/predicted/);
    const result = segmentAll(customers, orders, [], cfg, { predictedValueMinor: predicted });
    expect((assignment(result, 'fat', 'value').explanation as { scores: { m: number } }).scores.m).toBe(5);
    expect((assignment(result, 'k8', 'value').explanation as { basisAmountMinor: number }).basisAmountMinor).toBe(800);
    // Predicted values cannot be spent, so no M hint is offered.
    expect((assignment(result, 'k0', 'value').explanation as { moves: { dimension?: string }[] }).moves.some((m) => m.dimension === 'm')).toBe(false);
  });
});
