import { sniffDelimiter, type Delimiter } from './delimiter';
import { ImportError } from './errors';
import { MAX_PADDED_CELLS } from './limits';
import { CsvRecordReader } from './record-reader';
import { TableBuilder, type ImportTable, type SourceRow, type TableIssue } from './table';

export interface CsvParseOptions {
  /** Omit to sniff among , ; tab | from the first records. */
  delimiter?: Delimiter;
  maxRecordChars?: number;
  /** The header's row as the user gave it (TableBuilder); omitted, it is chosen among the first lines. */
  headerRow?: number;
}

export interface CsvTable extends ImportTable {
  delimiter: Delimiter;
}

/**
 * Parses already-decoded CSV/TSV text into a table. A text with no non-blank record at all has no header
 * and is refused ('no_header'); a header with no rows is a valid, empty table.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvTable {
  const delimiter = options.delimiter ?? sniffDelimiter(text, true).delimiter;
  const reader = new CsvRecordReader({ delimiter, maxRecordChars: options.maxRecordChars });
  const builder = new TableBuilder({ maxPaddedCells: MAX_PADDED_CELLS, extraValuesRefuseRow: true, headerRow: options.headerRow });
  const rows: SourceRow[] = [];
  const issues: TableIssue[] = [];
  for (const record of reader.push(text)) builder.accept(record, rows, issues);
  for (const record of reader.end()) builder.accept(record, rows, issues);
  builder.finish(rows, issues);
  if (!builder.header) throw new ImportError('no_header', 'The file has no header row (it is empty or blank).');
  return { ...builder.header, rows, issues, delimiter };
}
