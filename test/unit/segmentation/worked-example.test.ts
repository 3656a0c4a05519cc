/** The worked example of docs/segmentation.md, asserted so the document cannot drift from the code. */
import { describe, expect, it } from 'vitest';
import { assignment, run } from './fixtures';
import { customers, orders } from './population-a-to-f';

describe('docs/segmentation.md worked example', () => {
  const result = run(customers, orders);

  it('classifies A..F as the table in the document says', () => {
    const table = Object.fromEntries(['rfm', 'rf_segment', 'value', 'pyramid', 'lifecycle', 'loyalty', 'behavior'].map((s) => [s, result.classKeys[s]]));
    expect(table).toEqual({
      rfm: ['543', '312', '235', '353', '111', 'none'],
      rf_segment: ['champions', 'about_to_sleep', 'at_risk', 'loyal', 'hibernating', 'none'],
      value: ['high', 'low', 'medium', 'medium', 'low', 'none'],
      pyramid: ['lead', 'lead', 'iron', 'lead', 'lead', 'none'],
      lifecycle: ['active', 'new', 'new', 'active', 'churned', 'churned'],
      loyalty: ['loyal', 'potential', 'potential', 'loyal', 'churned', 'churned'],
      behavior: ['high_frequency', 'low_frequency', 'high_frequency', 'high_frequency', 'low_frequency', 'potential'],
    });
  });

  it("explains A's lifecycle and pyramid as the document shows", () => {
    expect(assignment(result, 'A', 'lifecycle').explanation).toEqual({
      kind: 'lifecycle',
      firstOrderDate: '2026-03-01',
      lastOrderDate: '2026-06-29',
      daysSinceFirstOrder: 121,
      daysSinceLastOrder: 1,
      orderDays: 3,
      medianGapDays: 60,
      basis: 'median_gap',
      atRiskAfterDays: 90,
      churnedAfterDays: 180,
      newUntil: '2026-05-29',
      moves: [
        { kind: 'order_within', days: 89, by: '2026-09-27', keeps: 'active' },
        { kind: 'changes_on', date: '2026-09-28', toClass: 'at_risk' },
      ],
    });
    expect(assignment(result, 'A', 'pyramid').explanation).toEqual({
      kind: 'pyramid',
      group: null,
      basis: 'revenue',
      fellBackToRevenue: false,
      mode: 'shares',
      shares: { platinum: 0.01, gold: 0.04, iron: 0.15 },
      thresholds: null,
      rankValue: 40000,
      rank: 2,
      ranked: 5,
      cuts: { platinum: null, gold: null, iron: 60000 },
      // lead: every ranked customer is in lead or above, and lead has no target of its own
      reached: { count: 5, target: null },
      moves: [{ kind: 'spend_more', amountMinor: 20000, by: '2027-02-28', toClass: 'iron' }],
    });
    expect(result.schemes.behavior!.cuts).toEqual({ kind: 'behavior', basis: 'median', thresholdOrders: 2 });
  });
});
