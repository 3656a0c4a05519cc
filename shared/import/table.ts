import { ImportError } from './errors';
import { chooseHeaderRow, MAX_TITLE_LINES } from './header-row';
import { isSepLine } from './sep-line';
import { isBlankText } from '../domain/clean-text';

/**
 * The one row shape every reader (CSV text, streamed CSV, .xlsx) produces, so header mapping and
 * validation never care where the data came from. Numbers are kept 1-based as the user sees them:
 * `row` is the record number counting the header and blank lines (what Excel shows when it opens the
 * file), `line` is the physical line where the record starts (they differ after a quoted newline).
 */

/** A cell as read: text from CSV; text or number from .xlsx (dates already 'YYYY-MM-DD'). Empty is ''. */
export type Cell = string | number;

/**
 * A workbook cell that shows no value of its own: an error value (#N/A of a lookup that found nothing, #DIV/0!), or
 * a formula whose result the file does not hold (written by a program that never calculates). Its text, or '', stands
 * in the cell for the preview; the row is refused when the column is imported, since either would be a wrong value.
 */
export interface UnreadCell {
  /** 0-based, as `cells`. */
  column: number;
  reason: 'sheet_error' | 'formula_without_value';
}

export interface RawRecord {
  row: number;
  line: number;
  cells: Cell[];
  quoteProblem?: 'unterminated_quote' | 'malformed_quote';
  /** Workbook cells without a value of their own; absent when there are none. */
  unreadCells?: UnreadCell[];
  /** 0-based columns of workbook numbers shown as a percentage (0.12 as 12%); absent when there are none. */
  percentCells?: number[];
  /** The text encoding the record reads as garbled in (core/import/decoding-check.ts); absent when it reads well. */
  garbledAs?: string;
}

/** A data row; `cells` always has exactly one entry per header. */
export interface SourceRow {
  row: number;
  line: number;
  cells: Cell[];
  /**
   * Values past the header's last column in a delimited file: the row does not line up with its header (a value
   * with an unquoted delimiter, as 1,234.50 in a comma-separated file), so it is refused. Absent when there are none.
   */
  extraCells?: Cell[];
  /**
   * The column of a cell a stray quote ran together (`"李四,"13800138001"`: a quote that closes no value, so the
   * delimiters after it were read as text): the row's values no longer line up, so it is refused. Absent when none.
   */
  malformedQuoteColumn?: number;
  /** Workbook cells without a value of their own (see UnreadCell), within the header's columns. Absent when none. */
  unreadCells?: UnreadCell[];
  /**
   * 0-based columns, within the header's, of workbook numbers formatted as a percentage: the cell holds 0.12 where the
   * sheet shows 12%, so a money column refuses it as it refuses the typed "12%". Absent when none.
   */
  percentCells?: number[];
  /**
   * A workbook's values right of the header's last named column (a currency under an amount header merged over two
   * columns): nothing says what they are, and cut off they could change the row's meaning, so the row is refused,
   * naming the column. 0-based columns; absent when none.
   */
  headerlessCells?: Array<{ column: number; cell: Cell }>;
  /**
   * The text encoding the row reads as garbled in: its values would be stored as nonsense, so the row is refused
   * (naming encodings to try). Absent when the row reads well.
   */
  garbledAs?: string;
}

type At = { row: number; line: number };
export type TableIssue =
  | { code: 'duplicate_header'; column: number; header: string; renamedTo: string }
  | { code: 'blank_header'; column: number; renamedTo: string }
  | ({ code: 'missing_columns'; expected: number; actual: number } & At)
  | ({ code: 'extra_columns'; expected: number; actual: number; extra: Cell[] } & At)
  | ({ code: 'malformed_quote' } & At)
  /**
   * A line above the header taken for a title (a company name, a report date); `headerRow` is the header's row, and
   * `chosen` says the user gave it (so the line is above their header, whatever it looks like).
   */
  | ({ code: 'title_row_skipped'; text: string; headerRow: number; chosen?: true } & At)
  /** Rows the detected encoding seems to have garbled (a file mixing GBK and UTF-8): the first few, and how many. */
  | { code: 'decoding_suspect'; encoding: string; rows: number[]; count: number };

