/**
 * A worksheet name Excel accepts, made from a name the user chose (a custom segment's): Excel refuses
 * : \ / ? * [ ], a leading or trailing apostrophe, "History", more than 31 characters and a name another
 * sheet of the workbook already has in any case; ExcelJS throws on all but the length, so a segment called
 * "A/B" or "Periods" would have failed the whole export.
 */
const LIMIT = 31;

/** Cut to the limit without splitting a surrogate pair (an emoji in a segment name). */
function cut(text: string, limit: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > limit) break;
    out += ch;
  }
  return out.trim();
}

export function sheetName(wanted: string, taken: readonly string[], fallback: string): string {
  const cleaned = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim();
  const base = cut(cleaned, LIMIT).replace(/'+$/, '').trim() || fallback;
  const used = new Set(['history', ...taken.map((t) => t.toLowerCase())]);
  if (!used.has(base.toLowerCase())) return base;
  // A clash (a segment named like another sheet) gets a number, still within the limit.
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const name = `${cut(base, LIMIT - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
