import iconv from 'iconv-lite';

/**
 * GBK and Big5 byte streams decode without errors in each other's encoding surprisingly often, so
 * "no replacement characters" cannot tell them apart. What can: both standards put their frequently
 * used characters in a "level 1" block (GB2312 B0A1–D7F9: 3,755 simplified; Big5 A440–C67E: 5,401
 * traditional). Real text decodes mostly into its own level 1; the wrong decoding lands in rare
 * characters. The sets are built from the codecs themselves rather than shipped as a list.
 */
let gbLevel1: Set<string> | null = null;
let big5Level1: Set<string> | null = null;

function decodePairs(encoding: string, leads: [number, number], trails: Array<[number, number]>, last: number): Set<string> {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) {
        if (lead * 256 + trail <= last) bytes.push(lead, trail);
      }
    }
  }
  const text = iconv.decode(Buffer.from(bytes), encoding);
  return new Set([...text].filter((ch) => ch !== '\uFFFD'));
}

export function commonCharsOf(encoding: 'gb18030' | 'big5'): Set<string> {
  if (encoding === 'gb18030') return (gbLevel1 ??= decodePairs('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9));
  return (big5Level1 ??= decodePairs('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]], 0xc67e));
}

export interface DecodingScore {
  /** Share of CJK ideographs that are in the encoding's frequent-character block. */
  common: number;
  /** Share of non-ASCII characters that could not be decoded (U+FFFD). */
  replacement: number;
  /** Ideographs seen; a score from three characters means little. */
  ideographs: number;
  score: number;
}

export function scoreDecoding(text: string, encoding: 'gb18030' | 'big5'): DecodingScore {
  const common = commonCharsOf(encoding);
  let ideographs = 0;
  let frequent = 0;
  let nonAscii = 0;
  let replaced = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) replaced++;
    else if (code >= 0x4e00 && code <= 0x9fff) {
      ideographs++;
      if (common.has(ch)) frequent++;
    }
  }
  const commonShare = ideographs === 0 ? 0 : frequent / ideographs;
  const replacement = nonAscii === 0 ? 0 : replaced / nonAscii;
  return { common: commonShare, replacement, ideographs, score: commonShare * (1 - replacement) - replacement };
}