export interface TableHeader {
  /** Unique, trimmed column names (duplicates renamed "Phone (2)"). */
  headers: string[];
  /** The header cells exactly as in the file. */
  rawHeaders: string[];
  headerRow: number;
  headerLine: number;
}

export interface ImportTable extends TableHeader {
  rows: SourceRow[];
  issues: TableIssue[];
}

/** A 0-based column as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && isBlankText(cell));
}

export function isBlankRecord(cells: readonly Cell[]): boolean {
  return cells.every(isBlankCell);
}

/** Header names as shown to the user: trimmed, blank ones named by position, duplicates numbered. */
export function buildHeader(record: RawRecord): { header: TableHeader; issues: TableIssue[] } {
  const rawHeaders = record.cells.map((c) => String(c).replace(/^\uFEFF/, ''));
  // Trailing empty header cells come from a trailing delimiter or a formatted-but-empty Excel column.
  let width = rawHeaders.length;
  while (width > 0 && rawHeaders[width - 1]!.trim() === '') width--;
  const issues: TableIssue[] = [];
  const used = new Set<string>();
  // The next number to try for each repeated name. Names are only ever added, so every number below it
  // is still taken: starting there gives the same names as counting from 2, in linear time (counting
  // from 2 each time took minutes for a header repeating one name 50,000 times).
  const nextNumber = new Map<string, number>();
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const original = rawHeaders[i]!.trim();
    let name = original === '' ? `Column ${i + 1}` : original;
    if (used.has(name)) {
      let n = nextNumber.get(name) ?? 2;
      while (used.has(`${name} (${n})`)) n++;
      nextNumber.set(name, n + 1);
      name = `${name} (${n})`;
    }
    if (original === '') issues.push({ code: 'blank_header', column: i, renamedTo: name });
    else if (name !== original) issues.push({ code: 'duplicate_header', column: i, header: original, renamedTo: name });
    used.add(name);
    headers.push(name);
  }
  return {
    header: { headers, rawHeaders: rawHeaders.slice(0, width), headerRow: record.row, headerLine: record.line },
    issues,
  };
}

/**
 * Turns raw records into the table: the header is chosen among the first non-blank records, blank records are
 * skipped, short rows are padded and long rows cut, each reported once (a workbook's short rows are not: see
 * shortRowsComplete). Extra cells that are all empty (a trailing delimiter) are dropped silently because they carry
 * no data.
 *
 * Reports exported from Chinese accounting and ERP software often start with title lines ("XX贸易有限公司", "客户列表
 * 2024年3月", "报表日期：…", merged across the sheet). The first MAX_TITLE_LINES + 1 non-blank records are held until
 * the header is chosen among them (header-row.ts); those above it are reported as skipped titles, those below are
 * the first rows. Call finish() after the last record.
 */
export class TableBuilder {
  header: TableHeader | null = null;
  /** Non-blank records before the header is chosen. */
  private leading: RawRecord[] = [];
  /** The last record met before the header was chosen, blank ones too: a header row the user gave at or before it was read. */
  private lastRowRead = 0;
  /** The row of a CSV's "sep=;" line, when the file has one: a header row given there is told apart from a blank one. */
  private sepLineRow: number | null = null;
  private padded = 0;

  /**
   * `maxPaddedCells` bounds the empty cells added to short rows over the whole table (see
   * MAX_PADDED_CELLS); readers that keep every row pass it, streams that hand rows on do not.
   * `extraValuesRefuseRow`: a delimited file's row with values past the header's last column keeps them as
   * `extraCells`, for the validator to refuse the row; in a workbook a cell sits in its column whatever its
   * neighbours hold, so values in columns without a header are kept as `headerlessCells` with their columns
   * (`headerlessValuesRefuseRow`), for the validator to refuse the row naming the column.
   * `shortRowsComplete`: a workbook stores no empty cells, so a row whose last cells are empty simply ends early;
   * it is padded without a word. In a delimited file a short row has lost delimiters, and is reported.
   * `headerRow`: the header's row as the user gave it (1-based, as rows are counted in every message), instead of the
   * one chosen by its looks (header-row.ts); it must be one of the lines the choice is made among.
   */
  constructor(private readonly options: { maxPaddedCells?: number; extraValuesRefuseRow?: boolean; headerlessValuesRefuseRow?: boolean; shortRowsComplete?: boolean; headerRow?: number } = {}) {}

