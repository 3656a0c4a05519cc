import type yauzl from 'yauzl';
import type { Cell, UnreadCell } from '../../shared/import/table';
import { formatSheetDate, serialToDate } from './xlsx-dates';
import { cellTooLong, MAX_CELL_CHARS, MAX_MERGED_RANGES, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, tooManyCells, tooManyColumns, tooManyMerges, tooManyRows } from './xlsx-limits';
import { cellText, type NumberStyle } from './xlsx-workbook';
import { streamXml } from './xml-stream';
import type { ZipParts } from './zip-parts';

export interface SheetRecord {
  row: number;
  /** Sparse until the sheet is read: a hole is a cell with no value. */
  cells: Cell[];
  /** Cells showing no value of their own: error values, and formulas without a cached result. */
  unreadCells?: UnreadCell[];
  /** 0-based columns of number cells formatted as a percentage (0.12 shown as 12%); absent when none. */
  percentCells?: number[];
}

export interface SheetContext {
  sharedStrings: string[];
  /** By cell style index: what its number format makes of a number. */
  numberStyles: NumberStyle[];
  date1904: boolean;
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Reads a worksheet part as it inflates: each <row> becomes a record of typed cells, and every limit
 * (row number, column, cell length, cell count) is checked on the way, so a hostile sheet is refused
 * at the first cell past a limit rather than after it was read.
 */
export async function readSheetRecords(parts: ZipParts, entry: yauzl.Entry, context: SheetContext): Promise<{ records: SheetRecord[]; merges: MergeRange[] }> {
  const records: SheetRecord[] = [];
  const merges: MergeRange[] = [];
  let usedCells = 0;
  let rowNumber = 0;
  let cells: Cell[] = [];
  let unread: UnreadCell[] = [];
  let percent: number[] = [];
  let column = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let cellRef = '';
  let hasFormula = false;
  let value: string[] | null = null;
  let valueLength = 0;
  let inValue = false;
  let inInline = false;
  let phonetic = 0;

  const collect = () => {
    inValue = true;
    value ??= [];
  };

  await streamXml(parts, entry, {
    open(name, a) {
      switch (name) {
        case 'row': {
          const declared = a.r === undefined ? NaN : Number(a.r);
          rowNumber = Number.isInteger(declared) && declared > 0 ? declared : rowNumber + 1;
          if (rowNumber > MAX_SHEET_ROWS) throw tooManyRows(rowNumber);
          cells = [];
          unread = [];
          percent = [];
          column = 0;
          return;
        }
        case 'c': {
          const ref = a.r === undefined ? null : parseCellRef(a.r);
          column = ref ? ref.column : column + 1;
          if (column > MAX_SHEET_COLUMNS) throw tooManyColumns(column, rowNumber);
          cellRef = a.r ?? `row ${rowNumber}, column ${column}`;
          cellType = a.t ?? 'n';
          cellStyle = a.s === undefined ? 0 : Number(a.s);
          hasFormula = false;
          value = null;
          valueLength = 0;
          return;
        }
        case 'v':
          collect();
          return;
        case 'f':
          hasFormula = true;
          return;
        case 'is':
          inInline = true;
          value ??= [];
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inInline && phonetic === 0) collect();
          return;
        case 'mergeCell': {
          const range = a.ref ? parseRange(a.ref) : null;
          if (range && merges.push(range) > MAX_MERGED_RANGES) throw tooManyMerges();
          return;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          inValue = false;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'is':
          inInline = false;
          return;
        case 'c': {
          const cell = value === null ? (hasFormula ? '' : undefined) : cellValue(cellType, cellStyle, value.join(''), context);
          if (cell === undefined) return;
          cells[column - 1] = cell;
          // The error's text (or nothing) stands in the cell; what it should have held is not in the file.
          if (value === null) unread.push({ column: column - 1, reason: 'formula_without_value' });
          else if (cellType === 'e') unread.push({ column: column - 1, reason: 'sheet_error' });
          // The number is the fraction (0.12), the sheet shows a percentage (12%): what it means is the column's to say.
          else if (typeof cell === 'number' && context.numberStyles[cellStyle] === 'percent') percent.push(column - 1);
          return;
        }
        case 'row':
          // Counted as the row's width, not its filled cells: a lone value in column XFD makes the row
          // 16,384 cells wide once the blanks are filled in.
          usedCells += cells.length;
          if (usedCells > MAX_SHEET_CELLS) throw tooManyCells();
          if (cells.length > 0) records.push({ row: rowNumber, cells, ...(unread.length > 0 ? { unreadCells: unread } : {}), ...(percent.length > 0 ? { percentCells: percent } : {}) });
          cells = [];
          unread = [];
          percent = [];
          return;
      }
    },
    text(text) {
      if (!inValue || value === null) return;
      valueLength += text.length;
      if (valueLength > MAX_CELL_CHARS) throw cellTooLong(cellRef);
      value.push(text);
    },
  });
  // Excel writes rows in order; a sheet from elsewhere might not, and rows are numbered as Excel shows them.
  if (records.some((r, i) => i > 0 && r.row <= records[i - 1]!.row)) records.sort((a, b) => a.row - b.row);
  return { records, merges };
}

function cellValue(type: string, style: number, text: string, context: SheetContext): Cell | undefined {
  switch (type) {
    case 's': {
      const index = Number(text);
      return Number.isInteger(index) ? (context.sharedStrings[index] ?? '') : '';
    }
    case 'str':
    case 'inlineStr':
      return cellText(text);
    case 'b':
      return Number(text) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return text;
    case 'd': {
      // ISO 8601 without a zone is the sheet's wall-clock time, read as UTC like serial dates.
      const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
      return formatSheetDate(new Date(iso));
    }
    default: {
      if (text.trim() === '') return undefined;
      const number = Number(text);
      if (!Number.isFinite(number)) return '';
      return context.numberStyles[style] === 'date' ? formatSheetDate(serialToDate(number, context.date1904)) : number;
    }
  }
}

/** "AB12" → row 12, column 28; "$A$1" is allowed. */
export function parseCellRef(ref: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,7})\$?(\d{1,9})?$/.exec(ref);
  if (!match) return null;
  let column = 0;
  for (const ch of match[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: match[2] ? Number(match[2]) : 0 };
}

function parseRange(ref: string): MergeRange | null {
  const [from, to = from] = ref.split(':');
  const a = from ? parseCellRef(from) : null;
  const b = to ? parseCellRef(to) : null;
  if (!a || !b || a.row === 0 || b.row === 0) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}
