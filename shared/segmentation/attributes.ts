/**
 * Profile-attribute schemes. Class keys:
 *   locality  local / non_local / overseas / unknown (the stored locality, already derived or overridden)
 *   country   ISO 3166-1 alpha-2 in lower case ('cn'); unknown when empty or not an assigned code
 *   continent from the country (continents.ts); unknown without a known country
 *   type      the customer type; needs  product / service / solution / unknown
 *   industry, income (incomeBand), size (sizeBand): free text as a key — see textKey.
 */
import { CONTINENT_OF_COUNTRY } from './continents';
import { NO_MOVES } from './hints';
import { UNKNOWN } from './schemes';
import type { Assignment, AttributeExplanation, EngineCustomer } from './types';

/**
 * Free text normalised so that spelling variants people do not notice land in one class: Unicode NFKC
 * (full-width 'ＡＢＣ' → 'ABC'), trimmed, inner whitespace collapsed to one space, lower-cased.
 * Null when nothing is left.
 */
export function normalizeText(raw: string | null): string | null {
  if (raw === null) return null;
  const text = raw.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
  return text === '' ? null : text;
}

/** Class key of a free-text attribute; empty text is 'unknown' (as is text that normalises to "unknown"). */
export function textKey(raw: string | null): string {
  return normalizeText(raw) ?? UNKNOWN;
}

export function countryKey(raw: string | null): string {
  const code = raw?.trim().toUpperCase() ?? '';
  return CONTINENT_OF_COUNTRY.has(code) ? code.toLowerCase() : UNKNOWN;
}

export function continentKey(raw: string | null): string {
  return CONTINENT_OF_COUNTRY.get(raw?.trim().toUpperCase() ?? '') ?? UNKNOWN;
}

export type AttributeSchemeKey = 'locality' | 'continent' | 'country' | 'type' | 'industry' | 'income' | 'size' | 'needs';

const orUnknown = (value: string | null): string => value ?? UNKNOWN;

const RAW_VALUE: Record<AttributeSchemeKey, (c: EngineCustomer) => string | null> = {
  locality: (c) => c.locality,
  continent: (c) => c.country,
  country: (c) => c.country,
  type: (c) => c.type,
  industry: (c) => c.industry,
  income: (c) => c.incomeBand,
  size: (c) => c.sizeBand,
  needs: (c) => c.needs,
};

const CLASS_OF_VALUE: Record<AttributeSchemeKey, (value: string | null) => string> = {
  locality: orUnknown,
  continent: continentKey,
  country: countryKey,
  type: orUnknown,
  industry: textKey,
  income: textKey,
  size: textKey,
  needs: orUnknown,
};

export const ATTRIBUTE_SCHEME_KEYS = Object.keys(RAW_VALUE) as AttributeSchemeKey[];

/**
 * Attribute assignments depend only on the raw value, and customers share a few distinct values, so each
 * (scheme, value) assignment is built once and shared, frozen. Bounded: free text could be all distinct.
 */
const shared = Object.fromEntries(ATTRIBUTE_SCHEME_KEYS.map((k) => [k, new Map<string | null, Assignment<AttributeExplanation>>()])) as Record<
  AttributeSchemeKey,
  Map<string | null, Assignment<AttributeExplanation>>
>;
const SHARED_LIMIT = 10_000;

export function assignAttribute(scheme: AttributeSchemeKey, c: EngineCustomer): Assignment<AttributeExplanation> {
  const value = RAW_VALUE[scheme](c);
  const cache = shared[scheme];
  let assignment = cache.get(value);
  if (!assignment) {
    assignment = Object.freeze({ classKey: CLASS_OF_VALUE[scheme](value), explanation: Object.freeze({ kind: 'attribute', value, moves: NO_MOVES }) });
    if (cache.size >= SHARED_LIMIT) cache.clear();
    cache.set(value, assignment);
  }
  return assignment;
}

export function assignAttributes(c: EngineCustomer): Record<AttributeSchemeKey, Assignment<AttributeExplanation>> {
  return {
    locality: assignAttribute('locality', c),
    continent: assignAttribute('continent', c),
    country: assignAttribute('country', c),
    type: assignAttribute('type', c),
    industry: assignAttribute('industry', c),
    income: assignAttribute('income', c),
    size: assignAttribute('size', c),
    needs: assignAttribute('needs', c),
  };
}
