import { minorDigits, parseAmount } from '../domain/money';
import { genericAllows, matchCurrency, type CurrencyDefaults } from './currency';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';

export type DecimalSeparator = '.' | ',';

export interface AmountOptions extends CurrencyDefaults {
  /** Used when neither the cell nor `statedCurrency` names one. */
  defaultCurrency: string;
  /** The currency another column of the same row states; a symbol in the cell must agree with it. */
  statedCurrency?: string | null;
  /** Settles "1,234" and "1.234"; inferred per column with inferDecimalSeparator. Default '.'. */
  decimal?: DecimalSeparator;
}

export interface ParsedMoney {
  minor: number;
  currency: string;
  /** Plain decimal text ("-1234.50"), the form orders:create takes. */
  decimal: string;
  /** Where the currency came from, so the UI can show assumed currencies. */
  currencyFrom: 'cell' | 'column' | 'default';
}

const NUMBER_RE = /[0-9](?:[0-9.,' \u00a0\u202f\u2009’]*[0-9])?/;
const MINUS = /[-−–]/;

/**
 * Reads amounts as people write them: "¥1,234.50", "1.234,50 €", "US$ 1,234", "(1,234.00)", "1 234,50",
 * "RMB 1234", "1234元", "1.5万", "１２３４" — into integer minor units of the detected currency.
 */
export function parseMoney(cell: Cell, options: AmountOptions): ValueResult<ParsedMoney> {
  if (typeof cell === 'number') return moneyFromNumber(cell, options);
  return plainMoney(cell, options) ?? parseMoneyText(cell, options);
}

/** The most digits plainMoney's minor units may have: 10¹⁵ is well inside the integers a double holds exactly. */
const PLAIN_MINOR_DIGITS = 15;

/**
 * The shape nearly every amount of a large file has, ASCII digits with at most two decimals ("5098", "12.50"),
 * read without the general path's normalising, regexes and string rebuilding; undefined for any other text, and
 * for one the general path refuses (more decimals than the currency has), so parseMoneyText says why. What it
 * returns is what parseMoneyText returns for the same text (test/unit/import/fast-paths.test.ts holds them to it).
 */
export function plainMoney(text: string, options: AmountOptions): ValueResult<ParsedMoney> | undefined {
  const length = text.length;
  let dot = -1;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) continue;
    if (code !== 46 || dot !== -1 || i === 0) return undefined;
    dot = i;
  }
  const wholeLength = dot === -1 ? length : dot;
  // A point must have one or two digits after it: three may be a thousands group ("1.234"), which the general path weighs.
  if (wholeLength === 0 || (dot !== -1 && (length - dot - 1 < 1 || length - dot - 1 > 2))) return undefined;
  // Trailing zeros of the decimals say nothing ("12.50" is 12.5), as the general path drops them.
  let fractionEnd = length;
  while (dot !== -1 && fractionEnd > dot + 1 && text.charCodeAt(fractionEnd - 1) === 48) fractionEnd--;
  const fraction = dot === -1 ? '' : text.slice(dot + 1, fractionEnd);
  const resolved = resolveCurrency(null, options);
  if (!resolved.ok) return undefined;
  const digits = minorDigits(resolved.value.code);
  if (fraction.length > digits || wholeLength + digits > PLAIN_MINOR_DIGITS) return undefined;
  const minor = Number(text.slice(0, wholeLength)) * 10 ** digits + (fraction === '' ? 0 : Number(fraction.padEnd(digits, '0')));
  return ok({ minor, currency: resolved.value.code, decimal: decimalText(minor, digits), currencyFrom: resolved.value.from });
}

