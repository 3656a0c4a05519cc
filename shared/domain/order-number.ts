import { dropInvisible } from './invisible';

/** Printable ASCII only: nearly every order number is, and none of it folds but its case. */
const PRINTABLE_ASCII = /^[ -~]*$/;

/**
 * The form order numbers (单号) are compared in: two numbers are one when their keys are equal. An invoice number
 * is an identifier, typed by hand from paper or a PDF, with a Chinese input method's full-width mode on or off and
 * Caps Lock either way: INV-1, inv-1, ＩＮＶ－１ and " INV-1 " are all the same invoice, and trading systems treat
 * them so. Unicode's compatibility folding (NFKC) turns full-width letters, digits and signs into ASCII; case is
 * folded by upper- then lower-casing, which also meets letters whose lower case differs by place (ß and SS, ς and σ).
 * A number pasted from a chat app can hold characters that render as nothing (a zero-width space, a soft hyphen):
 * they are dropped, as search drops them, so what looks like INV-1 is INV-1.
 * Only for comparing: the number is kept and shown as it was typed.
 */
export function orderNumberKey(number: string): string {
  // An import writes a million of these: printable ASCII skips the Unicode passes, which leave it as it is.
  if (PRINTABLE_ASCII.test(number)) return number.trim().toLowerCase();
  return dropInvisible(number.normalize('NFKC')).trim().toUpperCase().toLowerCase().normalize('NFKC');
}

/** The key column's value for a kept number (null for none), for the writers of orders. */
export const orderNumberKeyOf = (number: string | null): string | null => (number === null ? null : orderNumberKey(number));
