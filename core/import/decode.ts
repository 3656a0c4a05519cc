import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { ImportError } from '../../shared/import/errors';
import { scoreDecoding } from './cjk-score';
import { guessJapaneseOrKorean } from './japanese-korean';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1252'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** 1 when the bytes leave no doubt (BOM, valid UTF-8, caller's override); lower for a guess. */
  confidence: number;
  hadBom: boolean;
}

export interface EncodingGuess {
  encoding: EncodingName;
  confidence: number;
  bomLength: number;
}

/** Enough bytes to judge a file by; detection cost stays flat for a 1 GB file. */
export const SNIFF_BYTES = 64 * 1024;

const BOMS: Array<[EncodingName, number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

export function bomOf(bytes: Uint8Array): { encoding: EncodingName; length: number } | null {
  for (const [encoding, bom] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { encoding, length: bom.length };
  }
  return null;
}

/**
 * Decodes a whole text file. Detection order: BOM; the NUL-byte pattern of BOM-less UTF-16; strict
 * UTF-8 (which pure ASCII also passes) or UTF-8 with a rare damaged byte; otherwise a legacy code
 * page. Japanese and Korean ones where their bytes leave little doubt (japanese-korean.ts). Between GB18030 and Big5 the decodings are scored on frequent characters, with jschardet only
 * breaking near-ties because its confidence for GBK is low even when right. Windows-1252 is the
 * fallback for Western files.
 */
export function decodeBytes(bytes: Uint8Array, override?: EncodingName): Decoded {
  if (bytes.length === 0) throw new ImportError('empty_file', 'The file is empty (0 bytes).');
  const guess = override ? { encoding: override, confidence: 1, bomLength: matchingBomLength(bytes, override) } : detectEncoding(bytes, textSampleOf(bytes));
  const text = decodeWith(bytes.subarray(guess.bomLength), guess.encoding);
  assertText(text);
  return { text, encoding: guess.encoding, confidence: guess.confidence, hadBom: guess.bomLength > 0 };
}

/** Bytes to judge the text encoding by; `complete` when they run to the end of the file. */
export interface TextSample {
  bytes: Uint8Array;
  complete: boolean;
}

/**
 * A file can open with pages of ASCII (codes, dates, amounts) before its first Chinese name; the text
 * encoding is judged where non-ASCII bytes are. Starting at the first one is always a character start.
 */
export function textSampleOf(bytes: Uint8Array, offset = 0, fileSize = bytes.length): TextSample {
  const start = Math.max(0, bytes.findIndex((b) => b >= 0x80));
  const sample = bytes.subarray(start, start + SNIFF_BYTES);
  return { bytes: sample, complete: offset + start + sample.length >= fileSize };
}

/**
 * Guesses the encoding. `head` is the start of the file (for the BOM and the UTF-16 pattern); the
 * text sample is where the non-ASCII text is (see textSampleOf), by default the head itself.
 */
export function detectEncoding(head: Uint8Array, sample: TextSample = { bytes: head, complete: head.length <= SNIFF_BYTES }): EncodingGuess {
  const bom = bomOf(head);
  if (bom) return { encoding: bom.encoding, confidence: 1, bomLength: bom.length };
  const start = head.subarray(0, SNIFF_BYTES);
  const utf16 = utf16ByNulPattern(start);
  if (utf16) return { encoding: utf16, confidence: 0.9, bomLength: 0 };
  if (start.includes(0)) throw binaryFile();
  const text = sample.bytes.subarray(0, SNIFF_BYTES);
  // A sample that stops before the end of the file may stop inside a character.
  const partial = !sample.complete || text.length < sample.bytes.length;
  if (isStrictUtf8(text, partial)) return { encoding: 'utf-8', confidence: 1, bomLength: 0 };
  if (isMostlyUtf8(text)) return { encoding: 'utf-8', confidence: 0.8, bomLength: 0 };
  return guessLegacy(text);
}

/**
 * A UTF-8 file with a byte or two damaged (a truncated copy, one cell pasted from elsewhere) is still
 * UTF-8: reading it as GBK would garble every line to save one character. Judged two ways: many characters
 * nearly all valid; or, in a small file, a few wide characters (CJK and the like, three or four bytes in
 * UTF-8) for each damaged byte — GBK, Big5 and Windows-1252 text almost never forms a valid three-byte
 * sequence, and about one GBK character in eight forms a valid two-byte one, so those are not counted.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes);
  let nonAscii = 0;
  let replaced = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replaced++;
    else if (c >= 0x800) wide++;
  }
  return (nonAscii >= 20 && replaced <= nonAscii * 0.05) || (wide >= 4 && replaced * 4 <= wide);
}

function matchingBomLength(bytes: Uint8Array, encoding: EncodingName): number {
  const bom = bomOf(bytes);
  return bom && bom.encoding === encoding ? bom.length : 0;
}

export function decodeWith(bytes: Uint8Array, encoding: EncodingName): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

/**
 * ASCII in UTF-16 is a byte followed (LE) or preceded (BE) by NUL. CSV always has some ASCII — the
 * delimiters and line breaks — so even an all-Chinese file shows the pattern, while binary files
 * have NULs on both sides.
 */
function utf16ByNulPattern(bytes: Uint8Array): EncodingName | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.1 && evenNul <= pairs * 0.01) return 'utf-16le';
  if (evenNul >= pairs * 0.1 && oddNul <= pairs * 0.01) return 'utf-16be';
  return null;
}

