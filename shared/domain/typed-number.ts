/**
 * A number as typed on a Chinese keyboard, in ASCII. An input method in full-width mode types "１２３．５０";
 * in Chinese punctuation mode its full stop "。" stands where the decimal point was meant. NFKC folds the
 * full-width forms (digits, "．", "－", "，"); the ideographic full stop and the minus sign (U+2212) are mapped here.
 */
export function asciiNumberText(text: string): string {
  return text.normalize('NFKC').replace(/。/g, '.').replace(/−/g, '-').trim();
}

/**
 * A typed amount as the contract takes it: ASCII, its grouping commas dropped ("1,234.50" → "1234.50"). Only
 * commas that group thousands go: in "12,50" or "1.234,56" (an amount copied from a European invoice) the
 * comma is a decimal comma, and dropping it would silently turn 12.50 into 1250; kept, the amount is refused
 * as not a number, and the user retypes it.
 */
export function typedAmount(text: string): string {
  const ascii = asciiNumberText(text);
  return THOUSANDS_GROUPED.test(ascii) ? ascii.replace(/,/g, '') : ascii;
}

/**
 * "1,234", "-12,345,678.9", "1,234." (the point just typed): one to three digits not led by 0, then groups of
 * three ("0,500" is half a dinar written with a decimal comma, not five hundred).
 */
const THOUSANDS_GROUPED = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * A decimal as written ("7.1234", ".5", "1e-7", "７．１"), or NaN. Number() alone also reads "0x10" as 16, "0b11"
 * as 3 and "Infinity": an exchange rate from a typo or a stray cell nobody sees, locked on every order it converts.
 */
export function decimalNumber(text: string): number {
  const plain = asciiNumberText(text);
  return DECIMAL.test(plain) ? Number(plain) : Number.NaN;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;
