import { CsvRecordReader } from './record-reader';
import { SEP_LINE } from './sep-line';
import { isBlankRecord } from './table';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Share of sampled records whose field count equals the most common count (0 when nothing splits). */
  confidence: number;
  /** The most common field count with that delimiter. */
  columns: number;
}

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 100;

/**
 * Picks the delimiter that splits the first records into the same number of fields (more than one),
 * parsing with quotes so "1,5" inside quotes does not count. Ties go to more columns, then to the order
 * of DELIMITERS. Comma is a fine default for a one-column file.
 * `complete` says the sample is the whole text, so its last record is not cut off.
 */
export function sniffDelimiter(text: string, complete = text.length <= SAMPLE_CHARS): DelimiterGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  const declared = declaredDelimiter(text);
  if (declared) return { ...scoreCounts(declared, fieldCounts(sample, declared, complete && sample.length === text.length)), confidence: 1 };
  let best: DelimiterGuess = { delimiter: ',', confidence: 0, columns: 1 };
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, complete && sample.length === text.length);
    const guess = scoreCounts(delimiter, counts);
    if (guess.columns < 2) continue;
    if (guess.confidence > best.confidence || (guess.confidence === best.confidence && guess.columns > best.columns)) best = guess;
  }
  return best;
}

function fieldCounts(sample: string, delimiter: Delimiter, complete: boolean): number[] {
  // Sniffing tries every delimiter on the sample: a wrong one may split a line into many cells, which
  // is a bad guess to score, not a file to refuse.
  const reader = new CsvRecordReader({ delimiter, maxColumns: Number.POSITIVE_INFINITY });
  const records = reader.push(sample);
  if (complete) records.push(...reader.end());
  return records
    .filter((r) => !isBlankRecord(r.cells))
    .slice(0, SAMPLE_RECORDS)
    .map((r) => r.cells.length);
}

function scoreCounts(delimiter: Delimiter, counts: number[]): DelimiterGuess {
  if (counts.length === 0) return { delimiter, confidence: 0, columns: 1 };
  const frequency = new Map<number, number>();
  for (const c of counts) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  let columns = 1;
  let hits = 0;
  for (const [count, n] of frequency) {
    if (n > hits || (n === hits && count > columns)) [columns, hits] = [count, n];
  }
  return { delimiter, confidence: columns < 2 ? 0 : hits / counts.length, columns };
}

/** The delimiter a "sep=" first line states, if any. */
export function declaredDelimiter(text: string): Delimiter | null {
  const firstLine = text.slice(0, 16).split(/\r\n|\r|\n/, 1)[0] ?? '';
  const found = SEP_LINE.exec(firstLine)?.[1];
  return found !== undefined && (DELIMITERS as readonly string[]).includes(found) ? (found as Delimiter) : null;
}
