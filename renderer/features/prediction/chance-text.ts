import type { TFunction } from 'i18next';
import { formatPercent } from '../../components/format';

const wholePercent = (language: string, value: number) => formatPercent(value, language, { digits: 0 });

/**
 * A chance (0–1) as a whole percentage that never claims more certainty than it has: a chance of 0.3 % rounded
 * to "0%", which reads as "never", and one of 99.7 % to "100%", which reads as "certain". Those read "<1%" and
 * ">99%"; only a chance of exactly 0 or 1 reads "0%" or "100%".
 */
export function chanceText(chance: number, t: TFunction, language: string): string {
  const percent = Math.round(chance * 100);
  if (percent === 0 && chance > 0) return t('prediction:chance.below', { percent: wholePercent(language, 0.01) });
  if (percent === 100 && chance < 1) return t('prediction:chance.above', { percent: wholePercent(language, 0.99) });
  return wholePercent(language, percent / 100);
}

/**
 * The stored purchase-likelihood score (0–100, the chance of a purchase in the next 90 days rounded to whole
 * percent) as chanceText words it. The model's chance is P(alive) × (1 − the chance of no purchase while alive),
 * both strictly between 0 and 1 (shared/prediction/bgnbd-predict.ts), so a stored 0 is a chance under 0.5 % and a
 * stored 100 one of 99.5 % or more, never a certainty either way.
 */
export function scoreText(score: number, t: TFunction, language: string): string {
  if (score <= 0) return chanceText(0.001, t, language);
  if (score >= 100) return chanceText(0.999, t, language);
  return chanceText(score / 100, t, language);
}
