import { basename } from 'node:path';
import type { EncodingName } from '../import';
import { sniffFileKind } from '../import/file-kind';
import { fileReader } from './file-reader';
import type { Delimiter } from '../../shared/import/delimiter';
import { ImportError } from '../../shared/import/errors';
import type { SourceRow, TableIssue } from '../../shared/import/table';
import { open, stat } from 'node:fs/promises';

/** Where the rows come from: a file on disk (CLI, Electron) or its bytes (the renderer in a browser). */
export type ImportSource = { path: string } | { bytes: Uint8Array; fileName: string };

export interface SourceBatch {
  rows: SourceRow[];
  issues: TableIssue[];
  bytesRead: number;
  totalBytes: number;
}

export interface OpenedSource {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: EncodingName | null;
  delimiter: Delimiter | null;
  headers: string[];
  /** The header's row, 1-based as rows are counted in every message: given, or chosen under any title lines. */
  headerRow: number;
  headerIssues: TableIssue[];
  /** The first rows, read before the import starts: what date order and decimal mark are inferred from. */
  sample: SourceRow[];
  batches: AsyncIterable<SourceBatch>;
  close(): Promise<void>;
}

export interface SourceOptions {
  encoding?: EncodingName;
  delimiter?: Delimiter;
  sheet?: string;
  headerRow?: number;
  batchSize?: number;
  signal?: AbortSignal;
}

const SAMPLE_ROWS = 2000;

/**
 * Opens an import source as batches of rows. A CSV file on disk is streamed (memory stays flat for
 * a million rows); bytes and .xlsx workbooks are read whole, because a workbook is a zip that cannot
 * be read row by row from its start and bytes are already in memory.
 */
export async function openSource(source: ImportSource, options: SourceOptions = {}): Promise<OpenedSource> {
  // Before any open: opening a named pipe waits for a writer, and /dev/zero reads as an empty file (its size is 0).
  if ('path' in source) await assertRegularFile(source.path);
  const { openCsvStream, readImportBytes, readImportFile } = await fileReader();
  if ('path' in source && (await isCsvFile(source.path))) {
    const stream = await openCsvStream(source.path, { encoding: options.encoding, delimiter: options.delimiter, headerRow: options.headerRow, batchSize: options.batchSize ?? 1000, signal: options.signal });
    const iterator = stream[Symbol.asyncIterator]();
    // The first batch doubles as the sample; it is handed back as the first batch of the iteration.
    const sample: SourceBatch[] = [];
    let sampled = 0;
    let done = false;
    while (sampled < SAMPLE_ROWS && !done) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        sample.push(next.value);
        sampled += next.value.rows.length;
      }
    }
    async function* batches(): AsyncGenerator<SourceBatch> {
      yield* sample.splice(0);
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    }
    return {
      fileName: basename(source.path),
      format: 'csv',
      encoding: stream.encoding,
      delimiter: stream.delimiter,
      headers: stream.headers,
      headerRow: stream.headerRow,
      headerIssues: stream.headerIssues,
      sample: sample.flatMap((b) => b.rows),
      batches: batches(),
      close: () => stream.close(),
    };
  }
  const table = 'path' in source ? await readImportFile(source.path, options) : await readImportBytes(source.bytes, options);
  const fileName = 'path' in source ? basename(source.path) : source.fileName;
  const headerIssues = table.issues.filter((i) => !('row' in i) || i.code === 'title_row_skipped');
  const rowIssues = table.issues.filter((i) => !(headerIssues as TableIssue[]).includes(i));
  const size = 'path' in source ? 0 : source.bytes.length;
  async function* whole(): AsyncGenerator<SourceBatch> {
    const step = options.batchSize ?? 1000;
    for (let i = 0; i < table.rows.length || i === 0; i += step) {
      if (options.signal?.aborted) throw new ImportError('aborted', 'The import was cancelled.');
      const rows = table.rows.slice(i, i + step);
      yield { rows, issues: i === 0 ? rowIssues : [], bytesRead: Math.round((size * Math.min(table.rows.length, i + step)) / Math.max(1, table.rows.length)), totalBytes: size };
    }
  }
  return {
    fileName,
    format: table.format,
    encoding: table.format === 'csv' ? table.encoding : null,
    delimiter: table.format === 'csv' ? table.delimiter : null,
    headers: table.headers,
    headerRow: table.headerRow,
    headerIssues,
    sample: table.rows.slice(0, SAMPLE_ROWS),
    batches: whole(),
    close: async () => {},
  };
}

async function isCsvFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return sniffFileKind(head.subarray(0, bytesRead)) === 'text';
  } finally {
    await handle.close();
  }
}

/** Throws ImportError('not_a_file') for a device, a pipe or a socket; a missing file or a folder fails as before, when opened. */
async function assertRegularFile(path: string): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found && !found.isFile() && !found.isDirectory()) throw new ImportError('not_a_file', `${basename(path)} is a device, a pipe or a socket, not a file to import.`);
}
