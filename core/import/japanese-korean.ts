import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/**
 * Japanese and Korean legacy files. Every one of these decodes without an error as GB18030 (its byte ranges cover
 * theirs), so a client list from Osaka or Seoul was read as Chinese nonsense; each is told apart only where the
 * bytes leave little doubt:
 *
 * - Shift_JIS puts kana and the frequent kanji on lead bytes 0x81–0x9F, which GBK has only for rare characters:
 *   read as Shift_JIS the text is nearly all kana and frequent (JIS level 1) kanji; read as GB18030, rare ones.
 * - EUC-JP and GB2312 put the kana on the same two rows (A4, A5), so both readings show them; Chinese text has
 *   none, so kana are the sign. A Japanese file of kanji only reads as plausible Chinese either way: it stays
 *   GB18030, and the user chooses EUC-JP.
 * - EUC-KR's hangul rows (B0–C8) are GB2312's frequent hanzi, so both readings look fine character by character;
 *   jschardet's frequency model of Korean text must name it, and the reading must be nearly all hangul.
 */
export type JapaneseOrKorean = 'shift_jis' | 'euc-jp' | 'euc-kr';

let jisLevel1: Set<string> | null = null;

/** JIS X 0208 level-1 kanji (EUC-JP B0A1–CFD3), built from the codec as cjk-score.ts builds GB2312's. */
function jisLevel1Kanji(): Set<string> {
  if (jisLevel1) return jisLevel1;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xcf; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) if (lead * 256 + trail <= 0xcfd3) bytes.push(lead, trail);
  return (jisLevel1 = new Set([...iconv.decode(Buffer.from(bytes), 'euc-jp')].filter((ch) => ch !== '\uFFFD')));
}

const isKana = (code: number) => code >= 0x3040 && code <= 0x30ff;
/** Ideographic punctuation and full-width letters (not the half-width katakana a wrong reading makes of GBK). */
const isJapanesePunctuation = (code: number) => (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff5e);

/** Shares of the non-ASCII characters of `text`: replaced (U+FFFD), kana, and plausible Japanese. */
function japaneseShares(text: string): { nonAscii: number; replaced: number; kana: number; plausible: number } {
  const level1 = jisLevel1Kanji();
  let nonAscii = 0;
  let replaced = 0;
  let kana = 0;
  let plausible = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) replaced++;
    else if (isKana(code)) (kana++, plausible++);
    else if (isJapanesePunctuation(code) || level1.has(ch)) plausible++;
  }
  const of = (n: number) => (nonAscii === 0 ? 0 : n / nonAscii);
  return { nonAscii, replaced: of(replaced), kana: of(kana), plausible: of(plausible) };
}

function hangulShare(text: string): { replaced: number; hangul: number } {
  let nonAscii = 0;
  let replaced = 0;
  let hangul = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) replaced++;
    else if (code >= 0xac00 && code <= 0xd7a3) hangul++;
  }
  return nonAscii === 0 ? { replaced: 0, hangul: 0 } : { replaced: replaced / nonAscii, hangul: hangul / nonAscii };
}

const decode = (bytes: Uint8Array, encoding: string) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);

/**
 * The Japanese or Korean encoding the sample is in, when the bytes say so clearly; null otherwise (the caller goes
 * on with Chinese and Western). `chineseScore` is the better of the GB18030 and Big5 scores (cjk-score.ts).
 */
export function guessJapaneseOrKorean(bytes: Uint8Array, chineseScore: number): { encoding: JapaneseOrKorean; confidence: number } | null {
  const sjis = japaneseShares(decode(bytes, 'shift_jis'));
  if (sjis.nonAscii >= 2 && sjis.replaced === 0 && sjis.plausible >= 0.8 && chineseScore < 0.5) return { encoding: 'shift_jis', confidence: round(sjis.plausible * (1 - chineseScore)) };
  const eucJp = japaneseShares(decode(bytes, 'euc-jp'));
  if (eucJp.replaced === 0 && eucJp.kana >= 0.1 && eucJp.plausible >= 0.8) return { encoding: 'euc-jp', confidence: round(eucJp.plausible) };
  const korean = hangulShare(decode(bytes, 'euc-kr'));
  if (korean.replaced === 0 && korean.hangul >= 0.8) {
    const hint = jschardet.detect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).encoding?.toLowerCase() ?? '';
    if (hint === 'euc-kr' || hint === 'cp949') return { encoding: 'euc-kr', confidence: round(korean.hangul * 0.9) };
  }
  return null;
}

const round = (n: number) => Math.round(Math.min(1, n) * 100) / 100;
