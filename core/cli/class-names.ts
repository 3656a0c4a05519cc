import { spellingOf, type ClassSpellings } from '../../shared/segmentation';
import { resources } from '../../renderer/i18n/resources';
import type { Words } from './words';
import { countryName } from '../../renderer/components/format';

/**
 * Human output names a free-text class (industry, income, size) by its customers' spelling, as the screens do;
 * other classes by their key. The spellings ride along with a command's output for its human form only.
 */
export type WithSpellings<T> = T & { spellings: ClassSpellings };

/**
 * The spellings for a command's human output; none under --json, which leaves them out. Reading them is three
 * grouped scans of the customers (tens of milliseconds at 100k), which a script asking for JSON need not pay.
 */
export async function spellingsFor(values: { json?: unknown }, call: (name: 'segments:classSpellings', input: Record<string, never>) => Promise<ClassSpellings>): Promise<ClassSpellings> {
  return values.json === true ? {} : call('segments:classSpellings', {});
}

export const shownClass = (spellings: ClassSpellings, scheme: string, classKey: string): string => spellingOf(spellings, scheme, classKey) ?? classKey;

/** The customer vocabularies the profile schemes' classes come from (common.ts), as the screens name them. */
const VOCABULARY: Readonly<Record<string, string>> = { type: 'customerType', locality: 'locality', needs: 'needs', intent: 'intent' };

/**
 * A class as a line for people names it: a free-text class by its customers' spelling; in Chinese, as the screens
 * name it (renderer/features/tiers/labels.ts classLabel): gold is 黄金, none is 无订单, a customer type, locality,
 * need or intent by the customer form's word, a country by its name; any other by its key, as --class takes it.
 */
export function classWord(spellings: ClassSpellings, scheme: string, classKey: string, w: Words): string {
  const spelled = spellingOf(spellings, scheme, classKey);
  if (spelled !== undefined && spelled !== null) return spelled;
  if (w.language === 'en') return classKey;
  const vocabulary = VOCABULARY[scheme];
  const words = vocabulary ? (resources.common[w.language] as Record<string, unknown>)[vocabulary] : undefined;
  if (typeof words === 'object' && words !== null && Object.hasOwn(words, classKey)) return w(`common:${vocabulary}.${classKey}`);
  if (scheme === 'country' && /^[a-z]{2}$/.test(classKey)) return countryName(classKey.toUpperCase(), w.language);
  return Object.hasOwn(resources.tiers[w.language].classes, classKey) ? w(`tiers:classes.${classKey}`) : classKey;
}

/** The output as it was before the spellings joined it: --json keeps its shape. */
export function withoutSpellings<T extends object>({ spellings: _spellings, ...rest }: WithSpellings<T>): T {
  return rest as unknown as T;
}
