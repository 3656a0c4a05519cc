import { describe, expect, it } from 'vitest';
import { CLOSED_SCHEME_KEYS } from '../../../shared/segmentation';
import { assignment, classOf, customer, order, run } from './fixtures';

/**
 * A zero-value order (a free sample, CDNOW's 0.00 rows) is a purchase with no revenue: it counts for
 * recency, frequency and lifecycle exactly as a paid order on the same day, and adds 0 to the money.
 */
describe('zero-value orders', () => {
  const dates = ['2026-03-01', '2026-05-20', '2026-06-25'];
  const free = run([customer('free'), customer('other')], [...dates.map((d) => order('free', d, 0)), order('other', '2026-01-10', 50_000)]);
  const paid = run([customer('free'), customer('other')], [...dates.map((d) => order('free', d, 1)), order('other', '2026-01-10', 50_000)]);

  it('counts as an order for lifecycle and frequency: the same classes as a 0.01 order on the same days', () => {
    for (const scheme of ['lifecycle', 'loyalty', 'rf_segment'] as const) expect(classOf(free, 'free', scheme)).toBe(classOf(paid, 'free', scheme));
    const lifecycle = assignment(free, 'free', 'lifecycle').explanation as { orderDays: number; lastOrderDate: string };
    expect(lifecycle.orderDays).toBe(dates.length);
    expect(lifecycle.lastOrderDate).toBe('2026-06-25');
    expect(classOf(free, 'free', 'lifecycle')).not.toBe('potential');
  });

  it('adds nothing to revenue, so a paying customer ranks above it on money', () => {
    const pyramid = assignment(free, 'free', 'pyramid').explanation as { rankValue: number | null; rank: number | null };
    // A buyer with 0 revenue is ranked (not "no orders"), with rank value 0, below the paying customer.
    expect(pyramid.rankValue).toBe(0);
    expect(pyramid.rank).toBe(2);
    expect((assignment(free, 'other', 'pyramid').explanation as { rank: number }).rank).toBe(1);
    expect(CLOSED_SCHEME_KEYS.every((scheme) => typeof classOf(free, 'free', scheme) === 'string')).toBe(true);
  });
});
