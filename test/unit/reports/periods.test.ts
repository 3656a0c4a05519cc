import { describe, expect, it } from 'vitest';
import { directionOf, levelOf, orderedClasses } from '../../../core/reports/class-order';
import { periodCount, periodOf, periodsCovering } from '../../../core/reports/periods';
import { paretoCurve } from '../../../core/reports/pyramid';

describe('report periods', () => {
  it('are whole calendar months, quarters and years, across year ends and leap days', () => {
    expect(periodOf('2024-02-10', 'month')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2026-01-15', 'month', -1)).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(periodOf('2026-01-15', 'month', -12)).toEqual({ start: '2025-01-01', end: '2025-01-31' });
    expect(periodOf('2026-05-31', 'quarter')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('2026-02-01', 'quarter', -4)).toEqual({ start: '2025-01-01', end: '2025-03-31' });
    expect(periodOf('2026-12-31', 'year', -1)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(periodsCovering('2025-11-20', '2026-02-03', 'month').map((p) => p.start)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect([periodCount('2016-01-01', '2025-12-31', 'month'), periodCount('2016-01-01', '2026-01-01', 'month'), periodCount('2026-03-31', '2026-04-01', 'quarter')]).toEqual([120, 121, 2]);
  });
});

describe('class order', () => {
  it('tells upgrades from downgrades only where classes have an order of worth', () => {
    expect([directionOf('pyramid', 'iron', 'gold'), directionOf('pyramid', 'gold', 'none'), directionOf('pyramid', 'gold', 'gold')]).toEqual(['upgraded', 'downgraded', 'stayed']);
    expect([directionOf('rfm', '515', '551'), directionOf('rfm', '111', '112'), directionOf('rfm', 'none', '111')]).toEqual(['sideways', 'upgraded', 'upgraded']);
    expect([directionOf('industry', 'retail', 'textile'), directionOf('value', null, 'high'), directionOf('value', 'low', null)]).toEqual(['sideways', 'entered', 'left']);
    expect([levelOf('loyalty', 'loyal'), levelOf('loyalty', 'churned'), levelOf('country', 'cn')]).toEqual([3, 0, null]);
    expect(orderedClasses('pyramid', ['none', 'lead', 'platinum'])).toEqual([
      { key: 'platinum', rank: 0 },
      { key: 'lead', rank: 1 },
      { key: 'none', rank: 2 },
    ]);
    expect(orderedClasses('rfm', ['111', '555', '515', '551']).map((c) => [c.key, c.rank])).toEqual([
      ['555', 0],
      ['551', 1],
      ['515', 1],
      ['111', 2],
    ]);
  });
});

describe('Pareto curve', () => {
  it('is the cumulative revenue share of the top k % of customers; empty without revenue', () => {
    const curve = paretoCurve([0, 100, 300, 600]);
    expect(curve).toHaveLength(101);
    expect([curve[0], curve[25], curve[50], curve[100]]).toEqual([
      { customerShare: 0, revenueShare: 0 },
      { customerShare: 0.25, revenueShare: 0.6 },
      { customerShare: 0.5, revenueShare: 0.9 },
      { customerShare: 1, revenueShare: 1 },
    ]);
    expect(paretoCurve([0, 0])).toEqual([]);
  });

  it('reads right for a book of one, two or three customers: a straight line between whole customers', () => {
    // One customer is an even spread: the top 20 % of them is a fifth of them, not nobody (0 %).
    const one = paretoCurve([880]);
    expect([one[20]!.revenueShare, one[50]!.revenueShare, one[100]!.revenueShare]).toEqual([0.2, 0.5, 1]);
    // Two customers, 500 and 100: the top 20 % is 0.4 of the first customer, the top 50 % the first one whole.
    const two = paretoCurve([100, 500]);
    expect(two[20]!.revenueShare).toBeCloseTo((0.4 * 500) / 600, 12);
    expect(two[50]!.revenueShare).toBe(500 / 600);
    expect(two[75]!.revenueShare).toBeCloseTo((500 + 0.5 * 100) / 600, 12);
    // Three equal customers (ties everywhere) lie on the even line.
    const three = paretoCurve([200, 200, 200]);
    for (const k of [10, 20, 33, 50, 90]) expect(three[k]!.revenueShare).toBeCloseTo(k / 100, 12);
    // Never below the even line: the top customers always bring at least their share of the revenue.
    for (const curve of [one, two, three, paretoCurve([0, 100, 300, 600])]) for (const p of curve) expect(p.revenueShare).toBeGreaterThanOrEqual(p.customerShare - 1e-12);
  });

  it('counts a customer whose returns outweigh their purchases as 0, so no share passes 100 %', () => {
    // Sold 500 to one customer; the other bought 100 and returned 300 (net −200).
    const curve = paretoCurve([-200, 500]);
    expect(curve[50]!.revenueShare).toBe(1);
    expect(Math.max(...curve.map((p) => p.revenueShare))).toBe(1);
    expect(curve[20]!.revenueShare).toBeCloseTo((0.4 * 500) / 500, 12);
    // Nothing to share when the returns outweigh all sales.
    expect(paretoCurve([-300, 100])).toEqual([]);
  });
});
