import { describe, expect, it } from 'vitest';
import { baseMoney } from '../../../core/cli/base-money';
import { hintLine } from '../../../core/cli/commands-segmentation';

/** The CLI's "what would move them" lines: amounts in the base currency, one day and many. */
describe('the CLI hint lines', () => {
  const usd = baseMoney('USD');

  it('count one day, order or follow-up in the singular and more in the plural', () => {
    expect(hintLine({ kind: 'reach_score', dimension: 'r', score: 2, bound: 'at_most', value: 1, toClass: '244' }, usd)).toBe('r score 2 needs ≤ 1 day since the last order → 244');
    expect(hintLine({ kind: 'reach_score', dimension: 'r', score: 4, bound: 'at_most', value: 33, toClass: null }, usd)).toBe('r score 4 needs ≤ 33 days since the last order');
    expect(hintLine({ kind: 'reach_score', dimension: 'f', score: 2, bound: 'at_least', value: 1, toClass: null }, usd)).toBe('f score 2 needs ≥ 1 order in the window');
    expect(hintLine({ kind: 'reach_score', dimension: 'followUps', score: 5, bound: 'at_least', value: 6, toClass: null }, usd)).toBe('followUps score 5 needs ≥ 6 follow-ups in the window');
  });

  it('show money in the base currency', () => {
    expect(hintLine({ kind: 'reach_score', dimension: 'm', score: 3, bound: 'at_least', value: 12050, toClass: 'gold' }, usd)).toBe('m score 3 needs ≥ 120.50 USD revenue in the window → gold');
    expect(hintLine({ kind: 'reach_score', dimension: 'm', score: 3, bound: 'at_least', value: 1, toClass: null }, usd)).toBe('m score 3 needs ≥ 0.01 USD revenue in the window');
    expect(hintLine({ kind: 'spend_more', amountMinor: 3800000, by: '2026-12-31', toClass: 'platinum' }, baseMoney('JPY'))).toBe('spend 3800000 JPY more by 2026-12-31 → platinum');
  });
});
