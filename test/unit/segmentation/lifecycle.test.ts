import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianGaps, medianGapsInSteps } from '../../../shared/segmentation/lifecycle';
import { runSteps } from '../../../shared/domain/steps';
import type { Population } from '../../../shared/segmentation/population';
import { assignment, customer, order, run } from './fixtures';

/** One customer's lifecycle assignment (asOf 2026-06-30, defaults: new 90 days, ×1.5 / ×3, floor 7, 90/180). */
function lifecycleOf(dates: string[], overrides = {}) {
  const result = run([customer('x')], dates.map((d) => order('x', d)), [], overrides);
  return assignment(result, 'x', 'lifecycle');
}

describe('lifecycle', () => {
  it('potential: never ordered', () => {
    expect(lifecycleOf([])).toEqual({
      classKey: 'potential',
      explanation: {
        kind: 'lifecycle',
        firstOrderDate: null,
        lastOrderDate: null,
        daysSinceFirstOrder: null,
        daysSinceLastOrder: null,
        orderDays: 0,
        medianGapDays: null,
        basis: null,
        atRiskAfterDays: null,
        churnedAfterDays: null,
        newUntil: null,
        moves: [{ kind: 'place_order', toClass: 'new' }],
      },
    });
  });

  it('new: first order fewer than 90 days ago, whatever the recency', () => {
    const fresh = lifecycleOf(['2026-05-01']); // 60 days ago
    expect(fresh.classKey).toBe('new');
    expect(fresh.explanation).toMatchObject({
      daysSinceFirstOrder: 60,
      newUntil: '2026-07-29',
      // on 2026-07-30 the one-order fall-back applies: 90 days since the order is not yet > 90
      moves: [{ kind: 'changes_on', date: '2026-07-30', toClass: 'active' }],
    });
    expect(lifecycleOf(['2026-04-02']).classKey).toBe('new'); // 89 days
    expect(lifecycleOf(['2026-04-01']).classKey).toBe('active'); // 90 days: no longer new
  });

  it("active: within 1.5 × the customer's median gap", () => {
    const monthly = lifecycleOf(['2026-01-01', '2026-01-31', '2026-03-02', '2026-04-01', '2026-05-01', '2026-05-31']);
    expect(monthly).toEqual({
      classKey: 'active',
      explanation: {
        kind: 'lifecycle',
        firstOrderDate: '2026-01-01',
        lastOrderDate: '2026-05-31',
        daysSinceFirstOrder: 180,
        daysSinceLastOrder: 30,
        orderDays: 6,
        medianGapDays: 30,
        basis: 'median_gap',
        atRiskAfterDays: 45,
        churnedAfterDays: 90,
        newUntil: '2026-03-31',
        moves: [
          { kind: 'order_within', days: 15, by: '2026-07-15', keeps: 'active' },
          { kind: 'changes_on', date: '2026-07-16', toClass: 'at_risk' },
        ],
      },
    });
  });

  it('at_risk: beyond 1.5 × the median gap, churned beyond 3 ×', () => {
    const lapsed = lifecycleOf(['2026-01-01', '2026-01-31', '2026-03-02', '2026-04-01', '2026-05-01']); // 60 days
    expect(lapsed.classKey).toBe('at_risk');
    expect(lapsed.explanation.moves).toEqual([
      { kind: 'place_order', toClass: 'active' },
      { kind: 'changes_on', date: '2026-07-31', toClass: 'churned' },
    ]);
    expect(lifecycleOf(['2026-01-01', '2026-01-31', '2026-03-02', '2026-03-31']).classKey).toBe('churned'); // 91 days > 90
  });

  it('uses the mean of the two middle gaps for an even number of gaps', () => {
    // gaps 10, 20, 40, 50 → median 30 → at risk after 45; last order 60 days ago
    const even = lifecycleOf(['2026-01-01', '2026-01-11', '2026-01-31', '2026-03-12', '2026-05-01']);
    expect(even.explanation).toMatchObject({ medianGapDays: 30, atRiskAfterDays: 45, churnedAfterDays: 90 });
    expect(even.classKey).toBe('at_risk');
  });

  it('falls back to 90 / 180 days for a one-order customer (several orders on one day count once)', () => {
    const once = lifecycleOf(['2026-03-01', '2026-03-01', '2026-03-01']); // 121 days ago
    expect(once.classKey).toBe('at_risk');
    expect(once.explanation).toMatchObject({ orderDays: 1, medianGapDays: null, basis: 'one_order_fallback', atRiskAfterDays: 90, churnedAfterDays: 180 });
    expect(once.explanation.moves).toEqual([
      { kind: 'place_order', toClass: 'active' },
      { kind: 'changes_on', date: '2026-08-29', toClass: 'churned' },
    ]);
    expect(lifecycleOf(['2025-12-01']).classKey).toBe('churned'); // 211 days
    expect(lifecycleOf(['2025-12-01']).explanation.moves).toEqual([{ kind: 'place_order', toClass: 'active' }]);
  });

  it('puts a floor of minGapDays under the median gap', () => {
    const daily = ['2026-06-13', '2026-06-14', '2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18'];
    const quiet = lifecycleOf(daily, { lifecycle: { newDays: 0 } }); // 12 days since, gap max(1, 7) = 7
    expect(quiet.explanation).toMatchObject({ medianGapDays: 1, atRiskAfterDays: 10.5, churnedAfterDays: 21, newUntil: null });
    expect(quiet.classKey).toBe('at_risk');
    expect(lifecycleOf(daily, { lifecycle: { newDays: 0, minGapDays: 0 } }).classKey).toBe('churned'); // 12 > 3 × 1
  });

  it('reads all history up to asOf, not only the window, and ignores later orders', () => {
    // Yearly buyer: both orders are outside the 365-day window, yet the rhythm says "active".
    const yearly = lifecycleOf(['2024-06-30', '2025-06-30']);
    expect(yearly.classKey).toBe('active');
    expect(yearly.explanation).toMatchObject({ medianGapDays: 365, atRiskAfterDays: 547.5 });
    expect(lifecycleOf(['2026-07-01']).classKey).toBe('potential');
    expect(lifecycleOf(['2026-01-01', '2026-07-01']).explanation).toMatchObject({ orderDays: 1, lastOrderDate: '2026-01-01' });
  });

  it('honours configured thresholds', () => {
    const custom = { lifecycle: { newDays: 30, atRiskMultiplier: 1, churnedMultiplier: 1.5, oneOrderAtRiskDays: 30, oneOrderChurnedDays: 60 } };
    expect(lifecycleOf(['2026-04-15'], custom).classKey).toBe('churned'); // 76 days > 60
    expect(lifecycleOf(['2026-05-15'], custom).classKey).toBe('at_risk'); // 46 days > 30
    expect(lifecycleOf(['2026-06-10'], custom).classKey).toBe('new'); // 20 days < 30
    // one gap of 20 days → at risk after 20 × 1, churned after 20 × 1.5 = 30; 25 days since the last order
    expect(lifecycleOf(['2026-05-16', '2026-06-05'], { lifecycle: { ...custom.lifecycle, newDays: 0, minGapDays: 0 } }).classKey).toBe('at_risk');
  });
});

