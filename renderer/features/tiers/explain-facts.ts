import type { TFunction } from 'i18next';
import type { Explanation } from '../../../shared/contract/segmentation';
import { formatDate, formatMoney } from '../../components/format';
import { classLabel, profileValueText, type HintEnv } from './labels';

const MONEY_FACTS = new Set(['revenueMinor', 'rankValue', 'basisAmountMinor']);
const DATE_FACTS = new Set(['firstOrderDate', 'lastOrderDate', 'newUntil']);

export interface Fact {
  key: string;
  label: string;
  text: string;
}

/**
 * The plain facts of an explanation (numbers, dates, words) in the engine's field order, each as the user
 * reads it: money and dates formatted, engine keys ('median_gap', 'overseas', 'distributor') in words,
 * scores spelled out. Pure, so a test can scan every explanation for a leaked key.
 */
export function explanationFacts(t: TFunction, scheme: string, explanation: Explanation, env: HintEnv): Fact[] {
  const { language, currency } = env;
  const text = (key: string, v: string | number): string => {
    if (MONEY_FACTS.has(key) && typeof v === 'number') return formatMoney(v, currency, language);
    if (DATE_FACTS.has(key) && typeof v === 'string') return formatDate(v, language);
    if (key === 'basis' || key === 'rule' || key === 'mode') return t(`tiers:factValues.${v}`);
    if (key === 'lifecycle') return classLabel(t, 'lifecycle', String(v), language, env);
    // A profile value is a stored key ('overseas', 'CN'): shown in words.
    if (key === 'value' && typeof v === 'string') return profileValueText(t, scheme, v, language);
    return typeof v === 'number' ? String(Math.round(v * 100) / 100) : v;
  };
  const facts: Fact[] = Object.entries(explanation)
    .filter((e): e is [string, string | number] => e[0] !== 'kind' && (typeof e[1] === 'number' || typeof e[1] === 'string'))
    .map(([key, v]) => ({ key, label: t(`tiers:facts.${key}`), text: text(key, v) }));
  const scores = explanation.scores as { r: number; f: number; m?: number } | null | undefined;
  if (scores) {
    facts.push({
      key: 'scores',
      label: t('tiers:columns.scores'),
      text: scores.m === undefined ? t('tierLabels:scoresRF', { r: scores.r, f: scores.f }) : t('tierLabels:scores', { r: scores.r, f: scores.f, m: scores.m }),
    });
  }
  return facts;
}
