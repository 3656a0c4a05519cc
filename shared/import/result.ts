/**
 * What a value parser returns. Reasons are stable codes the UI translates (see validate-rows.ts for
 * the English text); they are shared by all parsers so one row error shape covers every column.
 */
export const VALUE_REASONS = [
  'required',
  'invalid_date',
  'ambiguous_date',
  'invalid_time',
  'invalid_amount',
  'ambiguous_amount',
  'too_many_decimals',
  'amount_too_large',
  'negative_amount',
  'unknown_currency',
  'currency_conflict',
  'invalid_rate',
  'invalid_phone',
  'invalid_email',
  'invalid_country',
  'invalid_choice',
  'satisfaction_range',
  'too_long',
  'missing_customer_key',
  'invalid_quantity',
  'paid_out_of_range',
  'invalid_yes_no',
  'occurred_in_future',
  'next_contact_before_follow_up',
  'next_contact_time_without_date',
  'local_time_skipped',
  'due_before_order',
  'phone_scientific',
  'id_scientific',
  'extra_values',
  'malformed_quote',
  'malformed_quote_lines',
  'sheet_error',
  'formula_without_value',
  'garbled_text',
  'value_without_header',
  'percent_not_amount',
  'phone_extension',
  'time_without_date',
] as const;
export type ValueReason = (typeof VALUE_REASONS)[number];

/**
 * What a reason's text fills in, as plain strings: invalid_choice's `allowed` (English) and `allowedZh`
 * (Chinese) list the values a refused cell may take, so the row error says what to write instead.
 */
export type ReasonParams = Readonly<Record<string, string>>;

export type ValueResult<T> = { ok: true; value: T } | { ok: false; reason: ValueReason; params?: ReasonParams };

export const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
// Without params the failure keeps its old shape, { ok, reason }, for every reason that has none.
export const fail = <T = never>(reason: ValueReason, params?: ReasonParams): ValueResult<T> => (params ? { ok: false, reason, params } : { ok: false, reason });

/** Text of a cell for parsers that work on text: numbers as JavaScript prints them, trimmed. */
export function cellText(cell: string | number | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}
