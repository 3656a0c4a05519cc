import { DATE_FIELDS, LINE_MODE_FIELDS, MONEY_FIELDS, type ImportKind } from './fields';
import type { ColumnMapping } from './header-map';
import { inferDecimalSeparator, type DecimalSeparator } from './parse-amount';
import { dateOrderEvidence, inferDateOrder, type DateOrder, type DateOrderEvidence } from './parse-date';
import { RowCursor, type RowError } from './row-cursor';
import { orderRecord, type OrderRecord } from './order-record';
import { customerRecord, followUpRecord, type CustomerRecord, type FollowUpRecord, type RowContext } from './row-records';
import { columnLetter, isBlankCell, type SourceRow } from './table';

export type { RowError } from './row-cursor';
export type { CustomerKey, CustomerRecord, FollowUpRecord } from './row-records';
export type { OrderLineRecord, OrderRecord } from './order-record';

export type RecordOf<K extends ImportKind> = K extends 'customers' ? CustomerRecord : K extends 'orders' ? OrderRecord : FollowUpRecord;

export interface ValidateOptions {
  /** ISO 3166 alpha-2; numbers without a country code are read as this country's. */
  homeCountry: string;
  /** ISO 4217; for amounts that name no currency (after the amount header's own currency). */
  defaultCurrency: string;
  /** The amount header's currency ("金额（美元）"), from HeaderMapping.currencyHint. */
  currencyHint?: string | null;
  /** Day/month order of slashed dates; omitted → inferred per column from the rows. */
  dateOrder?: DateOrder;
  /** Decimal separator of amounts; omitted → inferred from the amount column. */
  decimal?: DecimalSeparator;
  /** The workbook counts serial dates from 1904 (old Mac Excel). */
  date1904?: boolean;
  /** The business's local date (YYYY-MM-DD): a follow-up dated later is refused. Omitted: no date is too late. */
  today?: string;
}

export interface ValidatedRecord<R> {
  row: number;
  line: number;
  record: R;
}

export interface Validation<R> {
  records: ValidatedRecord<R>[];
  errors: RowError[];
  /** What was inferred from the columns, for the UI to show and let the user override. */
  inferred: {
    dateOrder: Record<string, DateOrder>;
    decimal: DecimalSeparator | 'ambiguous' | null;
    /** By date field: the row that settled an inferred day/month order which changed how other dates read; the column's header. */
    dateEvidence: Record<string, DateOrderEvidence & { header: string }>;
  };
}

export interface RowValidator<K extends ImportKind> {
  validate(row: SourceRow): { record: RecordOf<K>; errors: [] } | { record: null; errors: RowError[] };
  inferred: Validation<unknown>['inferred'];
}

const BUILDERS = { customers: customerRecord, orders: orderRecord, followups: followUpRecord } as const;

/**
 * Prepares validation of rows of one file. Date order and decimal separator are read off `samples`
 * (the whole table, or the first batch of a stream) unless the caller fixed them, so a column of
 * 13/3/2024 … settles 3/5/2024 for every row, including rows in later batches.
 */
