import { createRequire } from 'node:module';
import { searchForm } from './search-form';

type PinyinPro = typeof import('pinyin-pro');
let loaded: PinyinPro['pinyin'] | undefined;

/**
 * pinyin-pro, loaded the first time Chinese text is keyed rather than when the process starts: its
 * dictionaries are about 15 MiB of a process, and the app's main process can hold its tiers and answer
 * every read without them (the search keys are stored; only writing a name needs them). In the bundled
 * app and CLI (CommonJS) `require` is the bundler's, which runs the bundled module on first call; where
 * the sources run as ES modules (tests, scripts) a require is made for this file.
 */
function pinyinPro(): PinyinPro['pinyin'] {
  if (loaded) return loaded;
  // The literal require('pinyin-pro') is what the bundler finds and bundles.
  const module: PinyinPro = typeof require === 'function' ? require('pinyin-pro') : createRequire(import.meta.url)('pinyin-pro');
  loaded = module.pinyin;
  return loaded;
}

const HAN = /\p{Script=Han}/u;

/**
 * Text lower-cased with its full-width letters and digits (and Unicode's other compatibility forms) folded:
 * "ＡＢＣ贸易" → "abc贸易". What a name is keyed and sorted by starts from it.
 */
export function foldedLower(text: string): string {
  return text.toLowerCase().normalize('NFKC').toLowerCase();
}

/**
 * The lower-case keys under which a name can be found: the text itself, without spaces, its folded form
 * (full-width letters and digits as ASCII, "ＡＢＣ贸易" → "abc贸易"; Traditional characters as Simplified and
 * invisible ones dropped, searchForm: "張三豐" → "张三丰"), and for Chinese text its full pinyin ("zhangsan",
 * "abcmaoyi") and initials ("zs", "abcmy"), made from the folded text: a query is folded too (normalizeQuery,
 * foldedQuery), so either way of typing finds them. Surname mode reads 单 as "shan" and 曾 as "zeng", as people
 * pronounce them in names; the given name is keyed as it is usually read too (赵六 "zhaoliu" beside surname mode's
 * "zhaolu").
 */
export function searchKeys(text: string | null | undefined, opts: { personName?: boolean } = {}): string[] {
  if (!text) return [];
  const lower = text.toLowerCase().trim();
  if (lower === '') return [];
  const keys = new Set<string>([lower, lower.replace(/\s+/g, '')]);
  // searchForm after the compatibility folding, which can turn a compatibility ideograph into a Traditional one.
  const folded = searchForm(foldedLower(lower));
  if (folded !== lower && folded.trim() !== '') keys.add(folded.replace(/\s+/g, ''));
  if (HAN.test(folded)) {
    const read = (mode: 'surname' | 'normal') => ({
      syllables: pinyinPro()(folded, { toneType: 'none', type: 'array', mode, nonZh: 'consecutive', v: true }),
      initials: pinyinPro()(folded, { pattern: 'first', toneType: 'none', type: 'array', mode, nonZh: 'consecutive' }),
    });
    const joined = (parts: string[]) => parts.join('').replace(/\s+/g, '');
    const reading = read(opts.personName ? 'surname' : 'normal');
    keys.add(joined(reading.syllables));
    keys.add(joined(reading.initials));
    if (opts.personName) {
      // Surname mode reads every character that can be a surname as one, the given name too (赵六 "zhaolu",
      // 王乐乐 "wangyueyue"): the name is also keyed with its surname read so and the rest as usual ("zhaoliu", "wanglele").
      const usual = read('normal');
      if (usual.syllables.length === reading.syllables.length && usual.initials.length === reading.initials.length) {
        keys.add(joined([reading.syllables[0]!, ...usual.syllables.slice(1)]));
        keys.add(joined([reading.initials[0]!, ...usual.initials.slice(1)]));
      }
    }
  }
  return [...keys];
}

/**
 * What the user typed, reduced to the form the keys are stored in ("Zhang San" → "zhangsan", "張三豐" →
 * "张三丰", "李\u200D四" → "李四"). Every search (the customer list, tiers, snapshots, exports, products) starts
 * here, so the keys need only the folded form and the query stays one pattern.
 */
export function normalizeQuery(query: string): string {
  return searchForm(query.toLowerCase().replace(/\s+/g, ''));
}

/**
 * A normalised query with its full-width letters and digits folded (NFKC: "１３８" → "138", "ｚｓ" → "zs"), when
 * that differs from it; else undefined. A Chinese input method in full-width mode types such characters,
 * while phones are stored in ASCII and names with both: a search matches either form.
 */
export function foldedQuery(searchKey: string): string | undefined {
  const folded = normalizeQuery(searchKey.normalize('NFKC'));
  return folded !== searchKey && folded !== '' ? folded : undefined;
}

/**
 * The key a name sorts by: pinyin syllables for Chinese ("张三" → "zhang san"), lower-case text otherwise, its
 * full-width letters and digits folded first, so "ＸＹＺ商行" ("xyz shang hang") sorts among the X's and not
 * after every Z.
 */
export function sortKey(text: string, opts: { personName?: boolean } = {}): string {
  // Folded for search too, so 張三豐 sorts beside 张三丰 and an invisible character does not push a name past the Z's.
  const folded = searchForm(foldedLower(text.trim()));
  if (!HAN.test(folded)) return folded;
  return pinyinPro()(folded, { toneType: 'none', type: 'array', mode: opts.personName ? 'surname' : 'normal', nonZh: 'consecutive', v: true }).join(' ');
}