/** Any amount as text: the general path, for every shape plainMoney leaves alone. */
export function parseMoneyText(cell: string, options: AmountOptions): ValueResult<ParsedMoney> {
  const text = cell.normalize('NFKC').trim();
  if (text === '') return fail('required');
  const match = NUMBER_RE.exec(text);
  if (!match) return fail('invalid_amount');
  let prefix = text.slice(0, match.index);
  let suffix = text.slice(match.index + match[0].length);

  let negative = false;
  if (prefix.includes('(') && suffix.includes(')')) {
    negative = true;
    prefix = prefix.replace('(', '');
    suffix = suffix.replace(')', '');
  }
  if (MINUS.test(prefix) || /^\s*[-−–]/.test(suffix)) {
    negative = true;
    prefix = prefix.replace(MINUS, '');
    suffix = suffix.replace(MINUS, '');
  }
  if (prefix.includes('负')) {
    negative = true;
    prefix = prefix.replace('负', '');
  }
  prefix = prefix.replace(/^\s*\+/, '');
  let shift = 0;
  suffix = suffix.replace(/^\s*(万|萬|亿|億)/, (_, unit: string) => {
    shift = unit === '万' || unit === '萬' ? 4 : 8;
    return '';
  });

  const written = plainDecimal(match[0], options.decimal ?? '.');
  if (!written.ok) return written;
  const plain = { ok: true as const, value: withoutFloatNoise(written.value) };
  const currencyText = `${prefix}${suffix}`.trim();
  // Digits outside the number ("2024-03-05", "12 x 3") mean this is not an amount at all.
  if (/\d/.test(currencyText)) return fail('invalid_amount');
  // A separator left hanging ("12.", "¥12,") is a number cut short, not a currency to look up.
  if (/^[.,'’]/.test(suffix) || /^[.,'’]+$/.test(currencyText)) return fail('invalid_amount');
  let fromCell = null;
  if (currencyText !== '') {
    // "12%" is a rate or a discount, not money in a currency called "%".
    if (/^[%％‰]$/.test(currencyText)) return fail('percent_not_amount');
    fromCell = matchCurrency(currencyText, options);
    if (!fromCell) return fail('unknown_currency');
  }
  const resolved = resolveCurrency(fromCell, options);
  if (!resolved.ok) return resolved;
  // "1.234" with no column evidence: a thousand, or one and a bit? Refuse rather than guess, in a currency that takes
  // fewer than 3 decimals. So too "1.500" and "1.000": trailing zeros would read them as 1.50 and 1, where a file
  // written with grouping points means 1,500 and 1,000. A group never leads with 0, so "0.500" is a decimal.
  if (!options.decimal && shift === 0 && minorDigits(resolved.value.code) < 3 && /^[1-9]\d{0,2}\.\d{3}$/.test(match[0])) return fail('ambiguous_amount');
  return toMinor(shiftDecimal(plain.value, shift), negative, resolved.value.code, resolved.value.from);
}

