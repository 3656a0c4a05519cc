import { localDateOf } from '../../shared/domain/dates';
import { exactAmount, storedDigitsOptions } from '../../shared/domain/money';

/**
 * Intl formatters, built once per language and options: building one costs about as much as drawing a table
 * row, and a virtual table formats a few hundred cells each time a page of rows arrives.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, build: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (language: string, currency: string) => cached(`money|${language}|${currency}`, () => new Intl.NumberFormat(language, storedDigitsOptions(currency)));
const dateFormat = (kind: string, language: string, options: Intl.DateTimeFormatOptions) => cached(`${kind}|${language}`, () => new Intl.DateTimeFormat(language, options));

/** Money as the user's language writes it ("¥1,234.50", "US$1,234.50"). */
export function formatMoney(minor: number, currency: string, language: string): string {
  return numberFormat(language, currency).format(exactAmount(minor, currency));
}

/**
 * Money in a few characters, as a chart's axis ticks need it: "¥1.2亿", "¥50万" in Chinese, "CN¥123.5M", "$2.5K" in
 * English, each language counting in its own units. Never where the amount itself is read (a table, a tooltip):
 * it drops the cents and rounds.
 */
export function formatCompactMoney(minor: number, currency: string, language: string): string {
  const format = cached(`compactMoney|${language}|${currency}`, () => new Intl.NumberFormat(language, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }));
  return format.format(exactAmount(minor, currency));
}

/**
 * A share (0.125) as a percentage, the one way the product writes one on a screen, in a file or on the command line:
 * "12.5%", the sign against the number in English as in Chinese (some texts wrote "12.5 %", a French spacing).
 * `digits` is the most decimals kept; `signed` writes a growth's "+" as well as a fall's "-" (a share rounding to
 * nothing is "0%", never "-0%").
 */
export function formatPercent(share: number, language: string, { digits = 1, signed = false }: { digits?: number; signed?: boolean } = {}): string {
  const format = cached(`percent|${language}|${digits}|${signed}`, () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'negative' }));
  return format.format(share);
}

export function countryName(code: string | null, language: string): string {
  if (!code) return '';
  try {
    return cached(`region|${language}`, () => new Intl.DisplayNames([language], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDateTime(iso: string, language: string): string {
  return dateFormat('dateTime', language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string): string {
  return dateFormat('date', language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
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
  return dateFormat('shortDate', language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A day as month and day ("Nov 3" / "11月3日"), with its year when `withYear` ("Nov 3, 2025"): a reason's date on Today. */
export function formatMonthDay(isoDate: string, language: string, withYear: boolean): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' };
  return dateFormat(withYear ? 'monthDayYear' : 'monthDay', language, options).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A month of a year ("Mar 2026" / "2026年3月"): a period on the evaluation's charts. */
export function formatYearMonth(year: number, month: number, language: string): string {
  return dateFormat('yearMonth', language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** The user's own calendar day of an instant, in digits: "last contact" in a table cell. */
export function formatShortLocalDay(instant: string, language: string): string {
  return formatShortDate(localDateOf(new Date(instant)), language);
}

/**
 * The country pickers offer the officially assigned ISO 3166 codes the country and continent schemes know (and
 * the service accepts), not every code Intl can name: that list also held UK beside GB, and AC, CP, DG, EA, IC …
 */
export { COUNTRY_CODES } from '../../shared/segmentation/continents';