export function createRowValidator<K extends ImportKind>(
  kind: K,
  headers: readonly string[],
  mapping: ColumnMapping<K>,
  options: ValidateOptions,
  samples: readonly SourceRow[] = [],
): RowValidator<K> {
  const columnsOf = new Map<string, number[]>();
  mapping.forEach((field, column) => {
    if (field) columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  });
  const valuesOf = (field: string) => (columnsOf.get(field) ?? []).flatMap((c) => samples.map((r) => r.cells[c] ?? '').filter((v) => !isBlankCell(v)));

  const dateOrder: Record<string, DateOrder> = {};
  const dateEvidence: Validation<unknown>['inferred']['dateEvidence'] = {};
  for (const field of DATE_FIELDS[kind]) {
    if (!columnsOf.has(field)) continue;
    dateOrder[field] = options.dateOrder ?? inferDateOrder(valuesOf(field));
    if (options.dateOrder) continue;
    // Inferred silently, a 13/12 in one row decides how every 07/12 of the column reads: the row is named.
    const columns = columnsOf.get(field)!;
    const evidence = dateOrderEvidence(columns.flatMap((c) => samples.map((r) => ({ row: r.row, cell: r.cells[c] ?? '' }))), dateOrder[field]);
    if (evidence) dateEvidence[field] = { ...evidence, header: headers[columns[0]!] ?? field };
  }
  const moneyField = columnsOf.has('amount') ? 'amount' : columnsOf.has('unitPrice') ? 'unitPrice' : null;
  const decimal = moneyField ? (options.decimal ?? inferDecimalSeparator(valuesOf(moneyField))) : null;

  const ctx: RowContext = {
    homeCountry: options.homeCountry,
    defaultCurrency: options.currencyHint ?? options.defaultCurrency,
    date1904: options.date1904 ?? false,
    dateOrder,
    decimal: decimal === '.' || decimal === ',' ? decimal : undefined,
    lines: kind === 'orders' && LINE_MODE_FIELDS.some((f) => columnsOf.has(f)),
    today: options.today ?? null,
  };
  const build = BUILDERS[kind] as (cursor: RowCursor, ctx: RowContext) => RecordOf<K> | null;
  return {
    inferred: { dateOrder, decimal, dateEvidence },
    validate(source) {
      const row = percentsAsShown(source, mapping);
      const cursor = new RowCursor(row, headers, columnsOf);
      // Past the header's last column: the row's values may have shifted, so none of them is taken.
      if (row.extraCells) cursor.fail(null, 'extra_values', null, row.extraCells.map(String).join(' | '));
      // A workbook value under no header (the currency "USD" right of the amount): refused, naming its column letter.
      if (row.headerlessCells) {
        for (const { column, cell } of row.headerlessCells) cursor.fail(null, 'value_without_header', null, cell, { column: columnLetter(column), value: String(cell) });
        return { record: null, errors: cursor.errors };
      }
      // A stray quote ran values together: what each column holds is a guess, so nothing of the row is taken.
      if (row.malformedQuoteColumn !== undefined) {
        const column = row.malformedQuoteColumn;
        const cell = row.cells[column] ?? '';
        // Run on past the line's end, the quote took the next lines into this cell: their rows are in this one.
        cursor.fail(mapping[column] ?? null, /[\r\n]/.test(String(cell)) ? 'malformed_quote_lines' : 'malformed_quote', column, cell);
        return { record: null, errors: cursor.errors };
      }
      // A workbook cell with no value of its own (#N/A, a formula never calculated) in a column this import reads:
      // taking its text, or nothing, would store a wrong value without a word.
      // Read in the wrong encoding, every name of the row would be stored as nonsense without an error.
      if (row.garbledAs) {
        cursor.fail(null, 'garbled_text', null, row.cells.find((c) => typeof c === 'string' && /[^\x00-\x7f]/.test(c)) ?? '', { encoding: row.garbledAs });
        return { record: null, errors: cursor.errors };
      }
      const unread = (row.unreadCells ?? []).filter((u) => mapping[u.column]);
      for (const u of unread) cursor.fail(mapping[u.column] ?? null, u.reason, u.column, row.cells[u.column] ?? '');
      if (unread.length > 0) return { record: null, errors: cursor.errors };
      const record = build(cursor, ctx);
      return record && cursor.errors.length === 0 ? { record, errors: [] } : { record: null, errors: cursor.errors };
    },
  };
}

/**
 * A workbook's number shown as a percentage, in a money column, as the sheet shows it: 0.12 formatted 0% is "12%",
 * which the amount parser refuses as a percentage, as it refuses the typed text, and names in the row's error. Other
 * columns keep the number, since none of them takes a percentage for money.
 */
function percentsAsShown<K extends ImportKind>(row: SourceRow, mapping: ColumnMapping<K>): SourceRow {
  const money = row.percentCells?.filter((column) => MONEY_FIELDS.includes(mapping[column] ?? '') && typeof row.cells[column] === 'number');
  if (!money?.length) return row;
  const cells = [...row.cells];
  // 15 significant digits, as Excel keeps: 0.07 × 100 is 7.000000000000001 in binary.
  for (const column of money) cells[column] = `${Number(((cells[column] as number) * 100).toPrecision(15))}%`;
  return { ...row, cells };
}

/** Validates a whole table: typed records for good rows, every problem of the bad ones. */
export function validateRows<K extends ImportKind>(kind: K, headers: readonly string[], rows: readonly SourceRow[], mapping: ColumnMapping<K>, options: ValidateOptions): Validation<RecordOf<K>> {
  const validator = createRowValidator(kind, headers, mapping, options, rows);
  const records: ValidatedRecord<RecordOf<K>>[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const result = validator.validate(row);
    if (result.record) records.push({ row: row.row, line: row.line, record: result.record });
    else errors.push(...result.errors);
  }
  return { records, errors, inferred: validator.inferred };
}
