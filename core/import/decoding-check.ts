import iconv from 'iconv-lite';
import type { Cell, TableIssue } from '../../shared/import/table';
import { commonCharsOf } from './cjk-score';
import type { EncodingName } from './decode';

/** Row numbers named in the warning; the count says how many more there are. */
export const SUSPECT_ROWS_LISTED = 20;

/**
 * Finds rows the chosen encoding garbled. One encoding is detected for the whole file, but a file
 * pasted together from two sources (a GBK export with rows added from a UTF-8 one) has rows in each,
 * and whichever encoding wins garbles the others without any error:
 *
 * - Read as UTF-8, the GBK rows hold replacement characters (U+FFFD): GBK byte pairs are not UTF-8.
 * - Read as GBK/GB18030 (or Big5, or Windows-1252), the UTF-8 rows decode into plausible-looking but
 *   wrong characters ("张三" becomes "寮犱笁"). Encoding such a row back gives the file's bytes, and
 *   those bytes are valid UTF-8 with multi-byte characters — which real GBK text almost never is
 *   (its lead bytes 0xB0–0xF7 are UTF-8 continuation or 3-byte leads without valid trails). This is
 *   exact where scoring characters by frequency only guesses, and rare names do not set it off.
 */
export class DecodingCheck {
  private readonly rows: number[] = [];
  private count = 0;
  private encoder: ReturnType<typeof iconv.getEncoder> | null = null;

  constructor(private readonly encoding: EncodingName) {}

  /** True when the row reads as garbled: the caller marks it, and the import refuses it rather than store nonsense. */
  check(row: number, cells: readonly Cell[]): boolean {
    if (!this.isSuspect(cells)) return false;
    this.count++;
    if (this.rows.length < SUSPECT_ROWS_LISTED) this.rows.push(row);
    return true;
  }

  issue(): Extract<TableIssue, { code: 'decoding_suspect' }> | null {
    return this.count === 0 ? null : { code: 'decoding_suspect', encoding: this.encoding, rows: [...this.rows], count: this.count };
  }

  /**
   * One pass over the row's characters. Characters that are frequent in the encoding (or CJK
   * punctuation) are plausible; only a cell holding something else is encoded back and tested as
   * UTF-8, so clean rows cost a set lookup per character. A UTF-8 Chinese character read as GBK starts
   * with a lead byte E0–EF, which no frequent (level-1, B0–D7) GBK character has, so no garbled cell is
   * skipped by that shortcut.
   */
  private isSuspect(cells: readonly Cell[]): boolean {
    const cjk = this.encoding === 'gb18030' || this.encoding === 'big5' ? commonCharsOf(this.encoding) : null;
    const legacy = !this.encoding.startsWith('utf-');
    let nonAscii = 0;
    let plausible = 0;
    for (const cell of cells) {
      if (typeof cell !== 'string') continue;
      let odd = false;
      for (let i = 0; i < cell.length; i++) {
        const code = cell.charCodeAt(i);
        if (code < 0x80) continue;
        if (code === 0xfffd) return true;
        nonAscii++;
        if ((cjk && cjk.has(cell[i]!)) || isCjkPunctuation(code)) plausible++;
        else odd = true;
      }
      if (odd && legacy && this.looksLikeUtf8(cell)) return true;
    }
    // Rows in some third encoding (Big5 rows in a GBK file) decode into valid but improbable text: rare
    // ideographs mixed with kana, Greek and box-drawing signs. Real Chinese text is mostly frequent
    // characters even with a rare name in it (see cjk-score.ts): at least 8 non-ASCII characters, under
    // half of them plausible, is flagged.
    return cjk !== null && nonAscii >= 8 && plausible < nonAscii / 2;
  }

  /**
   * The cell's bytes in the file's encoding are valid UTF-8 with multi-byte characters. For GBK and
   * Big5 at least one must be a 3-byte one (Chinese in UTF-8 always is): a lone "女" (C5 AE in GBK)
   * happens to be valid 2-byte UTF-8 ("Ů") and must not count, while GBK text that is also valid UTF-8
   * with a 3-byte character is vanishingly rare.
   */
  private looksLikeUtf8(cell: string): boolean {
    this.encoder ??= iconv.getEncoder(this.encoding);
    const bytes = Buffer.concat([this.encoder.write(cell), this.encoder.end() ?? Buffer.alloc(0)]);
    if (!bytes.some((b) => b >= 0x80)) return false;
    // Decoding without `fatal` and looking for U+FFFD is far cheaper than catching a thrown error;
    // U+FFFD itself cannot come back from these encodings as EF BF BD.
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) return false;
    return this.encoding === 'windows-1252' || /[\u0800-\uffff]/.test(text);
  }
}

/** CJK symbols and punctuation, full-width forms, general punctuation (…, “”): at home in Chinese text. */
function isCjkPunctuation(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2000 && code <= 0x206f);
}

