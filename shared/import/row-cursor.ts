import type { ReasonParams, ValueReason, ValueResult } from './result';
import { isBlankCell, type Cell, type SourceRow } from './table';

export interface RowError {
  row: number;
  line: number;
  /** Column index in the file; null when the problem is a field no column provides. */
  column: number | null;
  header: string | null;
  field: string | null;
  value: string;
  reason: ValueReason;
  /** What the reason's text fills in (invalid_choice: the allowed values); absent for most reasons. */
  params?: ReasonParams;
  /** English, for logs and the CLI; the UI translates `reason`, filled in with `params`. */
  message: string;
}

const REASON_TEXT: Record<ValueReason, string> = {
  required: 'is required',
  invalid_date: 'is not a date',
  ambiguous_date: 'could be day/month or month/day; choose the date order (CLI: --date-order dmy|mdy|ymd)',
  invalid_time: 'is not a valid time (a time of day is written like 14:30 or 2:30 pm)',
  invalid_amount: 'is not an amount',
  ambiguous_amount: 'could be a thousand or a decimal; choose the decimal separator (CLI: --decimal . or --decimal ,)',
  too_many_decimals: 'has more decimals than the currency allows',
  amount_too_large: 'is too large',
  negative_amount: 'is negative; an order cannot be (0 is allowed: a free order); mark a return in a Return (退货) column or give the line a negative quantity',
  unknown_currency: 'names an unknown currency',
  currency_conflict: "names a different currency than the row's currency column",
  invalid_rate: 'is not a positive exchange rate',
  invalid_phone: 'is not a valid phone number',
  invalid_email: 'is not a valid email address',
  invalid_country: 'is not a known country',
  invalid_choice: 'is not one of the allowed choices',
  satisfaction_range: 'must be a whole number from 1 to 5',
  too_long: 'is too long',
  missing_customer_key: 'no customer code, name, phone or company to find the customer by',
  invalid_quantity: 'is not a quantity (a number other than 0; negative for a returned line)',
  paid_out_of_range: 'is more than the order amount, or negative',
  invalid_yes_no: 'is not yes or no (是/否, Y/N, 1/0)',
  extra_values: 'has more values than the header has columns, so they do not line up: a value holding the delimiter unquoted, as 1,234.50 in a comma-separated file? Quote it ("1,234.50") or drop the separator',
  malformed_quote: 'has a quote inside it that ends no value, so the values around it may have run together; a quoted value must close right before the next delimiter, and a quote inside one is written twice ("")',
  malformed_quote_lines: 'has a quote inside it that ends no value and runs on over the next lines, which were read into this cell: their rows are refused with this one; a quoted value must close right before the next delimiter, and a quote inside one is written twice ("")',
  phone_scientific: 'is a phone number Excel wrote in scientific notation, its last digits lost; format the column as Text in Excel and save the file again',
  id_scientific: 'is a long number a spreadsheet wrote in scientific notation (or past 15 digits), its last digits lost; format the column as Text in Excel, type or paste the values again, and save',
  occurred_in_future: 'is later than today: a follow-up records a contact that happened (a planned one is a next-contact date)',
  next_contact_before_follow_up: "is before the follow-up's own day: the reminder would be overdue the moment it is saved",
  next_contact_time_without_date: 'is a next-contact time without a next-contact date: give the day too, or leave the time blank',
  local_time_skipped: 'is a time the clocks skip on this computer (they go forward then): give the time the clock showed after the change, or the time with its offset',
  due_before_order: "is before the order's own date: the sale would be overdue the moment it is saved",
  sheet_error: 'is an error value of the spreadsheet (a formula that failed, as a lookup that found nothing), not a value; correct the formula or clear the cell, and save',
  phone_extension: 'has an extension ({{extension}}): phone numbers are kept without one, so they can be matched and searched; give the number alone and keep the extension in a notes column',
  percent_not_amount: 'is a percentage, not an amount of money: is a discount or rate column mapped to the amount? Map the column holding the money, or write the amount itself',
  time_without_date: 'is only a time of day ({{time}}), with no date: a spreadsheet cell formatted as a time shows as the date 1899-12-30 with that time; give the date, as 2026-12-07, or the date with its time',
  value_without_header: 'column {{column}} holds "{{value}}", right of the last column with a header: nothing says what it is (a currency beside an amount whose header was merged over both?), and leaving it out could change what the row means; give the column a header (such as Currency) or clear it, and save',
  garbled_text: 'reads as garbled text in the encoding {{encoding}}: the file is probably in another one, and its names would be stored as nonsense; choose the encoding (CLI: --encoding shift_jis, euc-jp, euc-kr, big5, gb18030, utf-8 or windows-1252) and import again',
  formula_without_value: 'is a formula whose result the file does not hold (the program that wrote it never calculated it); open the file in Excel or WPS and save it, or paste the column as values',
};

