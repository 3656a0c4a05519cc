import ExcelJS from 'exceljs';
import { ImportError } from '../../shared/import/errors';
import { TableBuilder, type Cell, type ImportTable, type SourceRow, type TableIssue } from '../../shared/import/table';
import { sniffFileKind } from './file-kind';

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
 * is not midnight), formulas give their cached result, rich text and hyperlinks give their text.
 */
export async function readXlsx(bytes: Uint8Array, options: { sheet?: string } = {}): Promise<XlsxTable> {
  const kind = sniffFileKind(bytes);
  if (kind === 'empty') throw new ImportError('empty_file', 'The file is empty (0 bytes).');
  if (kind === 'xls') throw xlsNotSupported();
  if (kind !== 'xlsx') throw new ImportError('xlsx_unreadable', 'This is not an .xlsx workbook.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new ImportError('xlsx_unreadable', 'The workbook could not be read; it may be damaged. Open and save it again in Excel or WPS.', {}, { cause });
  }
  const sheetNames = workbook.worksheets.map((w) => w.name);
  const sheet = options.sheet !== undefined ? workbook.getWorksheet(options.sheet) : (workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0]);
  if (!sheet) throw new ImportError('sheet_not_found', `The workbook has no sheet "${options.sheet ?? ''}".`, { sheet: options.sheet, sheetNames });

  const builder = new TableBuilder();
  const rows: SourceRow[] = [];
  const issues: TableIssue[] = [];
  const merges = sheet.hasMerges;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse: index 0 is always empty.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    const cells = Array.from(values, (value, i) => (merges && isMergedAcross(row.getCell(i + 1)) ? '' : toCell(value)));
    builder.accept({ row: rowNumber, line: rowNumber, cells }, rows, issues);
  });
  builder.finish(issues);
  if (!builder.header) throw new ImportError('no_header', `The sheet "${sheet.name}" is empty.`, { sheetName: sheet.name });
  return { ...builder.header, rows, issues, sheetName: sheet.name, sheetNames };
}

/**
 * exceljs gives every cell of a merged range the top-left value. Down a column that is what a merged
 * "customer" cell over three order rows means, so it is kept; along a row (a title across the sheet)
 * it would invent columns, so those copies are blanked.
 */
function isMergedAcross(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell && cell.master.row === cell.row;
}

export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatSheetDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) return toCell((value as ExcelJS.CellFormulaValue).result ?? null);
  return String(value);
}

/** exceljs builds Dates from the serial in UTC, so the UTC fields are the wall-clock time in the sheet. */
export function formatSheetDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Serials are floats; round to the second so 0.999999 of a second does not show as :59.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return day;
  return `${day} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}
