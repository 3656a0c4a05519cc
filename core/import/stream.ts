import { open, type FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { sniffDelimiter, type Delimiter } from '../../shared/import/delimiter';
import { ImportError } from '../../shared/import/errors';
import { CsvRecordReader } from '../../shared/import/record-reader';
import { TableBuilder, type RawRecord, type SourceRow, type TableHeader, type TableIssue } from '../../shared/import/table';
import { assertText, detectEncoding, SNIFF_BYTES, textSampleOf, type EncodingName, type TextSample } from './decode';
import { DecodingCheck } from './decoding-check';
import { sniffFileKind } from './file-kind';
import { xlsNotSupported } from './xlsx';

export interface CsvStreamOptions {
  encoding?: EncodingName;
  delimiter?: Delimiter;
  /** The header's row as the user gave it; omitted, it is chosen among the first lines (shared/import/table.ts). */
  headerRow?: number;
  /** Rows per yielded batch (one DB transaction's worth for the importer). */
  batchSize?: number;
  chunkBytes?: number;
  maxRecordChars?: number;
  /** Aborting makes the iterator throw ImportError('aborted') and closes the file. */
  signal?: AbortSignal;
}

export interface CsvStreamBatch {
  rows: SourceRow[];
  issues: TableIssue[];
  /** Progress: bytes read so far out of the file size. */
  bytesRead: number;
  totalBytes: number;
}

export interface CsvStream extends TableHeader, AsyncIterable<CsvStreamBatch> {
  encoding: EncodingName;
  encodingConfidence: number;
  delimiter: Delimiter;
  totalBytes: number;
  /** Header problems (duplicate or blank names), known before the first batch. */
  headerIssues: TableIssue[];
  /** Releases the file when the rows are not wanted after all; iterating to the end closes it too. */
  close(): Promise<void>;
}

/**
 * Opens a CSV/TSV file of any size for reading in batches. Only the current chunk and batch are held in
 * memory, and the consumer pulls: a slow DB writer simply makes reading wait. The encoding and delimiter
 * are detected from the first 64 KB, and the header is read before this resolves, so the caller can map
 * columns before committing to the import.
 */
export async function openCsvStream(path: string, options: CsvStreamOptions = {}): Promise<CsvStream> {
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  const batchSize = options.batchSize ?? 1000;
  if (options.signal?.aborted) throw new ImportError('aborted', 'The import was cancelled.', {}, { cause: options.signal.reason });
  const handle = await open(path, 'r');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  try {
    const totalBytes = (await handle.stat()).size;
    if (totalBytes === 0) throw new ImportError('empty_file', 'The file is empty (0 bytes).');
    const sample = await readAt(handle, 0, Math.min(totalBytes, SNIFF_BYTES));
    const kind = sniffFileKind(sample);
    if (kind === 'xls') throw xlsNotSupported();
    if (kind === 'xlsx') throw new ImportError('binary_file', 'This is an Excel workbook, not a CSV file; read it as .xlsx.', { kind });
    const detected = options.encoding ? { encoding: options.encoding, confidence: 1, bomLength: 0 } : detectEncoding(sample, await findTextSample(handle, sample, totalBytes));
    const decoder = iconv.getDecoder(detected.encoding, { stripBOM: true });

    let position = 0;
    let bytesRead = 0;
    const readText = async (): Promise<string | null> => {
      if (position >= totalBytes) return null;
      const bytes = await readAt(handle, position, Math.min(chunkBytes, totalBytes - position));
      position += bytes.length;
      bytesRead = position;
      return decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    };

    // Sniff the delimiter from a full sample even when chunks are small.
    let text = '';
    while (position < Math.min(totalBytes, SNIFF_BYTES)) text += (await readText()) ?? '';
    assertText(text);
    const guess = options.delimiter ? { delimiter: options.delimiter } : sniffDelimiter(text, position >= totalBytes);
    const reader = new CsvRecordReader({ delimiter: guess.delimiter, maxRecordChars: options.maxRecordChars });
    const builder = new TableBuilder({ extraValuesRefuseRow: true, headerRow: options.headerRow });
    let rows: SourceRow[] = [];
    let issues: TableIssue[] = [];
    let ended = false;
    // Garbled rows are only all known at the end; the warning travels with the last batch.
    const decoding = new DecodingCheck(detected.encoding);
    const accept = (record: RawRecord) => {
      builder.accept(decoding.check(record.row, record.cells) ? { ...record, garbledAs: detected.encoding } : record, rows, issues);
    };

    const pump = async (): Promise<void> => {
      const next = ended ? null : await readText();
      if (next === null) {
        ended = true;
        const rest = decoder.end() ?? '';
        for (const r of [...reader.push(rest), ...reader.end()]) accept(r);
        builder.finish(rows, issues);
        const suspect = decoding.issue();
        if (suspect) issues.push(suspect);
        return;
      }
      for (const r of reader.push(next)) accept(r);
    };

    for (const r of reader.push(text)) accept(r);
    text = '';
    while (!builder.header && !ended) await pump();
    if (!builder.header) throw new ImportError('no_header', 'The file has no header row (it is empty or blank).');
    const header = builder.header;
    const [headerIssues, rowIssues] = partition(issues, (i) => !('row' in i) || i.code === 'title_row_skipped');
    issues = rowIssues;

    async function* batches(): AsyncGenerator<CsvStreamBatch> {
      try {
        for (;;) {
          if (options.signal?.aborted) throw new ImportError('aborted', 'The import was cancelled.', {}, { cause: options.signal.reason });
          if (rows.length >= batchSize || (ended && (rows.length > 0 || issues.length > 0))) {
            const take = rows.slice(0, batchSize);
            const last = take[take.length - 1];
            // Issues go with the batch holding their row, so the importer can report them in order.
            const cut = rows.length > batchSize && last ? last.row : Number.POSITIVE_INFINITY;
            const [batchIssues, later] = partition(issues, (i) => !('row' in i) || i.row <= cut);
            issues = later;
            rows = rows.slice(take.length);
            yield { rows: take, issues: batchIssues, bytesRead, totalBytes };
            continue;
          }
          if (ended) return;
          await pump();
        }
      } finally {
        await close();
      }
    }

    return {
      ...header,
      encoding: detected.encoding,
      encodingConfidence: detected.confidence,
      delimiter: guess.delimiter,
      totalBytes,
      headerIssues,
      close,
      [Symbol.asyncIterator]: batches,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Scans past leading pure-ASCII pages (up to 16 MB) to where the text encoding shows. */
async function findTextSample(handle: FileHandle, head: Uint8Array, totalBytes: number): Promise<TextSample> {
  const scanLimit = 16 * 1024 * 1024;
  let offset = 0;
  let window = head;
  while (!window.some((b) => b >= 0x80) && offset + window.length < Math.min(totalBytes, scanLimit)) {
    offset += window.length;
    window = await readAt(handle, offset, Math.min(SNIFF_BYTES * 2, totalBytes - offset));
  }
  return textSampleOf(window, offset, totalBytes);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
