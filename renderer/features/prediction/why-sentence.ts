import type { CustomerPrediction } from '../../../shared/contract/prediction';

export type Verdict = 'buyingSoon' | 'active' | 'slipping' | 'lost' | 'mayReturn' | 'quiet';

/**
 * The plain-language verdict behind a prediction. A one-time buyer is always "alive" in BG/NBD (nobody
 * can drop out before a repeat purchase), so for them the verdict reads the 90-day likelihood instead.
 */
export function verdictOf(p: Pick<CustomerPrediction, 'purchases' | 'pAlive' | 'score'>): Verdict {
  if (p.purchases <= 1) return p.score >= 30 ? 'mayReturn' : 'quiet';
  if (p.pAlive >= 0.7) return p.score >= 50 ? 'buyingSoon' : 'active';
  return p.pAlive >= 0.3 ? 'slipping' : 'lost';
}

/** A phrase of the sentence: its key under prediction:why and its count, if it counts. */
export interface WhyPhrase {
  key: 'everyDay' | 'every' | 'today' | 'yesterday' | 'ago';
  count?: number;
}

/** "today", "yesterday", "95 days ago": a last purchase of today read "last 0 days ago". */
const agoPhrase = (days: number): WhyPhrase => (days <= 0 ? { key: 'today' } : days === 1 ? { key: 'yesterday' } : { key: 'ago', count: days });

/** "every day", "every 40 days". */
const everyPhrase = (gap: number): WhyPhrase => (gap <= 1 ? { key: 'everyDay' } : { key: 'every', count: gap });

/**
 * The translation key of the one-sentence "why" ("买过6次，平均每40天一次，上次是95天前 → 可能正在流失") and its
 * phrases, each said in the sentence's language first (sayWhy).
 */
export function whySentence(p: Pick<CustomerPrediction, 'purchases' | 'pAlive' | 'score' | 'typicalGapDays' | 'daysSinceLast'>): { key: 'why.repeat' | 'why.once'; purchases: number; every: WhyPhrase | null; ago: WhyPhrase; verdict: Verdict } {
  const verdict = verdictOf(p);
  const ago = agoPhrase(p.daysSinceLast);
  if (p.purchases <= 1 || p.typicalGapDays === null) return { key: 'why.once', purchases: p.purchases, every: null, ago, verdict };
  return { key: 'why.repeat', purchases: p.purchases, every: everyPhrase(Math.max(1, Math.round(p.typicalGapDays))), ago, verdict };
}

/** The sentence in the language of `t` (prediction namespace). */
export function sayWhy(t: (key: string, values?: Record<string, unknown>) => string, why: ReturnType<typeof whySentence>): string {
  const phrase = (x: WhyPhrase) => t(`why.${x.key}`, x.count === undefined ? {} : { count: x.count });
  return t(why.key, { purchases: why.purchases, every: why.every ? phrase(why.every) : '', ago: phrase(why.ago), verdict: t(`verdict.${why.verdict}`) });
}
