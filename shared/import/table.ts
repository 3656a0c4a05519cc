import { isSepLine } from './sep-line';

/**
 * The one row shape every reader (CSV text, streamed CSV, .xlsx) produces, so header mapping and
 * validation never care where the data came from. Numbers are kept 1-based as the user sees them:
 * `row` is the record number counting the header and blank lines (what Excel shows when it opens the
 * file), `line` is the physical line where the record starts (they differ after a quoted newline).
 */

/** A cell as read: text from CSV; text or number from .xlsx (dates already 'YYYY-MM-DD'). Empty is ''. */
export type Cell = string | number;

export interface RawRecord {
  row: number;
  line: number;
  cells: Cell[];
  quoteProblem?: 'unterminated_quote' | 'malformed_quote';
}

/** A data row; `cells` always has exactly one entry per header. */
export interface SourceRow {
  row: number;
  line: number;
  cells: Cell[];
}

type At = { row: number; line: number };
export type TableIssue =
  | { code: 'duplicate_header'; column: number; header: string; renamedTo: string }
  | { code: 'blank_header'; column: number; renamedTo: string }
  | ({ code: 'missing_columns'; expected: number; actual: number } & At)
  | ({ code: 'extra_columns'; expected: number; actual: number; extra: Cell[] } & At)
  | ({ code: 'unterminated_quote' } & At)
  | ({ code: 'malformed_quote' } & At);

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

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
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
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const original = rawHeaders[i]!.trim();
    let name = original === '' ? `Column ${i + 1}` : original;
    if (used.has(name)) {
      let n = 2;
      while (used.has(`${name} (${n})`)) n++;
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
 * Turns raw records into the table: the first non-blank record is the header, blank records are skipped,
 * short rows are padded and long rows cut, each reported once. Extra cells that are all empty (a trailing
 * delimiter) are dropped silently because they carry no data.
 */
export class TableBuilder {
  header: TableHeader | null = null;

  accept(record: RawRecord, rows: SourceRow[], issues: TableIssue[]): void {
    if (record.quoteProblem) issues.push({ code: record.quoteProblem, row: record.row, line: record.line });
    if (isBlankRecord(record.cells)) return;
    if (!this.header && isSepLine(record.cells)) return;
    if (!this.header) {
      const built = buildHeader(record);
      this.header = built.header;
      issues.push(...built.issues);
      return;
    }
    const width = this.header.headers.length;
    const cells = record.cells;
    const at = { row: record.row, line: record.line };
    if (cells.length < width) {
      issues.push({ code: 'missing_columns', expected: width, actual: cells.length, ...at });
      rows.push({ ...at, cells: [...cells, ...new Array<Cell>(width - cells.length).fill('')] });
      return;
    }
    if (cells.length > width) {
      const extra = cells.slice(width);
      if (!isBlankRecord(extra)) issues.push({ code: 'extra_columns', expected: width, actual: cells.length, extra, ...at });
      rows.push({ ...at, cells: cells.slice(0, width) });
      return;
    }
    rows.push({ ...at, cells });
  }
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
      return `Row ${issue.row} has ${issue.actual} columns but the header has ${issue.expected}; the extra values are ignored.`;
    case 'unterminated_quote':
      return `A quoted value starting on line ${issue.line} is never closed.`;
    case 'malformed_quote':
      return `A quoted value on line ${issue.line} has text after its closing quote.`;
  }
}