  accept(record: RawRecord, rows: SourceRow[], issues: TableIssue[]): void {
    if (record.quoteProblem === 'unterminated_quote') throw unterminatedQuote(record);
    if (record.quoteProblem) issues.push({ code: 'malformed_quote', row: record.row, line: record.line });
    if (!this.header) this.lastRowRead = record.row;
    if (isBlankRecord(record.cells)) return;
    if (!this.header) {
      if (isSepLine(record.cells)) {
        this.sepLineRow = record.row;
        return;
      }
      this.leading.push(record);
      if (this.leading.length > MAX_TITLE_LINES) this.settleHeader(rows, issues);
      return;
    }
    this.addRow(record, rows, issues);
  }

  /** Chooses the header among the records held when the file ends within the first lines. */
  finish(rows: SourceRow[], issues: TableIssue[]): void {
    if (!this.header && this.leading.length > 0) this.settleHeader(rows, issues);
  }

  private settleHeader(rows: SourceRow[], issues: TableIssue[]): void {
    const leading = this.leading;
    this.leading = [];
    const given = this.options.headerRow;
    const at = given === undefined ? chooseHeaderRow(leading) : givenHeaderAt(leading, given, this.lastRowRead, this.sepLineRow);
    const header = leading[at]!;
    for (const title of leading.slice(0, at)) {
      const text = title.cells.filter((c) => !isBlankCell(c)).map((c) => String(c).trim()).join(' ');
      issues.push({ code: 'title_row_skipped', row: title.row, line: title.line, text, headerRow: header.row, ...(given === undefined ? {} : { chosen: true as const }) });
    }
    this.setHeader(header, issues);
    for (const record of leading.slice(at + 1)) this.addRow(record, rows, issues);
  }

  private setHeader(record: RawRecord, issues: TableIssue[]): void {
    const built = buildHeader(record);
    this.header = built.header;
    issues.push(...built.issues);
  }

  private addRow(record: RawRecord, rows: SourceRow[], issues: TableIssue[]): void {
    if (!this.header) return;
    const width = this.header.headers.length;
    const cells = record.cells;
    const unread = record.unreadCells?.filter((u) => u.column < width) ?? [];
    const percent = record.percentCells?.filter((c) => c < width) ?? [];
    const at = {
      row: record.row,
      line: record.line,
      ...(record.quoteProblem === 'malformed_quote' ? { malformedQuoteColumn: strayQuoteColumn(cells, width) } : {}),
      ...(unread.length > 0 ? { unreadCells: unread } : {}),
      ...(percent.length > 0 ? { percentCells: percent } : {}),
      ...(record.garbledAs ? { garbledAs: record.garbledAs } : {}),
    };
    if (cells.length < width) {
      this.padded += width - cells.length;
      if (this.padded > (this.options.maxPaddedCells ?? Number.POSITIVE_INFINITY)) {
        throw new ImportError('too_many_columns', `The rows are much shorter than the ${width}-column header; filling them in would take more than ${this.options.maxPaddedCells!.toLocaleString('en')} empty cells.`, {
          columns: width,
          limit: this.options.maxPaddedCells,
        });
      }
      if (!this.options.shortRowsComplete) issues.push({ code: 'missing_columns', expected: width, actual: cells.length, row: at.row, line: at.line });
      rows.push({ ...at, cells: [...cells, ...new Array<Cell>(width - cells.length).fill('')] });
      return;
    }
    if (cells.length > width) {
      const extra = cells.slice(width);
      const filled = !isBlankRecord(extra);
      if (filled) issues.push({ code: 'extra_columns', expected: width, actual: cells.length, extra, row: at.row, line: at.line });
      const headerless = this.options.headerlessValuesRefuseRow ? extra.flatMap((cell, i) => (isBlankCell(cell) ? [] : [{ column: width + i, cell }])) : [];
      rows.push({ ...at, cells: cells.slice(0, width), ...(filled && this.options.extraValuesRefuseRow ? { extraCells: extra } : {}), ...(headerless.length > 0 ? { headerlessCells: headerless } : {}) });
      return;
    }
    rows.push({ ...at, cells });
  }
}

