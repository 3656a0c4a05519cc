import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../renderer/components/format';
import { percent, signedPercent } from '../../../renderer/features/evaluation/figures';
import { reasonText } from '../../../renderer/features/offering/reason-text';
import { chanceText } from '../../../renderer/features/prediction/chance-text';
import { shareCell } from '../../../renderer/features/tiers/share-cell';
import { resources } from '../../../renderer/i18n/resources';
import { ISSUE_MESSAGES } from '../../../shared/contract/errors';
import { bothTranslators } from '../../support/both-languages';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ts = bothTranslators();

/**
 * English wrote some percentages "1 %", with a space (the CLV basis, a tier's "top 1 % of …", the shares' and the
 * discount's limits); English writes "1%", and Chinese "1%" too. Every percentage the product shows or writes now
 * comes from one formatter, and no text puts a space before a percent sign.
 */
describe.each(['en', 'zh-CN'] as const)('a percentage, in %s', (language) => {
  it('is the number against its sign, to the decimals asked for', () => {
    expect(formatPercent(0.01, language)).toBe('1%');
    expect(formatPercent(0.125, language)).toBe('12.5%');
    expect(formatPercent(0.1234, language)).toBe('12.3%');
    expect(formatPercent(0.015, language, { digits: 2 })).toBe('1.5%');
    expect(formatPercent(1 / 3, language, { digits: 2 })).toBe('33.33%');
    expect(formatPercent(0.374, language, { digits: 0 })).toBe('37%');
    expect(formatPercent(12.345, language)).toBe('1,234.5%');
    expect(formatPercent(-0.052, language)).toBe('-5.2%');
    // Nothing left after rounding is no fall.
    expect(formatPercent(-0.00001, language)).toBe('0%');
    expect(formatPercent(0.125, language, { signed: true })).toBe('+12.5%');
    expect(formatPercent(-0.03, language, { signed: true })).toBe('-3%');
    expect(formatPercent(0, language, { signed: true })).toBe('0%');
  });

  it('is what the evaluation, the tier summary, the offers and the likelihood write', () => {
    const t = ts[language];
    expect([percent(language, 0.349), percent(language, 0.5, 0), signedPercent(language, 0.125)]).toEqual(['34.9%', '50%', '+12.5%']);
    // 1,137 of 1,000: the class's net revenue against the total, worked out by hand.
    expect(shareCell(1137, 1000, language)?.text).toBe('113.7%');
    expect(chanceText(0.374, t, language)).toBe('37%');
    const peers = reasonText(t, { kind: 'peers', peers: 5, buyers: 1, share: 1 / 5 }, language);
    expect(peers).toContain(language === 'en' ? '(20%)' : '（20%）');
  });

  it('stands in the sentences that name one without a space before it', () => {
    const t = ts[language];
    const basis = t('clv:basis', { months: 24, rate: formatPercent(0.015, language, { digits: 2 }) });
    expect(basis).toContain(language === 'en' ? 'discounted 1.5% a month' : '每月按 1.5% 折现');
  });
});

/** Every string of a resource tree, with where it is. */
function strings(tree: unknown, at: string): [string, string][] {
  if (typeof tree === 'string') return [[at, tree]];
  if (tree && typeof tree === 'object') return Object.entries(tree).flatMap(([key, value]) => strings(value, `${at}.${key}`));
  return [];
}

/** A number, or a placeholder that stands for one, then a space (of any width) and a percent sign. */
const SPACED_PERCENT = /(\d|\}\})[\s\u00a0\u202f]+%/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the texts that carry a percentage', () => {
  it('put no space before the sign, in either language, nor in the messages the command line prints', () => {
    const spaced = [
      ...Object.entries(resources).flatMap(([namespace, byLanguage]) => strings(byLanguage, namespace)),
      ...strings(ISSUE_MESSAGES, 'ISSUE_MESSAGES'),
    ].filter(([, text]) => SPACED_PERCENT.test(text));
    expect(spaced).toEqual([]);
  });

  it('are formatted in one place: no other file builds a percent formatter of its own', () => {
    const own = ['renderer', 'core', 'shared']
      .flatMap((dir) => sourcesUnder(join(ROOT, dir)))
      .filter((file) => /style: ['"]percent['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split('\\').join('/'));
    expect(own).toEqual(['renderer/components/format.ts']);
  });
});