/** "1,234.50" → "1234.50"; "1.234,50" → "1234.50"; decides ambiguous single separators with `decimal`. */
export function plainDecimal(numberText: string, decimal: DecimalSeparator): ValueResult<string> {
  const compact = numberText.replace(/[' \u00a0\u202f\u2009’]/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalChar: string | null;
  if (lastDot !== -1 && lastComma !== -1) decimalChar = lastDot > lastComma ? '.' : ',';
  else if (lastDot === -1 && lastComma === -1) decimalChar = null;
  else {
    const sep = lastDot !== -1 ? '.' : ',';
    const count = compact.split(sep).length - 1;
    const after = compact.length - compact.lastIndexOf(sep) - 1;
    // Several of the same separator can only be grouping; one followed by other than 3 digits only a decimal point.
    if (count > 1) decimalChar = null;
    else if (after !== 3) decimalChar = sep;
    else decimalChar = decimal === sep ? sep : null;
  }
  const [whole, fraction = ''] = decimalChar ? [compact.slice(0, compact.lastIndexOf(decimalChar)), compact.slice(compact.lastIndexOf(decimalChar) + 1)] : [compact];
  if (!/^\d+$/.test(fraction) && fraction !== '') return fail('invalid_amount');
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && (groups[0] === '' || groups.slice(1).some((g) => !/^\d{2,3}$/.test(g)))) return fail('invalid_amount');
  const digits = groups.join('');
  if (!/^\d+$/.test(digits)) return fail('invalid_amount');
  return ok(fraction ? `${digits}.${fraction}` : digits);
}

/**
 * Spreadsheets and scripts write binary floats with all 17 digits ("22.200000000000003", "19.999999999999996").
 * A number with 16 or more significant digits whose 15-digit reading is short is that noise: read it as the
 * 15-digit value, as Excel itself does. A value typed with a genuine third decimal ("22.205") has few digits
 * and is left alone, so it still fails as too many decimals. Noise is what a float prints, and its 15-digit
 * reading drops at least two digits: an exact amount of 16 digits or more (the largest storable,
 * "90071992547409.91", or "12345678901234.56") is kept whole, where it lost its last cent.
 */
export function withoutFloatNoise(plain: string): string {
  const significant = plain.replace('.', '').replace(/^0+/, '').length;
  if (significant < 16 || !plain.includes('.')) return plain;
  // A float's printing: the shortest text that reads back as it (JavaScript, Python), or all 17 digits (printf's %.17g,
  // converters reading a workbook's stored value as text: "100.40000000000001"). Anything else was written by a person.
  const value = Number(plain);
  if (String(value) !== plain && value.toPrecision(17) !== plain) return plain;
  const rounded = String(Number(value.toPrecision(15)));
  if (/e/i.test(rounded)) return plain;
  return rounded.replace('.', '').replace(/^0+/, '').length <= significant - 2 ? rounded : plain;
}

function shiftDecimal(plain: string, places: number): string {
  if (places === 0) return plain;
  const [whole = '0', fraction = ''] = plain.split('.');
  const padded = fraction.padEnd(places, '0');
  const rest = padded.slice(places);
  return `${whole}${padded.slice(0, places)}${rest ? `.${rest}` : ''}`;
}

function resolveCurrency(fromCell: { code: string; generic: boolean } | null, options: AmountOptions): ValueResult<{ code: string; from: ParsedMoney['currencyFrom'] }> {
  const stated = options.statedCurrency ?? null;
  if (fromCell && stated) {
    const agrees = fromCell.generic ? genericAllows(fromCell.code, stated) : fromCell.code === stated;
    return agrees ? ok({ code: stated, from: 'column' }) : fail('currency_conflict');
  }
  if (stated) return ok({ code: stated, from: 'column' });
  if (fromCell) return ok({ code: fromCell.code, from: 'cell' });
  return ok({ code: options.defaultCurrency, from: 'default' });
}

function toMinor(plain: string, negative: boolean, currency: string, from: ParsedMoney['currencyFrom']): ValueResult<ParsedMoney> {
  // Trailing zeros beyond the currency's digits ("100.000" yen) are harmless; parseAmount would refuse them.
  const trimmed = plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
  const parsed = parseAmount(trimmed.replace(/^0+(?=\d)/, ''), currency);
  if (!parsed.ok) {
    if (parsed.reason === 'too_many_decimals') return fail('too_many_decimals');
    if (parsed.reason === 'too_large') return fail('amount_too_large');
    return fail('invalid_amount');
  }
  const minor = negative ? -parsed.minor : parsed.minor;
  return ok({ minor: minor === 0 ? 0 : minor, currency, decimal: decimalText(minor, minorDigits(currency)), currencyFrom: from });
}

/** Minor units as plain decimal text with the currency's digits ("-1234.50"). */
function decimalText(minor: number, digits: number): string {
  const abs = Math.abs(minor).toString().padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`}`;
}

function moneyFromNumber(value: number, options: AmountOptions): ValueResult<ParsedMoney> {
  if (!Number.isFinite(value)) return fail('invalid_amount');
  // Spreadsheet floats carry noise (0.1 + 0.2); 15 significant digits is what Excel itself keeps.
  const text = String(Number(Math.abs(value).toPrecision(15)));
  if (/e/i.test(text)) return fail(Math.abs(value) >= 1 ? 'amount_too_large' : 'too_many_decimals');
  const resolved = resolveCurrency(null, options);
  if (!resolved.ok) return resolved;
  return toMinor(text, value < 0, resolved.value.code, resolved.value.from);
}

/**
 * Which decimal separator a column uses, from values that settle it: "12,50" or "1.234,56" say comma,
 * "12.50" or "1,234.56" say point. A column of "1,234" alone stays ambiguous (and reads as grouping).
 */
export function inferDecimalSeparator(samples: readonly Cell[]): DecimalSeparator | 'ambiguous' {
  let comma = 0;
  let point = 0;
  for (const sample of samples) {
    if (typeof sample !== 'string') continue;
    const number = NUMBER_RE.exec(sample.normalize('NFKC'))?.[0].replace(/[' \u00a0\u202f\u2009’]/g, '') ?? '';
    const lastDot = number.lastIndexOf('.');
    const lastComma = number.lastIndexOf(',');
    if (lastDot !== -1 && lastComma !== -1) {
      if (lastComma > lastDot) comma++;
      else point++;
      continue;
    }
    const sep = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
    if (!sep) continue;
    const count = number.split(sep).length - 1;
    const after = number.length - number.lastIndexOf(sep) - 1;
    if (count === 1 && after !== 3) {
      if (sep === ',') comma++;
      else point++;
    } else if (count > 1) {
      // "1.234.567" groups with points, so decimals are commas (and vice versa).
      if (sep === '.') comma++;
      else point++;
    }
  }
  if (comma > 0 && point === 0) return ',';
  if (point > 0 && comma === 0) return '.';
  return 'ambiguous';
}
