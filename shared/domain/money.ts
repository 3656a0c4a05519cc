import { asciiNumberText } from './typed-number';
import { currencyDigits } from './currency-digits';

/**
 * Money is stored as integer minor units plus an ISO 4217 code. The number of minor digits comes from
 * the currency itself (JPY 0, CNY 2, KWD 3), as the app's own table gives it (currency-digits.ts), so we
 * never assume "cents", and every process reading the database agrees on what a stored amount means.
 */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyDigits(code) !== undefined;
}

/** A code the app does not take (only in rows written by another program) counts in hundredths, as Intl would. */
export function minorDigits(currency: string): number {
  return currencyDigits(currency) ?? 2;
}

/**
 * Intl options that show exactly the digits an amount is stored with: Intl's own idea of a currency's digits
 * comes from the runtime's data and is not always the app's (currency-digits.ts).
 */
export function storedDigitsOptions(currency: string): Intl.NumberFormatOptions {
  const digits = minorDigits(currency);
  return { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits };
}

export type ParseAmountResult = { ok: true; minor: number } | { ok: false; reason: 'empty' | 'not_a_number' | 'too_many_decimals' | 'too_large' };

/**
 * Parses a plain decimal typed by a user or the CLI ("12.34", "1234", "0.5") into minor units without
 * floating-point rounding, also as a Chinese input method types it ("１２．３４", "12。34": typed-number.ts).
 * Locale-formatted amounts ("1.234,50 €") are the importer's job, not this one's.
 */
export function parseAmount(text: string, currency: string): ParseAmountResult {
  const trimmed = asciiNumberText(text);
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const [, sign, whole, fraction = ''] = match;
  const digits = minorDigits(currency);
  if (fraction.length > digits) return { ok: false, reason: 'too_many_decimals' };
  const minorText = (whole ?? '0') + fraction.padEnd(digits, '0');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'too_large' };
  return { ok: true, minor: sign === '-' ? -minor : minor };
}

/** Minor units to a decimal string with the currency's digits ("1234.50"), exact for safe integers. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const text = Math.abs(minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * The exchange rates anyone can mean (base units per one unit of a currency). Real rates between any two
 * currencies sit well inside; outside it a typo or a hostile caller would produce base amounts that no
 * number holds exactly, so the contract, the importer and the database all refuse them.
 */
export const MIN_FX_RATE = 1e-9;
export const MAX_FX_RATE = 1e9;

export function isFxRateInRange(rate: number): boolean {
  return Number.isFinite(rate) && rate >= MIN_FX_RATE && rate <= MAX_FX_RATE;
}

/**
 * Every stored money value is an integer JavaScript holds exactly: beyond 2^53 sums and comparisons
 * silently round, and SQLite would store a float. The database's CHECKs use the same bound.
 */
export function isStorableMinor(minor: number): boolean {
  return Number.isSafeInteger(minor);
}

/**
 * Converts an amount to the base currency at a locked rate (base units per one unit of the order currency),
 * rounding half away from zero to the base currency's minor unit. Exact: the rate is taken as the decimal it
 * prints as (7.1234, 1e-7) and the product is worked in BigInt, because in binary floating point a half cent
 * lands just below the half (USD 663,154.69 at 0.5 is CNY 331,577.345, which floats made .34). The result
 * can exceed the safe range for a huge amount at a high rate: callers check it with isStorableMinor before
 * storing it.
 */
export function convertMinor(minor: number, fromCurrency: string, rate: number, baseCurrency: string): number {
  const shift = minorDigits(baseCurrency) - minorDigits(fromCurrency);
  // An order in the base currency (rate 1), as most are: nothing to convert.
  if (rate === 1 && shift === 0) return minor;
  // In floating point the product is within a few parts in 10^16 of the exact one (the rate as printed, the power
  // of ten, two products): when that cannot reach the half, rounding it gives the exact answer. An import converts
  // up to three amounts per row, a million rows at a time; BigInt is kept for the few that sit at the half.
  const scaled = Math.abs(minor * rate * 10 ** shift);
  const fraction = scaled % 1;
  if (scaled < 2 ** 52 && Math.abs(fraction - 0.5) > scaled * 1e-15 + 1e-12) {
    const rounded = Math.round(scaled);
    return minor < 0 && rounded !== 0 ? -rounded : rounded;
  }
  const { digits, exponent } = decimalOf(rate);
  const scale = exponent + shift;
  let numerator = BigInt(minor) * digits;
  let denominator = 1n;
  if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator = 10n ** BigInt(-scale);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  const result = Number(rounded);
  return negative && result !== 0 ? -result : result;
}

/** A finite positive number as the decimal it prints as: digits × 10^exponent ("7.1234" → 71234 × 10^-4). */
function decimalOf(value: number): { digits: bigint; exponent: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([-+]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a finite positive number: ${value}`);
  const [, whole, fraction = '', exponent = '0'] = match;
  return { digits: BigInt(`${whole}${fraction}`), exponent: Number(exponent) - fraction.length };
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, storedDigitsOptions(currency)).format(exactAmount(minor, currency));
}

/**
 * An amount for Intl.NumberFormat: a whole number of minor units as its exact decimal text, which Intl formats
 * digit for digit (minor / 100 as a float shows CNY 90,071,992,547,409.91 as …409.90); a fraction of a minor
 * unit (an average) as a number, rounded by the format.
 */
export function exactAmount(minor: number, currency: string): `${number}` | number {
  return Number.isSafeInteger(minor) ? (minorToDecimal(minor, currency) as `${number}`) : minor / 10 ** minorDigits(currency);
}

/**
 * A rate as `locale` writes numbers, with at least 4 decimals ("7.0612") and every digit it has: the rate locked on an
 * order is this exact number, and a small one (1 IDR = 0.0000617 USD) cut to 6 decimals would show another rate than
 * the one that converted its amounts (or 0.0000 for 1e-7, which String() writes "1e-7").
 */
export function formatRate(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 4, maximumFractionDigits: 20, useGrouping: false }).format(rate);
}
