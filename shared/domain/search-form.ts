import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import { dropInvisible } from './invisible';

// Pasted names carry characters that render as nothing (李\u200D四 from a chat app, shared/domain/invisible.ts); a
// saved name keeps a joiner inside it (shared/domain/clean-text.ts: emoji sequences need one), and nobody types one
// into a search box, so search drops them on both sides.
const NOT_ASCII = /[^\x00-\x7f]/;

let simplified: Map<string, string> | undefined;

/**
 * OpenCC's Traditional→Simplified character table (3,500 one-to-one pairs, 29 KB), as a map made the first
 * time a non-ASCII text is folded. Characters only, not OpenCC's phrase tables: a name is not a sentence whose
 * words change meaning, and folding character by character keeps every substring of a name a substring of its
 * folded form, which is what a LIKE search needs.
 */
function simplifiedOf(): Map<string, string> {
  if (simplified) return simplified;
  simplified = new Map();
  for (const pair of traditionalToSimplified.split('|')) {
    const [from, to] = pair.split(' ');
    if (from && to) simplified.set(from, to);
  }
  return simplified;
}

/**
 * The form search compares text in, on both sides (the stored keys and the query): Traditional characters
 * as their Simplified ones (張三豐 → 张三丰), so a name is found whichever script it was typed in, and
 * invisible characters dropped. ASCII text is returned as it is without looking at it: most queries are
 * pinyin, initials or digits, and each search pays this once.
 */
export function searchForm(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  const table = simplifiedOf();
  let out = '';
  for (const char of dropInvisible(text)) out += table.get(char) ?? char;
  return out;
}
