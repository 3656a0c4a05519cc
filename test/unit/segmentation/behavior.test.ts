import { describe, expect, it } from 'vitest';
import { assignment, customer, order, run } from './fixtures';

/** Customers b1..bn where b(k) has counts[k] orders in June 2026 (first on 2026-06-01). */
function withCounts(counts: number[], overrides = {}) {
  const cs = counts.map((_, k) => customer(`b${k + 1}`));
  const os = counts.flatMap((count, k) => Array.from({ length: count }, (_, j) => order(`b${k + 1}`, `2026-06-${String(j + 1).padStart(2, '0')}`)));
  return run([...cs, customer('none')], os, [], overrides);
}

describe('behavior', () => {
  it('splits at the median order count among buyers, ≥ median being high', () => {
    const odd = withCounts([1, 2, 3]);
    expect(odd.classKeys.behavior).toEqual(['low_frequency', 'high_frequency', 'high_frequency', 'potential']);
    expect(odd.schemes.behavior!.cuts).toEqual({ kind: 'behavior', basis: 'median', thresholdOrders: 2 });
    expect(assignment(odd, 'b1', 'behavior')).toEqual({
      classKey: 'low_frequency',
      explanation: {
        kind: 'behavior',
        group: null,
        orderCount: 1,
        basis: 'median',
        thresholdOrders: 2,
        moves: [{ kind: 'order_more', orders: 1, by: '2027-05-31', toClass: 'high_frequency' }],
      },
    });
  });

  it('uses the mean of the two middle counts, and hints past the median the customer itself moves', () => {
    // counts 1 1 5 5: median 3. Raising one 1 to 3 makes the median (3 + 5) / 2 = 4, to 4 makes it 4.5;
    // only 5 orders (median 5) reach it — 4 more, not 2.
    const even = withCounts([1, 1, 5, 5]);
    expect(even.classKeys.behavior).toEqual(['low_frequency', 'low_frequency', 'high_frequency', 'high_frequency', 'potential']);
    expect(even.schemes.behavior!.cuts).toMatchObject({ thresholdOrders: 3 });
    expect(assignment(even, 'b1', 'behavior').explanation.moves).toEqual([{ kind: 'order_more', orders: 4, by: '2027-05-31', toClass: 'high_frequency' }]);
  });

  it('calls everyone high when all counts are equal', () => {
    expect(withCounts([2, 2, 2]).classKeys.behavior).toEqual(['high_frequency', 'high_frequency', 'high_frequency', 'potential']);
  });

  it('can use a fixed threshold instead', () => {
    const fixed = withCounts([1, 2, 3], { behavior: { threshold: { kind: 'fixed', orders: 3 } } });
    expect(fixed.classKeys.behavior).toEqual(['low_frequency', 'low_frequency', 'high_frequency', 'potential']);
    expect(fixed.schemes.behavior!.cuts).toEqual({ kind: 'behavior', basis: 'fixed', thresholdOrders: 3 });
    expect(assignment(fixed, 'b1', 'behavior').explanation.moves).toEqual([{ kind: 'order_more', orders: 2, by: '2027-05-31', toClass: 'high_frequency' }]);
  });

  it("is 'potential' for everyone when nobody bought in the window", () => {
    const result = run([customer('a')], [order('a', '2024-01-01')]);
    expect(result.classKeys.behavior).toEqual(['potential']);
    expect(assignment(result, 'a', 'behavior').explanation).toEqual({ kind: 'behavior', group: null, orderCount: 0, basis: 'median', thresholdOrders: null, moves: [] });
  });
});