describe('median gap between order dates', () => {
  it('property: each customer’s median of the gaps between distinct dates, computed here the plain way', () => {
    const days = fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 90 }).map((d) => d.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(days, { minLength: 1, maxLength: 12 }), (perCustomer) => {
        const orderStart = new Int32Array(perCustomer.length + 1);
        perCustomer.forEach((d, i) => (orderStart[i + 1] = orderStart[i]! + d.length));
        const pop = { customers: perCustomer.map((_, i) => ({ id: `c${i}` })), orderDays: Int32Array.from(perCustomer.flat()), orderStart } as unknown as Population;
        const medians = medianGaps(pop);
        perCustomer.forEach((d, i) => {
          const distinct = [...new Set(d)];
          const gaps = distinct.slice(1).map((day, k) => day - distinct[k]!).sort((a, b) => a - b);
          const expected = gaps.length === 0 ? Number.NaN : gaps.length % 2 === 1 ? gaps[(gaps.length - 1) / 2]! : (gaps[gaps.length / 2 - 1]! + gaps[gaps.length / 2]!) / 2;
          expect(medians[i]).toBe(expected);
        });
        // In steps of a few customers, each stretch cut short at once: the same medians (a customer's gaps
        // buffer is carried across stretches).
        for (const per of [1, 2, 3]) expect(runSteps(medianGapsInSteps(pop, per, 0))).toEqual(medians);
      }),
      { numRuns: 300 },
    );
  });
});
