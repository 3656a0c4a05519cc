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

/** The translation key and values of the one-sentence "why" ("买过6次，通常每40天一次，上次在95天前 → 可能正在流失"). */
export function whySentence(p: Pick<CustomerPrediction, 'purchases' | 'pAlive' | 'score' | 'typicalGapDays' | 'daysSinceLast'>): { key: 'why.repeat' | 'why.once'; values: Record<string, number | string>; verdict: Verdict } {
  const verdict = verdictOf(p);
  if (p.purchases <= 1 || p.typicalGapDays === null) return { key: 'why.once', values: { days: p.daysSinceLast }, verdict };
  return { key: 'why.repeat', values: { purchases: p.purchases, gap: Math.max(1, Math.round(p.typicalGapDays)), days: p.daysSinceLast }, verdict };
}
