import { describe, expect, it } from 'vitest';
import { segmentAll } from '../../../shared/segmentation';
import { assignment, config, customer, followUp, order, run } from './fixtures';
import { customers, orders } from './population-a-to-f';

/** Every customer's full view, keyed by id, for whole-result comparisons. */
const views = (result: ReturnType<typeof run>) => Object.fromEntries([...result.customers].map((v) => [v.customerId, v]));

describe('window', () => {
  const cs = [customer('P'), customer('Q')];
  const os = [order('P', '2024-01-01', 1000), order('P', '2026-06-01', 500), order('Q', '2026-06-15', 700)];

  it("counts the last 365 days by default, everything with 'all'", () => {
    // 365 days: P F1 M500, Q F1 M700 → R: P 1, Q 1 + floor(5·1/2) = 3; M likewise.
    const recent = run(cs, os);
    expect(recent.classKeys.rfm).toEqual(['111', '313']);
    expect(recent.window).toEqual({ start: '2025-07-01', end: '2026-06-30' });
    // all: P F2 M1500 → F3 M3; Q F1 M700 → F1 M1.
    const all = run(cs, os, [], { window: { kind: 'all' } });
    expect(all.classKeys.rfm).toEqual(['133', '311']);
    expect(all.window).toEqual({ start: null, end: '2026-06-30' });
    expect(assignment(all, 'P', 'rfm').explanation).toMatchObject({ orderCount: 2, revenueMinor: 1500 });
  });

  it('includes the first day of the window and excludes the day before', () => {
    const edge = run([customer('in'), customer('out')], [order('in', '2025-07-01'), order('out', '2025-06-30')]);
    expect(edge.classKeys.rfm).toEqual(['111', 'none']);
    const month = run([customer('in'), customer('out')], [order('in', '2026-06-01'), order('out', '2026-05-31')], [], { window: { kind: 'days', days: 30 } });
    expect(month.classKeys.rfm).toEqual(['111', 'none']);
    expect(month.window.start).toBe('2026-06-01');
  });

  it('counts follow-ups inside the window only', () => {
    const result = run([customer('x')], [order('x', '2026-06-01')], [followUp('x', '2025-06-30T12:00:00Z'), followUp('x', '2025-07-01T12:00:00Z'), followUp('x', '2026-06-30T23:00:00Z')]);
    expect(result.customers.get('x')!.metrics.followUpCount).toBe(2);
  });

  it('ignores orders and follow-ups dated after asOf, in every scheme', () => {
    const future = [order('A', '2026-07-01', 1_000_000), order('F', '2026-12-31', 5), order('E', '2027-01-01', 5)];
    const laterFollowUps = [followUp('B', '2026-07-01T08:00:00Z', 'never')];
    const base = run(customers, orders);
    const withFuture = run(customers, [...future, ...orders], laterFollowUps);
    expect(withFuture.classKeys).toEqual(base.classKeys);
    expect(withFuture.schemes).toEqual(base.schemes);
    expect(views(withFuture)).toEqual(views(base));
  });

  it('classifies only the customers passed in', () => {
    const result = segmentAll([customer('A')], orders, [followUp('ghost', '2026-06-01T00:00:00Z', 'interested')], config());
    expect(result.customerIds).toEqual(['A']);
    expect(result.customers.size).toBe(1);
    expect(result.customers.has('B')).toBe(false);
    expect(result.customers.get('B')).toBeUndefined();
    expect(result.classKeys.rfm).toEqual(['111']); // alone among buyers
  });
});
