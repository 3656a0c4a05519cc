import { foldedQuery } from '../../shared/domain/pinyin';

/** A LIKE pattern (with ESCAPE '\') that finds `text` anywhere: its own %, _ and \ escaped. */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The LIKE patterns a normalised search key is looked for by in `search_text`: as typed, and with its full-width
 * characters folded (foldedQuery) only when that differs, so a plain search is still one LIKE per row.
 */
export function searchPatterns(searchKey: string): string[] {
  const folded = foldedQuery(searchKey);
  return folded === undefined ? [likeContaining(searchKey)] : [likeContaining(searchKey), likeContaining(folded)];
}

/** SQL true when `column` matches any of `count` LIKE patterns given as parameters (`?`, or `@{name}0` …). */
export function likeAny(column: string, count: number, name?: string): string {
  const parts = Array.from({ length: count }, (_, k) => `${column} LIKE ${name ? `@${name}${k}` : '?'} ESCAPE '\\'`);
  return `(${parts.join(' OR ')})`;
}
