import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../shared/contract';
import type { Explanation } from '../../../shared/contract/segmentation';
import { formatDate } from '../../components/format';
import { cutLines, type GroupNames } from './cut-text';
import { classLabel, type HintEnv } from './labels';

/**
 * What the screens read of the last purchase-likelihood fit (prediction:customers, stored only, as the Predictions
 * screen and the customer file read it): whether it was refused and why, as of which day, and whether there is a
 * model at all. null while it is read, or where it could not be.
 */
export type PredictionStatus = Pick<OutputOf<'prediction:customers'>, 'asOf' | 'model' | 'refused'>;

/** Whether a scheme's explanation ranks by predicted value (pyramid or value with basis 'predicted'). */
export function ranksByPrediction(scheme: string, explanation: Explanation): boolean {
  return (scheme === 'pyramid' || scheme === 'value') && explanation.basis === 'predicted';
}

/**
 * A pyramid ranked by predicted value leaves out every customer without a predicted value: 'none' with no rank
 * value. That 'none' is not the window's "no orders in the last 12 months" (they may have ordered today).
 */
function unrankedForPrediction(scheme: string, classKey: string, explanation: Explanation): boolean {
  return scheme === 'pyramid' && classKey === 'none' && explanation.basis === 'predicted' && explanation.rankValue == null;
}

/**
 * Why a predicted-value ranking has no value to go on, in the user's words: the fit was refused (nobody has bought
 * on a second day: the Predictions screen's reason, with its count and day), or this customer has not bought by the
 * explanation's day (only buyers are predicted). Without the status, only what the explanation itself says.
 */
function predictionLines(t: TFunction, scheme: string, classKey: string, explanation: Explanation, day: string, language: string, prediction: PredictionStatus | null): string[] {
  if (!ranksByPrediction(scheme, explanation)) return [];
  const refused = prediction?.refused ? { count: prediction.refused.customers, date: formatDate(prediction.asOf, language) } : null;
  if (unrankedForPrediction(scheme, classKey, explanation)) {
    if (refused) return [t('tierSettings:predicted.pyramidRefused', refused)];
    // A fit was made and this customer is not in it: only customers who have bought are predicted.
    return [prediction?.model ? t('tierSettings:predicted.notBought', { date: formatDate(day, language) }) : t('tierSettings:predicted.unknown')];
  }
  // Value scores M from the predicted value, a missing one counting as 0: with no fit, every buyer's M is from 0.
  if (scheme === 'value' && classKey !== 'none' && refused) return [t('tierSettings:predicted.valueRefused', refused)];
  return [];
}

/**
 * One scheme's class in the explanation drawer: the class's label and the sentences that say where it comes from
 * (cutLines), with what a ranking by predicted value could not go on.
 */
export function explainedClass(
  t: TFunction,
  scheme: string,
  classKey: string,
  explanation: Explanation,
  env: HintEnv & { day: string; prediction: PredictionStatus | null },
  names: Omit<GroupNames, 'partition'> = {},
): { label: string; lines: string[] } {
  const label = unrankedForPrediction(scheme, classKey, explanation) ? t('tierSettings:predicted.unranked') : classLabel(t, scheme, classKey, env.language, env);
  return { label, lines: [...cutLines(t, scheme, classKey, explanation, env, names), ...predictionLines(t, scheme, classKey, explanation, env.day, env.language, env.prediction)] };
}
