import { describe, expect, it } from 'vitest';
import { classText, type FigureEnv } from '../../renderer/features/evaluation/figures';
import { classLabel } from '../../renderer/features/tiers/labels';
import { classSpellingsOf, textKey } from '../../shared/segmentation';
import { bothTranslators } from '../support/both-languages';

const ts = bothTranslators();

const typed: [string | null, number][] = [
  ['OEM Electronics', 2],
  ['  OEM   Electronics ', 1],
  ['ＯＥＭ Electronics', 1],
  ['oem electronics', 3],
  ['Long-term Wholesale', 1],
  ['long-term wholesale', 1],
  ['  ', 4],
  [null, 5],
  ['constructor', 1],
];

describe('the spelling a free-text class is shown by', () => {
  it('is the most used one as a person sees it (NFKC, spaces), ties to the one sorting first', () => {
    const names = classSpellingsOf(typed);
    expect(names).toEqual({ 'oem electronics': 'OEM Electronics', 'long-term wholesale': 'Long-term Wholesale', constructor: 'constructor' });
    // Every spelling lands on the class key the engine gives it.
    for (const [raw] of typed) if (raw?.trim()) expect(Object.keys(names)).toContain(textKey(raw));
    // The order rows come in does not change the winner of a tie.
    expect(classSpellingsOf([...typed].reverse())).toEqual(names);
  });

  it('names the class in the tier screens and the Evaluation, in both languages', () => {
    const spellings = { industry: classSpellingsOf(typed), income: { '10m+ usd': '10M+ USD' } };
    for (const lng of ['zh-CN', 'en'] as const) {
      expect(classLabel(ts[lng], 'industry', 'oem electronics', lng, { spellings })).toBe('OEM Electronics');
      expect(classLabel(ts[lng], 'industry', 'long-term wholesale', lng, { window: { kind: 'days', days: 365 }, spellings })).toBe('Long-term Wholesale');
      expect(classLabel(ts[lng], 'income', '10m+ usd', lng, { spellings })).toBe('10M+ USD');
      // A key nobody holds any more shows as itself; "toString" is no inherited name.
      expect(classLabel(ts[lng], 'size', 'toString', lng, { spellings })).toBe('toString');
      expect(classLabel(ts[lng], 'industry', 'unknown', lng, { spellings })).toBe(ts[lng]('tiers:classes.unknown'));
      const env: FigureEnv = { t: ts[lng], language: lng, currency: 'CNY', scheme: 'industry', spellings };
      expect(classText(env, 'oem electronics')).toBe('OEM Electronics');
    }
  });
});
