import { spellingOf, type ClassSpellings } from '../../shared/segmentation';
import { resources } from '../../renderer/i18n/resources';
import type { Words } from './words';
import type { Caller } from './commands';
import { countryName } from '../../renderer/components/format';

/**
 * How a command's lines for people name classes: a free-text class (industry, income, size) by its customers'
 * spelling, as the screens do; a pyramid ranked by predicted value calls its 'none' unranked, not "no orders" (its
 * customers without a predicted value ordered as much as anyone). It rides along with the output for the human
 * form only: --json leaves it out.
 */
export interface ClassNaming {
  spellings: ClassSpellings;
  pyramidByPrediction: boolean;
}

export type WithSpellings<T> = T & ClassNaming;

/** Naming that reads nothing: free-text classes by key, the pyramid by revenue. */
export const PLAIN_NAMING: ClassNaming = { spellings: {}, pyramidByPrediction: false };

/**
 * The naming for a command's human output; nothing read under --json, which leaves it out. Reading the spellings is
 * three grouped scans of the customers (tens of milliseconds at 100k), which a script asking for JSON need not pay.
 */
export async function spellingsFor(values: { json?: unknown }, call: Caller): Promise<ClassNaming> {
  if (values.json === true) return PLAIN_NAMING;
  const [spellings, config] = await Promise.all([call('segments:classSpellings', {}), call('segments:config:get', {})]);
  return { spellings, pyramidByPrediction: (config.effective as { pyramid?: { basis?: unknown } }).pyramid?.basis === 'predicted' };
}

export const shownClass = (spellings: ClassSpellings, scheme: string, classKey: string): string => spellingOf(spellings, scheme, classKey) ?? classKey;

/** The customer vocabularies the profile schemes' classes come from (common.ts), as the screens name them. */
const VOCABULARY: Readonly<Record<string, string>> = { type: 'customerType', locality: 'locality', needs: 'needs', intent: 'intent' };

/**
 * A class as a line for people names it: a free-text class by its customers' spelling; otherwise, in either language,
 * as the screens name it (renderer/features/tiers/labels.ts classLabel), a predicted-value pyramid's 'none' unranked:
 * gold is 黄金 / Gold, none is 无订单 / No orders, at_risk is 有流失风险 / At risk, a customer type, locality, need or
 * intent by the customer form's word, a country by its name; any other (an RFM score, a size band) by its key.
 */
export function classWord(naming: ClassNaming, scheme: string, classKey: string, w: Words): string {
  const spelled = spellingOf(naming.spellings, scheme, classKey);
  if (spelled !== undefined && spelled !== null) return spelled;
  if (scheme === 'pyramid' && classKey === 'none' && naming.pyramidByPrediction) return w('tierSettings:predicted.unranked');
  const vocabulary = VOCABULARY[scheme];
  const words = vocabulary ? (resources.common[w.language] as Record<string, unknown>)[vocabulary] : undefined;
  if (typeof words === 'object' && words !== null && Object.hasOwn(words, classKey)) return w(`common:${vocabulary}.${classKey}`);
  if (scheme === 'country' && /^[a-z]{2}$/.test(classKey)) return countryName(classKey.toUpperCase(), w.language);
  return Object.hasOwn(resources.tiers[w.language].classes, classKey) ? w(`tiers:classes.${classKey}`) : classKey;
}

/** The output as it was before the spellings joined it: --json keeps its shape. */
export function withoutSpellings<T extends object>({ spellings: _spellings, pyramidByPrediction: _byPrediction, ...rest }: WithSpellings<T>): T {
  return rest as unknown as T;
}
