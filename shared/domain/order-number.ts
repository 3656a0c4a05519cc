/**
 * The form order numbers (单号) are compared in: two numbers are one when their keys are equal. An invoice number
 * is an identifier, typed by hand from paper or a PDF, with a Chinese input method's full-width mode on or off and
 * Caps Lock either way: INV-1, inv-1, ＩＮＶ－１ and " INV-1 " are all the same invoice, and trading systems treat
 * them so. Unicode's compatibility folding (NFKC) turns full-width letters, digits and signs into ASCII; case is
 * folded by upper- then lower-casing, which also meets letters whose lower case differs by place (ß and SS, ς and σ).
 * Only for comparing: the number is kept and shown as it was typed.
 */
export function orderNumberKey(number: string): string {
  return number.normalize('NFKC').trim().toUpperCase().toLowerCase().normalize('NFKC');
}

/** The key column's value for a kept number (null for none), for the writers of orders. */
export const orderNumberKeyOf = (number: string | null): string | null => (number === null ? null : orderNumberKey(number));
