/**
 * A number as typed on a Chinese keyboard, in ASCII. An input method in full-width mode types "１２３．５０";
 * in Chinese punctuation mode its full stop "。" stands where the decimal point was meant. NFKC folds the
 * full-width forms (digits, "．", "－", "，"); the ideographic full stop and the minus sign (U+2212) are mapped here.
 */
export function asciiNumberText(text: string): string {
  return text.normalize('NFKC').replace(/。/g, '.').replace(/−/g, '-').trim();
}

/** A typed amount as the contract takes it: ASCII, its grouping commas dropped ("1,234.50" → "1234.50"). */
export function typedAmount(text: string): string {
  return asciiNumberText(text).replace(/,/g, '');
}