/**
 * Where the header row the user gave is among the lines the header is chosen from. A row the reader met that is not
 * among them is blank, or the sep= line (which names no column either, and is said to be the delimiter line, since
 * the file shows it as text); any other is past them, where the rows are data, or past the end of the file. Each
 * refuses the file, naming the rows that can be the header.
 */
function givenHeaderAt(leading: readonly RawRecord[], row: number, lastRowRead: number, sepLineRow: number | null): number {
  const at = leading.findIndex((r) => r.row === row);
  if (at >= 0) return at;
  const first = leading[0]!.row;
  const last = leading[leading.length - 1]!.row;
  const lines = MAX_TITLE_LINES + 1;
  const details = { row, first, last, lines };
  if (row === sepLineRow) {
    throw new ImportError('header_row_sep_line', `Row ${row} is the file’s delimiter line ("sep="), not the header: give the row holding the column names (one of rows ${first}–${last}, the first ${lines} that are not blank).`, details);
  }
  if (row <= lastRowRead && row < last) {
    throw new ImportError('header_row_blank', `Row ${row} is blank, so it cannot be the header: give the row holding the column names (one of rows ${first}–${last}, the first ${lines} that are not blank).`, details);
  }
  throw new ImportError('header_row_beyond', `Row ${row} cannot be the header: it must be one of the first ${lines} rows that are not blank, rows ${first}–${last} of this file.`, details);
}

/**
 * The cell holding a malformed quote's text: the parser keeps the stray quote in the cell it swallowed the
 * delimiters into. Past the header's last column, or in no cell at all, the row's first cell stands for it.
 */
function strayQuoteColumn(cells: readonly Cell[], width: number): number {
  const at = cells.findIndex((c) => typeof c === 'string' && c.includes('"'));
  return at >= 0 && at < width ? at : 0;
}

/**
 * A quote that is never closed runs to the end of the file: every later line is one cell of this record,
 * so the rows after it do not exist as rows, and importing what is left would silently lose them. The file
 * cannot be read as a table. The open quote is in the record's last cell (the one that ran to the end); the
 * line it opens on is the record's first line plus the line breaks of the cells before it.
 */
function unterminatedQuote(record: RawRecord): ImportError {
  const cells = record.cells.map(String);
  const before = cells.slice(0, -1).reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  const line = record.line + before;
  const opened = (cells.at(-1) ?? '').split(/\r?\n|\r/)[0]!;
  const text = opened.length > 20 ? `${opened.slice(0, 20)}…` : opened;
  return new ImportError(
    'unterminated_quote',
    `The quoted value "${text}" opening on line ${line} is never closed, so every line after it would be read into that one cell. Close the quote (or remove it) and import again.`,
    { line, text },
  );
}

/** English description of an issue for logs and the CLI; the UI translates `code` itself. */
export function describeIssue(issue: TableIssue): string {
  switch (issue.code) {
    case 'duplicate_header':
      return `Column "${issue.header}" appears more than once; this one is called "${issue.renamedTo}".`;
    case 'blank_header':
      return `A column has no header; it is called "${issue.renamedTo}".`;
    case 'missing_columns':
      return `Row ${issue.row} has ${issue.actual} of ${issue.expected} columns; the missing ones are left empty.`;
    case 'extra_columns':
      return `Row ${issue.row} has ${issue.actual} values but the header has ${issue.expected} columns; the row is refused, as the values past the last column have no column to go in.`;
    case 'malformed_quote':
      return `A quoted value on line ${issue.line} has text after its closing quote.`;
    case 'title_row_skipped':
      return issue.chosen
        ? `Row ${issue.row} ("${issue.text}") is above the header row given (${issue.headerRow}) and was skipped.`
        : `Row ${issue.row} ("${issue.text}") looks like a title and was skipped; the header is row ${issue.headerRow}.`;
    case 'decoding_suspect': {
      const more = issue.count > issue.rows.length ? ` and ${issue.count - issue.rows.length} more` : '';
      return `Read as ${issue.encoding}, ${issue.count} row(s) look garbled (rows ${issue.rows.join(', ')}${more}); the file may be in another encoding, or mix encodings. Those rows are refused; choose the encoding by hand (CLI: --encoding gb18030|utf-8|big5|shift_jis|euc-jp|euc-kr …).`;
    }
  }
}
