/**
 * How a class of a free-text scheme (industry, income, size) is shown. Its key is lower-cased so that
 * "OEM Electronics" and "oem electronics" group together (attributes.ts textKey); people read the class by
 * the spelling its customers use most, not by the key.
 */
import { textKey } from './attributes';
import { UNKNOWN } from './schemes';

/** The free-text schemes: their class keys are normalised text, shown by the customers' own spelling. */
export const FREE_TEXT_SCHEMES = ['industry', 'income', 'size'] as const;
export type FreeTextScheme = (typeof FREE_TEXT_SCHEMES)[number];

export const isFreeTextScheme = (scheme: string): scheme is FreeTextScheme => (FREE_TEXT_SCHEMES as readonly string[]).includes(scheme);

/** Class key → the spelling shown, per free-text scheme. A key without one (no customer holds it now) shows as the key. */
export type ClassSpellings = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Text as a person sees it: the normalisation that changes nothing visible (NFKC, trimmed, inner whitespace
 * collapsed), keeping the letters' case. Null when nothing is left.
 */
export function shownText(raw: string | null): string | null {
  if (raw === null) return null;
  const text = raw.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  return text === '' ? null : text;
}

/**
 * Each class's most used spelling, from the raw values and how many customers hold each. Ties go to the
 * spelling that sorts first (by code unit), so the name does not depend on the order rows came in.
 * 'unknown' is left out: it has its own translated name.
 */
export function classSpellingsOf(values: Iterable<readonly [raw: string | null, count: number]>): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const [raw, count] of values) {
    const shown = shownText(raw);
    if (shown === null) continue;
    const key = textKey(shown);
    if (key === UNKNOWN) continue;
    let spellings = counts.get(key);
    if (!spellings) counts.set(key, (spellings = new Map()));
    spellings.set(shown, (spellings.get(shown) ?? 0) + count);
  }
  const names: [string, string][] = [];
  for (const [key, spellings] of counts) {
    let best: string | undefined;
    let bestCount = 0;
    for (const [shown, count] of spellings) {
      if (count > bestCount || (count === bestCount && best !== undefined && shown < best)) {
        best = shown;
        bestCount = count;
      }
    }
    names.push([key, best!]);
  }
  // fromEntries defines own properties, so a class typed "__proto__" is a name like any other.
  return Object.fromEntries(names);
}

/** The spelling shown for a free-text class; own properties only ("constructor" is a class someone may type). */
export function spellingOf(spellings: ClassSpellings | undefined, scheme: string, classKey: string): string | undefined {
  const names = spellings && Object.hasOwn(spellings, scheme) ? spellings[scheme] : undefined;
  return names && Object.hasOwn(names, classKey) ? names[classKey] : undefined;
}
