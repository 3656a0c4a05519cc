/**
 * Scheme keys and their class keys. Keys are stable storage/UI identifiers: never rename one, only add.
 * "Closed" schemes have a finite list of classes (for exhaustive UIs); "open" ones take their classes
 * from free text typed by the user.
 */
import { CONTINENTS, COUNTRY_CODES } from './continents';
import type { CustomSchemeKey } from './types';

export const CLOSED_SCHEME_KEYS = [
  'rfm',
  'rf_segment',
  'value',
  'pyramid',
  'lifecycle',
  'loyalty',
  'behavior',
  'intent',
  'locality',
  'continent',
  'country',
  'type',
  'needs',
] as const;
export const OPEN_SCHEME_KEYS = ['industry', 'income', 'size'] as const;

export type ClosedSchemeKey = (typeof CLOSED_SCHEME_KEYS)[number];
export type OpenSchemeKey = (typeof OPEN_SCHEME_KEYS)[number];
export type SchemeKey = ClosedSchemeKey | OpenSchemeKey;

/** Every non-custom scheme, in display order. */
export const SCHEME_KEYS: readonly SchemeKey[] = [
  'rfm',
  'rf_segment',
  'value',
  'pyramid',
  'lifecycle',
  'loyalty',
  'behavior',
  'intent',
  'locality',
  'continent',
  'country',
  'type',
  'industry',
  'income',
  'size',
  'needs',
];

/** Schemes whose class depends only on the customer's own data (no ranking against others). */
export const LOCAL_SCHEME_KEYS = [
  'lifecycle',
  'intent',
  'locality',
  'continent',
  'country',
  'type',
  'industry',
  'income',
  'size',
  'needs',
] as const satisfies readonly SchemeKey[];
export type LocalSchemeKey = (typeof LOCAL_SCHEME_KEYS)[number];

export const NONE = 'none';
export const UNKNOWN = 'unknown';

export const RF_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
] as const;
export type RfSegment = (typeof RF_SEGMENTS)[number];

export const VALUE_CLASSES = ['high', 'medium', 'low'] as const;
export const PYRAMID_CLASSES = ['platinum', 'gold', 'iron', 'lead'] as const;
export const LIFECYCLE_CLASSES = ['potential', 'new', 'active', 'at_risk', 'churned'] as const;
export type LifecycleClass = (typeof LIFECYCLE_CLASSES)[number];
export const LOYALTY_CLASSES = ['loyal', 'potential', 'marginal', 'churned'] as const;
export type LoyaltyClass = (typeof LOYALTY_CLASSES)[number];
export const BEHAVIOR_CLASSES = ['high_frequency', 'low_frequency', 'potential'] as const;
export const INTENT_CLASSES = ['interested', 'hesitant', 'not_now', 'never', UNKNOWN] as const;
export const CUSTOM_CLASSES = ['member', 'non_member'] as const;

const RFM_CODES: string[] = [];
for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) RFM_CODES.push(`${r}${f}${m}`);

const CLASS_KEYS: Record<ClosedSchemeKey, readonly string[]> = {
  rfm: [...RFM_CODES, NONE],
  rf_segment: [...RF_SEGMENTS, NONE],
  value: [...VALUE_CLASSES, NONE],
  pyramid: [...PYRAMID_CLASSES, NONE],
  lifecycle: LIFECYCLE_CLASSES,
  loyalty: LOYALTY_CLASSES,
  behavior: BEHAVIOR_CLASSES,
  intent: INTENT_CLASSES,
  locality: ['local', 'non_local', 'overseas', UNKNOWN],
  continent: [...CONTINENTS, UNKNOWN],
  country: [...COUNTRY_CODES.map((code) => code.toLowerCase()), UNKNOWN],
  type: ['individual', 'enterprise', 'government', 'distributor', 'internal'],
  needs: ['product', 'service', 'solution', UNKNOWN],
};

export function isClosedScheme(key: string): key is ClosedSchemeKey {
  return Object.hasOwn(CLASS_KEYS, key);
}

export function isSchemeKey(key: string): key is SchemeKey {
  return (SCHEME_KEYS as readonly string[]).includes(key);
}

export function customSchemeKey(segmentId: string): CustomSchemeKey {
  return `custom:${segmentId}`;
}

/** All possible classes of a closed or custom scheme; null for open (free-text) schemes. */
export function classKeysOf(scheme: ClosedSchemeKey | CustomSchemeKey): readonly string[];
export function classKeysOf(scheme: string): readonly string[] | null;
export function classKeysOf(scheme: string): readonly string[] | null {
  if (isClosedScheme(scheme)) return CLASS_KEYS[scheme];
  if (scheme.startsWith('custom:')) return CUSTOM_CLASSES;
  return null;
}
