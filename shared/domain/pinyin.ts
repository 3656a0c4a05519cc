import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * The lower-case keys under which a name can be found: the text itself, without spaces, and for Chinese
 * text its full pinyin ("zhangsan") and initials ("zs"). Surname mode reads 单 as "shan" and 曾 as "zeng",
 * as people pronounce them in names.
 */
export function searchKeys(text: string | null | undefined, opts: { personName?: boolean } = {}): string[] {
  if (!text) return [];
  const lower = text.toLowerCase().trim();
  if (lower === '') return [];
  const keys = new Set<string>([lower, lower.replace(/\s+/g, '')]);
  if (HAN.test(lower)) {
    const mode = opts.personName ? 'surname' : 'normal';
    const syllables = pinyin(lower, { toneType: 'none', type: 'array', mode, nonZh: 'consecutive', v: true });
    keys.add(syllables.join('').replace(/\s+/g, ''));
    const initials = pinyin(lower, { pattern: 'first', toneType: 'none', type: 'array', mode, nonZh: 'consecutive' });
    keys.add(initials.join('').replace(/\s+/g, ''));
  }
  return [...keys];
}

/** What the user typed, reduced to the form the keys are stored in ("Zhang San" → "zhangsan"). */
export function normalizeQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, '');
}

/** The key a name sorts by: pinyin syllables for Chinese ("张三" → "zhang san"), lower-case text otherwise. */
export function sortKey(text: string, opts: { personName?: boolean } = {}): string {
  const lower = text.toLowerCase().trim();
  if (!HAN.test(lower)) return lower;
  return pinyin(lower, { toneType: 'none', type: 'array', mode: opts.personName ? 'surname' : 'normal', nonZh: 'consecutive', v: true }).join(' ');
}
