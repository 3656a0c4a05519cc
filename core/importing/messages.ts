import type { ValueReason } from '../../shared/import/result';
import { describeReason } from '../../shared/import/row-cursor';
import { isBlankCell, type SourceRow } from '../../shared/import/table';
import type { RowOutcome } from './row-writer';
import type { ImportReason, ImportRowError } from './types';

type Params = Readonly<Record<string, string>>;

/**
 * What to do about an order already recorded, said after naming it, by where that order came from (order-holder.ts
 * holderOrigin, sent as the params' `context`): only an earlier import has an import to undo.
 */
const ONCE: Record<string, string> = {
  import: 'import each order once; undo the earlier import to import it again',
  app: 'that order was entered in the app: if this row is that order, it is recorded already; if it is another order, give it a number of its own in the file',
  file: 'an earlier row of this file: write each order once; if this is another order, give it a number of its own',
};
const onceFor = (p: Params) => ONCE[p.context ?? 'import'] ?? ONCE.import!;
/** The same, of a follow-up already recorded (follow-up-holder.ts). */
const FOLLOW_UP_ONCE: Record<string, string> = {
  import: 'import each follow-up once; undo the earlier import to import it again',
  app: 'it was entered in the app: there is nothing to import',
  file: 'an earlier row of this file is the same follow-up: write each follow-up once',
};

/**
 * English for the reasons only writing finds. Complete by type, so a reason added to ImportReason cannot
 * reach the CLI and the rejects file as its bare code; the writer also meets value reasons (an order's base
 * amount over the safe range is amount_too_large), and those take the parsers' own text.
 */
const TEXT: Record<Exclude<ImportReason, ValueReason>, string | ((params: Params) => string)> = {
  unknown_customer: 'no customer with this key exists (import with --create-customers, or "create unknown customers" in the app, or import the customers first)',
  customer_record_id_elsewhere:
    'is no customer here, and the customer the other columns find is not this one: an earlier row of this file gives that customer another record ID (import with --create-customers, or "create unknown customers" in the app, to add this one)',
  ambiguous_customer: 'several customers share this value, so it does not say which one is meant; link by another column (customer code, phone, or name with company), or merge the duplicate customers first',
  no_fx_rate: 'has no exchange rate to the base currency on or before the order date; add an FX rate column, or the rate under FX rates in the app',
  customer_total_too_large: "would bring the customer's total past the largest sum that can be counted exactly (about 90 trillion in a currency with cents)",
  invalid_wechat: 'is not a valid WeChat ID',
  order_lines_disagree: 'differs from the earlier rows of the same order (its order number, or its order record ID when it has no number): the rows of one order must name the same customer, date and currency',
  // Named as the order form names the order holding a number (core/handlers/orders.ts).
  order_number_taken: (p) => `is already used by the order of ${p.customer} dated ${p.date} (entered there as ${p.number}): ${onceFor(p)}`,
  order_already_recorded: (p) => `is the order of ${p.customer} dated ${p.date}, already recorded (its record ID; ${onceFor(p)})`,
  followup_already_recorded: (p) => `is the follow-up with ${p.customer} on ${p.date}, already recorded (its record ID; ${FOLLOW_UP_ONCE[p.context ?? 'import'] ?? FOLLOW_UP_ONCE.import})`,
};

function textOf(reason: ImportReason, params: Params = {}): string {
  if (!(reason in TEXT)) return describeReason(reason as ValueReason);
  const text = TEXT[reason as keyof typeof TEXT];
  return typeof text === 'string' ? text : text(params);
}

export function describeOutcomeError(row: SourceRow, outcome: Extract<RowOutcome, { kind: 'error' }>, columnOf: Map<string, number>, headers: string[]): ImportRowError {
  const field = outcome.field;
  // A missing FX rate is about the currency; without a currency column, or with its cell blank in this row
  // ("US$ 100" in the amount), the amount carries it, and pointing at an empty cell would name neither.
  const currencyColumn = columnOf.get('currency');
  const currencyBlank = currencyColumn === undefined || isBlankCell(row.cells[currencyColumn]);
  const mappedField = field === 'currency' && currencyBlank ? 'amount' : field;
  const column = mappedField ? (columnOf.get(mappedField) ?? null) : null;
  const header = column === null ? null : (headers[column] ?? null);
  const value = column === null ? '' : String(row.cells[column] ?? '');
  const where = header ? `column "${header}"${value ? ` "${value}"` : ''}` : 'the row';
  return {
    row: row.row, line: row.line, column, header, field, value, reason: outcome.reason,
    ...(outcome.params ? { params: outcome.params } : {}),
    message: `Row ${row.row}, ${where}: ${textOf(outcome.reason, outcome.params)}.`,
  };
}
