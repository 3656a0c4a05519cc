import { describe, expect, it } from 'vitest';
import { assignment, customer, order, run } from './fixtures';
import { customers, orders } from './population-a-to-f';

/*
 * With the default weights (1, 1, 1, follow-ups 0) the value scores of A..E are R+F+M:
 *   A 5+4+3 = 12, B 3+1+2 = 6, C 2+3+5 = 10, D 3+5+3 = 11, E 1+1+1 = 3.
 * n = 5: high target round(0.2·5) = 1 → cut 12; high+medium target round(0.5·5 = 2.5) = 3 → cut 10.
 */
describe('value', () => {
  const result = run(customers, orders);

  it('cuts the weighted score at the top 20% and the next 30%', () => {
    expect(result.classKeys.value).toEqual(['high', 'low', 'medium', 'medium', 'low', 'none']);
    expect(result.schemes.value!.counts).toEqual({ high: 1, medium: 2, low: 2, none: 1 });
    expect(result.schemes.value!.cuts).toEqual({
      kind: 'value',
      buyers: 5,
      basis: 'revenue',
      mode: 'shares',
      weights: { r: 1, f: 1, m: 1, followUps: 0 },
      followUps: [
        { score: 2, bound: 'at_least', value: 1 },
        { score: 3, bound: 'at_least', value: 1 },
        { score: 4, bound: 'at_least', value: 1 },
        { score: 5, bound: 'at_least', value: 1 },
      ],
      high: { targetCount: 1, minValue: 12 },
      medium: { targetCount: 3, minValue: 10 },
    });
  });

  it('explains the score and what closes the gap to the next class', () => {
    // B needs 4 more points. R alone tops out at 5+1+2 = 8 and M at 3+1+5 = 9; F5 (5 orders) gives 10.
    expect(assignment(result, 'B', 'value')).toEqual({
      classKey: 'low',
      explanation: {
        kind: 'value',
        group: null,
        basis: 'revenue',
        fellBackToRevenue: false,
        basisAmountMinor: 5000,
        mode: 'shares',
        recencyDays: 10,
        orderCount: 1,
        revenueMinor: 5000,
        followUpCount: 0,
        scores: { r: 3, f: 1, m: 2, followUps: 1 },
        weights: { r: 1, f: 1, m: 1, followUps: 0 },
        valueScore: 6,
        cuts: { high: 12, medium: 10 },
        moves: [
          { kind: 'raise_value_score', points: 4, toClass: 'medium' },
          { kind: 'reach_score', dimension: 'f', score: 5, bound: 'at_least', value: 5, toClass: 'medium' },
        ],
      },
    });
    expect(assignment(result, 'A', 'value').explanation.moves).toEqual([]);
  });

  it('keeps ties at a cut together in the higher class', () => {
    const tenEqual = run(
      Array.from({ length: 10 }, (_, k) => customer(`t${k}`)),
      Array.from({ length: 10 }, (_, k) => order(`t${k}`, '2026-06-01', 500)),
    );
    expect(new Set(tenEqual.classKeys.value)).toEqual(new Set(['high']));
  });

  it('uses the configured weights, follow-ups included', () => {
    // Only money counts (M scores A3 B2 C5 D3 E1): high ≥ the largest (5) → C; medium ≥ the third
    // largest (3) → A and D; B and E are low.
    const moneyOnly = run(customers, orders, [], { value: { weights: { r: 0, f: 0, m: 1, followUps: 0 } } });
    expect(moneyOnly.classKeys.value).toEqual(['medium', 'low', 'high', 'medium', 'low', 'none']);
    // Follow-ups only: counts A0 B1 C0 D0 E2 score 1 4 1 1 5. High ≥ 5 → E. Medium ≥ the third largest,
    // which is 1: the three-way tie at the cut goes up, so everyone else is medium.
    const engaged = run(
      customers,
      orders,
      [
        { customerId: 'E', occurredAt: '2026-05-01T09:00:00Z', date: '2026-05-01', intent: null, satisfaction: null },
        { customerId: 'E', occurredAt: '2026-05-02T09:00:00Z', date: '2026-05-02', intent: null, satisfaction: null },
        { customerId: 'B', occurredAt: '2026-05-03T09:00:00Z', date: '2026-05-03', intent: null, satisfaction: null },
      ],
      { value: { weights: { r: 0, f: 0, m: 0, followUps: 1 } } },
    );
    expect(engaged.classKeys.value).toEqual(['medium', 'medium', 'medium', 'medium', 'high', 'none']);
  });
});
