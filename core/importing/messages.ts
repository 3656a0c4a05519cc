import type { SourceRow } from '../../shared/import/table';
import type { RowOutcome } from './row-writer';
import type { ImportReason, ImportRowError } from './types';

/** English for the reasons found while writing (the value parsers' reasons come with their own text). */
const TEXT: Partial<Record<ImportReason, string>> = {
  unknown_customer: 'no customer with this key exists (import with --create-customers, or "create unknown customers" in the app, or import the customers first)',
  ambiguous_customer: 'several customers share this value, so it does not say which one is meant; link by another column (customer code, phone, or name with company), or merge the duplicate customers first',
  no_fx_rate: 'has no exchange rate to the base currency on or before the order date; add an FX rate column, or the rate under FX rates in the app',
  missing_customer_key: 'no customer code, name, phone or company to find the customer by',
  invalid_phone: 'is not a valid phone number',
  invalid_email: 'is not a valid email address',
  invalid_wechat: 'is not a valid WeChat ID',
  order_lines_disagree: 'differs from the earlier rows of the same order number (the rows of one order must name the same customer, date and currency)',
  order_number_taken: 'is the number of an order already recorded (import each order once; undo the earlier import to import it again)',
};

export function describeOutcomeError(row: SourceRow, outcome: Extract<RowOutcome, { kind: 'error' }>, columnOf: Map<string, number>, headers: string[]): ImportRowError {
  const field = outcome.field;
  // A missing FX rate is about the currency; without a currency column, the amount carries it.
  const mappedField = field === 'currency' && !columnOf.has('currency') ? 'amount' : field;
  const column = mappedField ? (columnOf.get(mappedField) ?? null) : null;
  const header = column === null ? null : (headers[column] ?? null);
  const value = column === null ? '' : String(row.cells[column] ?? '');
  const where = header ? `column "${header}"${value ? ` "${value}"` : ''}` : 'the row';
  return { row: row.row, line: row.line, column, header, field, value, reason: outcome.reason, message: `Row ${row.row}, ${where}: ${TEXT[outcome.reason] ?? outcome.reason}.` };
}
