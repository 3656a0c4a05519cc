import { localDateOf } from '../../shared/domain/dates';
import { minorDigits } from '../../shared/domain/money';

/** Money as the user's language writes it ("¥1,234.50", "US$1,234.50"). */
export function formatMoney(minor: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 10 ** minorDigits(currency));
}

export function countryName(code: string | null, language: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The user's calendar day of an instant ("last contact", "since"): 05:16 in Shanghai is 21:16 UTC the day
 * before, so cutting the ISO string at 10 characters would show yesterday. Always go through the local day.
 */
export function formatLocalDay(instant: string, language: string): string {
  return formatDate(localDateOf(new Date(instant)), language);
}

/** A date in digits ("2026/11/23", "11/23/2026"): for table cells, where it must fit whole. */
export function formatShortDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The user's own calendar day of an instant, in digits: "last contact" in a table cell. */
export function formatShortLocalDay(instant: string, language: string): string {
  return formatShortDate(localDateOf(new Date(instant)), language);
}

/** Every ISO 3166 alpha-2 code Intl knows, for country pickers. */
export const COUNTRY_CODES: string[] = (() => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) if (names.of(a + b) && !['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB'].includes(a + b)) codes.push(a + b);
  return codes;
})();
