import { foldedQuery } from '../../shared/domain/pinyin';

/** A LIKE pattern (with ESCAPE '\') that finds `text` anywhere: its own %, _ and \ escaped. */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A query typed as a phone number: digits with the separators and "+" people write ("+86 138-0013-8000", "(020) 8888 8888"). */
const PHONE_SHAPED = /^\+?[\d\-().\/]+$/;

/**
 * The digits a phone-shaped search key is stored under (the keys hold phones in E.164 without "+"), when they
 * differ from the key: "+86 138-0013-8000" → "8613800138000", "0086…" (the international prefix) → "86…", and a
 * number written with its trunk prefix ("020 8888 8888", a British "07700 900123") also without it, since the
 * stored number has the country code in its place. Else an empty list.
 */
export function phoneSearchKeys(searchKey: string): string[] {
  const key = searchKey.normalize('NFKC');
  if (!PHONE_SHAPED.test(key)) return [];
  const digits = key.replace(/\D/g, '');
  const keys = new Set<string>();
  if (key.startsWith('+')) keys.add(digits);
  else if (digits.startsWith('00')) keys.add(digits.slice(2));
  else {
    keys.add(digits);
    // Short prefixes ("0", "02") would match nearly everyone without their zero.
    if (digits.startsWith('0') && digits.length > 4) keys.add(digits.slice(1));
  }
  return [...keys].filter((k) => k !== '' && k !== searchKey);
}

/**
 * The LIKE patterns a normalised search key is looked for by in `search_text`: as typed, with its full-width
 * characters folded (foldedQuery) only when that differs, and as the digits of a phone typed with "+",
 * separators or a prefix (phoneSearchKeys), so a plain search is still one LIKE per row.
 */
export function searchPatterns(searchKey: string): string[] {
  const folded = foldedQuery(searchKey);
  const keys = new Set([searchKey, ...(folded === undefined ? [] : [folded]), ...phoneSearchKeys(searchKey)]);
  return [...keys].map(likeContaining);
}

/** SQL true when `column` matches any of `count` LIKE patterns given as parameters (`?`, or `@{name}0` …). */
export function likeAny(column: string, count: number, name?: string): string {
  const parts = Array.from({ length: count }, (_, k) => `${column} LIKE ${name ? `@${name}${k}` : '?'} ESCAPE '\\'`);
  return `(${parts.join(' OR ')})`;
}
