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
  'phone_scientific',
  'extra_values',
] as const;
export type ValueReason = (typeof VALUE_REASONS)[number];

export type ValueResult<T> = { ok: true; value: T } | { ok: false; reason: ValueReason };

export const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
export const fail = <T = never>(reason: ValueReason): ValueResult<T> => ({ ok: false, reason });

/** Text of a cell for parsers that work on text: numbers as JavaScript prints them, trimmed. */
export function cellText(cell: string | number | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}
