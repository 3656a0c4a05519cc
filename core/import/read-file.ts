import { readFile } from 'node:fs/promises';
import { parseCsv } from '../../shared/import/csv';
import type { Delimiter } from '../../shared/import/delimiter';
import { ImportError } from '../../shared/import/errors';
import type { ImportTable } from '../../shared/import/table';
import { decodeBytes, type EncodingName } from './decode';
import { DecodingCheck } from './decoding-check';
import { sniffFileKind } from './file-kind';
import { readXlsx, xlsNotSupported } from './xlsx';

export interface ReadImportOptions {
  encoding?: EncodingName;
  delimiter?: Delimiter;
  sheet?: string;
  /** The header's row as the user gave it; omitted, it is chosen among the first lines (shared/import/table.ts). */
  headerRow?: number;
}

export type ReadImportResult = ImportTable &
  (
    | { format: 'csv'; encoding: EncodingName; encodingConfidence: number; hadBom: boolean; delimiter: Delimiter }
    | { format: 'xlsx'; sheetName: string; sheetNames: string[] }
  );

/**
 * Reads a whole import file (CSV/TSV/TXT in any supported encoding, or .xlsx) into a table, deciding
 * the format from the bytes. For previews and ordinary files; use openCsvStream for huge CSVs.
 */
export async function readImportBytes(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ReadImportResult> {
  switch (sniffFileKind(bytes)) {
    case 'empty':
      throw new ImportError('empty_file', 'The file is empty (0 bytes).');
    case 'xls':
      throw xlsNotSupported();
    case 'xlsx': {
      const table = await readXlsx(bytes, { sheet: options.sheet, headerRow: options.headerRow });
      return { ...table, format: 'xlsx' };
    }
    case 'text': {
      const decoded = decodeBytes(bytes, options.encoding);
      const table = parseCsv(decoded.text, { delimiter: options.delimiter, headerRow: options.headerRow });
      const check = new DecodingCheck(decoded.encoding);
      check.check(table.headerRow, table.rawHeaders);
      for (const row of table.rows) if (check.check(row.row, row.cells)) row.garbledAs = decoded.encoding;
      const suspect = check.issue();
      if (suspect) table.issues.push(suspect);
      return { ...table, format: 'csv', encoding: decoded.encoding, encodingConfidence: decoded.confidence, hadBom: decoded.hadBom };
    }
  }
}

export async function readImportFile(path: string, options: ReadImportOptions = {}): Promise<ReadImportResult> {
  return readImportBytes(await readFile(path), options);
}