function isStrictUtf8(bytes: Uint8Array, partial: boolean): boolean {
  try {
    // stream: true tolerates a character cut off at the end of a sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

function guessLegacy(bytes: Uint8Array): EncodingGuess {
  const gb = scoreDecoding(decodeWith(bytes, 'gb18030'), 'gb18030');
  const big5 = scoreDecoding(decodeWith(bytes, 'big5'), 'big5');
  const best = Math.max(gb.score, big5.score);
  // Before the Western test: a Shift_JIS kanji's second byte is often ASCII, so its first looks like a lone é.
  const eastAsian = guessJapaneseOrKorean(bytes, best);
  if (eastAsian) return { ...eastAsian, bomLength: 0 };
  // Latin text (ü, é …) decodes into rare ideographs in both, and its high bytes stand alone between
  // ASCII letters; Chinese has mostly frequent ideographs, and its high bytes come in runs even when
  // every name in the file happens to be rare.
  if (best < 0.5 && isolatedHighShare(bytes) >= 0.5) return { encoding: 'windows-1252', confidence: 0.5, bomLength: 0 };
  let encoding: EncodingName = gb.score >= big5.score ? 'gb18030' : 'big5';
  if (Math.abs(gb.score - big5.score) < 0.1) {
    const hint = jschardet.detect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).encoding?.toLowerCase() ?? '';
    if (hint.startsWith('big5')) encoding = 'big5';
    else if (hint.startsWith('gb')) encoding = 'gb18030';
  }
  const margin = Math.abs(gb.score - big5.score);
  return { encoding, confidence: Math.round(Math.min(1, best * (0.5 + margin)) * 100) / 100, bomLength: 0 };
}

/** Share of bytes ≥ 0x80 with no such neighbour: near 1 for Western text, near 0 for CJK. */
function isolatedHighShare(bytes: Uint8Array): number {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((i === 0 || bytes[i - 1]! < 0x80) && (i + 1 === bytes.length || bytes[i + 1]! < 0x80)) isolated++;
  }
  return high === 0 ? 0 : isolated / high;
}

/** Refuses text that is really binary: NULs, or more than 1% control characters other than tab/CR/LF/FF/VT/^Z. */
export function assertText(text: string): void {
  const sample = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw binaryFile();
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 0x1a) || c === 0x7f) controls++;
  }
  if (controls >= 3 && controls > sample.length * 0.01) throw binaryFile();
}

function binaryFile(): ImportError {
  return new ImportError('binary_file', 'This is not a text file. Choose a .csv, .txt or .xlsx file.');
}
