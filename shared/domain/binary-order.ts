/**
 * SQLite's BINARY collation (memcmp of UTF-8 bytes: the order of `ORDER BY id`) in JavaScript. UTF-8's
 * byte order is code point order; JavaScript's `<` compares UTF-16 code units, which disagrees where a
 * surrogate pair (U+10000 and above) meets a character from U+E000 to U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // The units before i are equal, so a low surrogate here follows the same high surrogate in both.
  return a.codePointAt(i)! - b.codePointAt(i)!;
}