export function describeReason(reason: ValueReason, params?: ReasonParams): string {
  // A refused choice names what the column takes, so the file can be mended without the docs.
  if (params?.allowed) return `${REASON_TEXT[reason]} (${params.allowed})`;
  // A garbled row names the encoding it was read in; a value without a header, its column and the value.
  if (params && REASON_TEXT[reason].includes('{{')) return REASON_TEXT[reason].replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key] ?? '');
  // A skipped time names the time Date would have made of it, an hour (or half an hour) on.
  return params?.moved ? `${REASON_TEXT[reason]} (${params.moved} after the change)` : REASON_TEXT[reason];
}

/**
 * One row seen through the column mapping: fetch a field's cells, parse them, and collect every
 * problem instead of stopping at the first, so the user can fix a file in one pass.
 */
export class RowCursor {
  readonly errors: RowError[] = [];

  constructor(
    private readonly source: SourceRow,
    private readonly headers: readonly string[],
    private readonly columnsOf: ReadonlyMap<string, number[]>,
  ) {}

  get row(): number {
    return this.source.row;
  }

  get line(): number {
    return this.source.line;
  }

  /** The first column mapped to the field, for errors about a blank or derived value. */
  columnOf(field: string): number | null {
    return this.columnsOf.get(field)?.[0] ?? null;
  }

  /** The field's non-blank cells, in column order (several for multi-column fields). */
  cells(field: string): Array<{ column: number; cell: Cell }> {
    const columns = this.columnsOf.get(field) ?? [];
    return columns.map((column) => ({ column, cell: this.source.cells[column] ?? '' })).filter((c) => !isBlankCell(c.cell));
  }

  /**
   * The column of the field's first non-blank cell, -1 when there is none: what cells(field)[0] says, without the
   * arrays it builds, which a million-row file paid for several times a row.
   */
  firstColumn(field: string): number {
    const columns = this.columnsOf.get(field);
    if (columns === undefined) return -1;
    for (const column of columns) if (!isBlankCell(this.source.cells[column] ?? '')) return column;
    return -1;
  }

  has(field: string): boolean {
    return this.firstColumn(field) !== -1;
  }

  /**
   * Parses the field's first non-blank cell; blank gives null, a bad value records an error and gives null.
   * `arg` is handed to `parse` with the cell, so a parser that needs options is passed as it is rather than wrapped
   * in a closure made anew for every row.
   */
  take<T>(field: string, parse: (cell: Cell) => ValueResult<T>): T | null;
  take<T, A>(field: string, parse: (cell: Cell, arg: A) => ValueResult<T>, arg: A): T | null;
  take<T, A>(field: string, parse: (cell: Cell, arg?: A) => ValueResult<T>, arg?: A): T | null {
    const column = this.firstColumn(field);
    if (column === -1) return null;
    const cell = this.source.cells[column] ?? '';
    const result = parse(cell, arg);
    if (result.ok) return result.value;
    this.fail(field, result.reason, column, cell, result.params);
    return null;
  }

  /** Parses every non-blank cell of a multi-column field; `arg` as for take. */
  takeAll<T>(field: string, parse: (cell: Cell) => ValueResult<T>): T[];
  takeAll<T, A>(field: string, parse: (cell: Cell, arg: A) => ValueResult<T>, arg: A): T[];
  takeAll<T, A>(field: string, parse: (cell: Cell, arg?: A) => ValueResult<T>, arg?: A): T[] {
    const out: T[] = [];
    for (const column of this.columnsOf.get(field) ?? []) {
      const cell = this.source.cells[column] ?? '';
      if (isBlankCell(cell)) continue;
      const result = parse(cell, arg);
      if (result.ok) out.push(result.value);
      else this.fail(field, result.reason, column, cell, result.params);
    }
    return out;
  }

  /** Like take, but a blank or unmapped field is itself an error. */
  require<T>(field: string, parse: (cell: Cell) => ValueResult<T>): T | null;
  require<T, A>(field: string, parse: (cell: Cell, arg: A) => ValueResult<T>, arg: A): T | null;
  require<T, A>(field: string, parse: (cell: Cell, arg: A) => ValueResult<T>, arg?: A): T | null {
    if (!this.has(field)) {
      this.fail(field, 'required', this.columnOf(field), '');
      return null;
    }
    return this.take(field, parse, arg as A);
  }

  fail(field: string | null, reason: ValueReason, column: number | null, cell: Cell, params?: ReasonParams): void {
    const header = column === null ? null : (this.headers[column] ?? null);
    const value = String(cell);
    const where = header !== null ? `column "${header}"` : field !== null ? `field ${field}` : 'the row';
    const shown = value === '' ? '' : ` "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
    this.errors.push({
      row: this.source.row,
      line: this.source.line,
      column,
      header,
      field,
      value,
      reason,
      ...(params ? { params } : {}),
      message: header === null && field === null ? `Row ${this.source.row}: ${describeReason(reason, params)}.` : `Row ${this.source.row}, ${where}:${shown} ${describeReason(reason, params)}.`,
    });
  }
}
