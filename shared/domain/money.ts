import { asciiNumberText } from './typed-number';

/**
 * Money is stored as integer minor units plus an ISO 4217 code. The number of minor digits comes from
 * the currency itself (JPY 0, CNY 2, KWD 3), as Intl knows it, so we never assume "cents".
 */
const digitsCache = new Map<string, number>();

/** ISO 4217 codes this runtime knows, read once: building the list costs about half a millisecond. */
let knownCurrencies: ReadonlySet<string> | undefined;

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
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
 * rounding half away from zero to the base currency's minor unit. The result can exceed the safe range for
 * a huge amount at a high rate: callers check it with isStorableMinor before storing it.
 */
export function convertMinor(minor: number, fromCurrency: string, rate: number, baseCurrency: string): number {
  const value = (minor / 10 ** minorDigits(fromCurrency)) * rate;
  const scaled = value * 10 ** minorDigits(baseCurrency);
  return Math.sign(scaled) * Math.round(Math.abs(scaled) + 1e-9);
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** minorDigits(currency));
}
