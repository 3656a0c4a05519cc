/**
 * What is known of a customer's time zone, as the contract sends it: kept apart from the finder
 * (customer-time-zone.ts), whose tables stay in the main process and out of the screens' bundle.
 */

/** Why a country of several times has no zone yet: no city, a city not in the table, or a name in several regions. */
export const SEVERAL_ZONES_REASONS = ['no_city', 'unknown_city', 'ambiguous_city'] as const;
export type SeveralZonesReason = (typeof SEVERAL_ZONES_REASONS)[number];

export type CustomerTimeZone =
  /** weekend: the days of the week (1 Monday … 7 Sunday) that are the weekend in the customer's country. */
  | { status: 'known'; zone: string; weekend: number[] }
  | { status: 'several'; reason: SeveralZonesReason };
