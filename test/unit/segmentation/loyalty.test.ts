import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../shared/segmentation';
import { classifyLoyalty } from '../../../shared/segmentation/loyalty';
import { assignment, customer, order, run } from './fixtures';
import { customers, orders } from './population-a-to-f';

const t = DEFAULT_CONFIG.loyalty;

describe('loyalty', () => {
  it('applies the decision list in order', () => {
    const top = { r: 5, f: 5, m: 5 };
    expect(classifyLoyalty('churned', top, t)).toEqual({ classKey: 'churned', rule: 'churned' });
    expect(classifyLoyalty('potential', null, t)).toEqual({ classKey: 'potential', rule: 'never_ordered' });
    expect(classifyLoyalty('new', { r: 3, f: 4, m: 1 }, t)).toEqual({ classKey: 'loyal', rule: 'frequent_and_recent' });
    expect(classifyLoyalty('at_risk', { r: 3, f: 4, m: 1 }, t)).toEqual({ classKey: 'loyal', rule: 'frequent_and_recent' });
    expect(classifyLoyalty('new', { r: 1, f: 1, m: 1 }, t)).toEqual({ classKey: 'potential', rule: 'new' });
    expect(classifyLoyalty('active', { r: 4, f: 1, m: 1 }, t)).toEqual({ classKey: 'potential', rule: 'recent_or_big' });
    expect(classifyLoyalty('active', { r: 1, f: 3, m: 4 }, t)).toEqual({ classKey: 'potential', rule: 'recent_or_big' });
    expect(classifyLoyalty('active', { r: 3, f: 3, m: 3 }, t)).toEqual({ classKey: 'marginal', rule: 'otherwise' });
    expect(classifyLoyalty('active', null, t)).toEqual({ classKey: 'marginal', rule: 'otherwise' });
  });

  it('classifies the hand-scored population', () => {
    // A R5 F4 active → loyal; B, C first ordered < 90 days ago → new → potential; D R3 F5 → loyal;
    // E and F: one order 273 / 365 days ago → churned.
    const result = run(customers, orders);
    expect(result.classKeys.loyalty).toEqual(['loyal', 'potential', 'potential', 'loyal', 'churned', 'churned']);
    expect(assignment(result, 'E', 'loyalty').explanation).toEqual({
      kind: 'loyalty',
      group: null,
      lifecycle: 'churned',
      scores: { r: 1, f: 1, m: 1 },
      rule: 'churned',
      moves: [],
    });
  });

  it('marks the never-ordered potential and the quiet-but-not-churned marginal', () => {
    const result = run([customer('prospect'), customer('yearly')], [order('yearly', '2024-06-30'), order('yearly', '2025-06-30')]);
    expect(result.classKeys.loyalty).toEqual(['potential', 'marginal']);
  });

  it('hints the least value that lifts a marginal customer', () => {
    /*
     * All three ordered in 2025-01 (not new) and once in the window. Scores among the three buyers:
     *   X last 2026-06-29, 100 → R4 F1 M2 → potential (recent)
     *   Y last 2026-03-01,  50 → R2 F1 M1 → marginal
     *   Z last 2026-01-01, 500 → R1 F1 M4 → potential (big)
     * Y: ordering today beats X and Z → R4; spending 501 beats X and Z → M4. More orders reach F4 but
     * not R3, so F does not change the class.
     */
    const result = run(
      ['X', 'Y', 'Z'].map((id) => customer(id)),
      [
        order('X', '2025-01-01'),
        order('X', '2026-06-29', 100),
        order('Y', '2025-01-01'),
        order('Y', '2026-03-01', 50),
        order('Z', '2025-01-01'),
        order('Z', '2026-01-01', 500),
      ],
    );
    expect(result.classKeys.loyalty).toEqual(['potential', 'marginal', 'potential']);
    expect(assignment(result, 'Y', 'loyalty').explanation).toEqual({
      kind: 'loyalty',
      group: null,
      lifecycle: 'active',
      scores: { r: 2, f: 1, m: 1 },
      rule: 'otherwise',
      moves: [
        { kind: 'reach_score', dimension: 'r', score: 4, bound: 'at_most', value: 0, toClass: 'potential' },
        { kind: 'reach_score', dimension: 'm', score: 4, bound: 'at_least', value: 501, toClass: 'potential' },
      ],
    });
  });
});
