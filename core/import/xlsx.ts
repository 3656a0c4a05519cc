import { ImportError } from '../../shared/import/errors';
import { MAX_PADDED_CELLS } from '../../shared/import/limits';
import { TableBuilder, type Cell, type ImportTable, type SourceRow, type TableIssue } from '../../shared/import/table';
import { sniffFileKind } from './file-kind';
import { readSheetRecords, type MergeRange, type SheetRecord } from './xlsx-sheet';
import { MAX_PART_BYTES, MAX_SHEET_CELLS, MAX_TOTAL_BYTES, partTooLarge, tooManyCells, totalTooLarge } from './xlsx-limits';
import { readNumberStyles, readSharedStrings, readWorkbookInfo } from './xlsx-workbook';
import { openZipParts, unreadable, type ZipParts } from './zip-parts';

export { formatSheetDate } from './xlsx-dates';

export interface XlsxTable extends ImportTable {
  sheetName: string;
  sheetNames: string[];
}

export function xlsNotSupported(): ImportError {
  return new ImportError(
    'xls_not_supported',
    'This is an old Excel 97–2003 (.xls) file or a password-protected workbook. Open it in Excel or WPS and save it as .xlsx (or CSV), then import that file.',
  );
}

/**
 * Reads one worksheet (the named one, else the first visible one) into the common table shape.
 * Cells keep their type: numbers stay numbers, date cells become 'YYYY-MM-DD' (with the time when it
 * is not midnight), formulas give their cached result, rich text and hyperlinks give their text. A number
 * shown as a percentage stays the number (0.12 for 12%), its column listed in the row's `percentCells`.
 *
 * The workbook is read part by part from the zip, each part streamed through an XML parser under the
 * limits in xlsx-limits.ts: only the parts this sheet needs are inflated, and a bomb is refused from
 * its declared sizes before inflating, or at the first byte past a limit if the sizes lie.
 */
export async function readXlsx(bytes: Uint8Array, options: { sheet?: string; headerRow?: number } = {}): Promise<XlsxTable> {
  const kind = sniffFileKind(bytes);
  if (kind === 'empty') throw new ImportError('empty_file', 'The file is empty (0 bytes).');
  if (kind === 'xls') throw xlsNotSupported();
  if (kind !== 'xlsx') throw new ImportError('xlsx_unreadable', 'This is not an .xlsx workbook.');
  const parts = await openZipParts(bytes);
  try {
    return await readSheet(parts, options.sheet, options.headerRow);
  } finally {
    parts.close();
  }
}

async function readSheet(parts: ZipParts, wanted: string | undefined, headerRow: number | undefined): Promise<XlsxTable> {
  const info = await readWorkbookInfo(parts);
  const sheetNames = info.sheets.map((s) => s.name);
  const sheet = wanted !== undefined ? info.sheets.find((s) => s.name === wanted) : (info.sheets.find((s) => s.state === 'visible') ?? info.sheets[0]);
  if (!sheet) throw new ImportError('sheet_not_found', `The workbook has no sheet "${wanted ?? ''}".`, { sheet: wanted, sheetNames });
  const sheetEntry = sheet.part ? parts.entry(sheet.part) : undefined;
  if (!sheetEntry) throw unreadable(new Error(`sheet "${sheet.name}" has no part`));

  // The sheet's own size first, so a bomb sheet is refused before the shared strings are read.
  if (sheetEntry.uncompressedSize > MAX_PART_BYTES) throw partTooLarge(sheetEntry.fileName, sheetEntry.uncompressedSize, MAX_PART_BYTES);
  // Everything this read will inflate, judged from the zip directory before any of it is.
  const needed = [...info.describedBy, info.sharedStringsPart, info.stylesPart, sheet.part];
  const total = [...new Set(needed)].reduce((sum, name) => sum + ((name && parts.entry(name)?.uncompressedSize) || 0), 0);
  if (total > MAX_TOTAL_BYTES) throw totalTooLarge(total);

  const sharedStrings = await readSharedStrings(parts, info.sharedStringsPart);
  const numberStyles = await readNumberStyles(parts, info.stylesPart);
  const { records, merges } = await readSheetRecords(parts, sheetEntry, { sharedStrings, numberStyles, date1904: info.date1904 });
  const used = records.reduce((n, r) => n + r.cells.length, 0);
  const merged = applyMerges(records, merges, MAX_SHEET_CELLS - used);

  // Excel writes no element for an empty cell, so a row whose last cells are empty is short in the file, not in the sheet.
  const builder = new TableBuilder({ maxPaddedCells: MAX_PADDED_CELLS, shortRowsComplete: true, headerlessValuesRefuseRow: true, headerRow });
  const rows: SourceRow[] = [];
  const issues: TableIssue[] = [];
  for (const record of merged) {
    const cells = Array.from(record.cells, (c): Cell => c ?? '');
    builder.accept({ row: record.row, line: record.row, cells, ...(record.unreadCells ? { unreadCells: record.unreadCells } : {}), ...(record.percentCells ? { percentCells: record.percentCells } : {}) }, rows, issues);
  }
  builder.finish(rows, issues);
  if (!builder.header) throw new ImportError('no_header', `The sheet "${sheet.name}" is empty.`, { sheetName: sheet.name });
  return { ...builder.header, rows, issues, sheetName: sheet.name, sheetNames };
}

/** Keeps a record's percentCells in step with a cell that was given another value. */
function markPercent(record: SheetRecord, column: number, percent: boolean): void {
  const marked = record.percentCells?.includes(column) ?? false;
  if (percent && !marked) (record.percentCells ??= []).push(column);
  else if (!percent && marked) record.percentCells = record.percentCells!.filter((c) => c !== column);
}

/**
 * Excel stores a merged range's value in its top-left cell only. Down a column the value means every
 * row ("customer" merged over three order rows), so it is copied into the rows below; along a row (a
 * title across the sheet) copies would invent columns, so those cells stay blank. Each cell touched
 * counts against the sheet's cell budget, so a merge over a million rows cannot grow the table unbounded.
 */
function applyMerges(records: SheetRecord[], merges: MergeRange[], budget: number): SheetRecord[] {
  if (merges.length === 0) return records;
  const byRow = new Map(records.map((r) => [r.row, r]));
  let left = budget;
  const spend = (n: number) => {
    left -= n;
    if (left < 0) throw tooManyCells();
  };
  for (const m of merges) {
    const master = byRow.get(m.top)?.cells[m.left - 1];
    const top = byRow.get(m.top);
    if (top) {
      // Keep the row as wide as the merge, as Excel shows it, with the copies blank.
      spend(m.right - m.left);
      for (let c = m.left + 1; c <= m.right; c++) top.cells[c - 1] = '';
    }
    if (master === undefined || master === '') continue;
    spend((m.bottom - m.top) * (m.right - m.left + 1));
    // A percentage copied down is still one: each copy carries the master's format.
    const percent = top?.percentCells?.includes(m.left - 1) ?? false;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      let record = byRow.get(r);
      if (!record) {
        record = { row: r, cells: [] };
        byRow.set(r, record);
      }
      for (let c = m.left; c <= m.right; c++) {
        record.cells[c - 1] = master;
        markPercent(record, c - 1, percent);
      }
    }
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}
