import { AppError, ISSUE_MESSAGES, withParams, type Issue } from '../shared/contract';
import { cleanText } from '../shared/domain/clean-text';

/**
 * The database's own constraints, named in the schema, as the field and issue a user can act on. A length check
 * names its bounds (`text`): the refusal then says the text's length and how much to cut, as the contract's does.
 */
const CONSTRAINTS: Record<string, { path: string[]; key: string; text?: { min: number; max: number } }> = {
  customers_name_not_blank: { path: ['name'], key: 'required' },
  customers_type_valid: { path: ['type'], key: 'invalid_choice' },
  customers_country_iso: { path: ['country'], key: 'invalid_country' },
  customers_locality_valid: { path: ['locality'], key: 'invalid_choice' },
  customers_needs_valid: { path: ['needs'], key: 'invalid_choice' },
  customers_manual_level_valid: { path: ['manualLevel'], key: 'invalid_choice' },
  customers_tags_array: { path: ['tags'], key: 'invalid_value' },
  contact_kind_valid: { path: ['contacts', 'kind'], key: 'invalid_choice' },
  contact_value_not_blank: { path: ['contacts', 'value'], key: 'required' },
  contact_phone_e164: { path: ['contacts', 'value'], key: 'invalid_phone' },
  orders_date_valid: { path: ['orderDate'], key: 'invalid_date' },
  orders_amount_sign: { path: ['amount'], key: 'amount_negative' },
  orders_return_of_only_returns: { path: ['returnOfOrderId'], key: 'invalid_value' },
  orders_base_amount_sign: { path: ['amount'], key: 'invalid_amount' },
  orders_cost_pairs: { path: ['cost'], key: 'invalid_amount' },
  orders_cost_sign: { path: ['cost'], key: 'cost_negative' },
  orders_cost_safe_integer: { path: ['cost'], key: 'amount_too_large' },
  orders_unpaid_range: { path: ['paid'], key: 'paid_out_of_range' },
  orders_unpaid_safe_integer: { path: ['paid'], key: 'amount_too_large' },
  orders_payment_due_valid: { path: ['paymentDueDate'], key: 'invalid_date' },
  orders_number_not_blank: { path: ['orderNumber'], key: 'required' },
  // Raised by a trigger (migration 0033): a number stored without its comparison key, or a key without a number.
  orders_number_key_pairs: { path: ['orderNumber'], key: 'invalid_value' },
  order_lines_name_not_blank: { path: ['lines', 'name'], key: 'required' },
  order_lines_quantity_range: { path: ['lines', 'quantity'], key: 'quantity_out_of_range' },
  order_lines_unit_price_safe: { path: ['lines', 'unitPrice'], key: 'amount_negative' },
  order_lines_amount_safe: { path: ['lines', 'unitPrice'], key: 'amount_too_large' },
  order_lines_cost_safe: { path: ['lines', 'cost'], key: 'amount_too_large' },
  order_lines_position_non_negative: { path: ['lines'], key: 'invalid_value' },
  order_payments_amount_positive: { path: ['amount'], key: 'paid_out_of_range' },
  order_payments_paid_on_valid: { path: ['paidOn'], key: 'invalid_date' },
  products_name_not_blank: { path: ['name'], key: 'required' },
  products_last_price_safe: { path: ['lastUnitPrice'], key: 'amount_too_large' },
  products_last_sold_valid: { path: ['lastSoldOn'], key: 'invalid_date' },
  orders_currency_iso: { path: ['currency'], key: 'invalid_currency' },
  orders_base_currency_iso: { path: ['baseCurrency'], key: 'invalid_currency' },
  orders_fx_rate_positive: { path: ['fxRate'], key: 'invalid_rate' },
  orders_amount_safe_integer: { path: ['amount'], key: 'amount_too_large' },
  orders_base_amount_safe_integer: { path: ['amount'], key: 'amount_too_large' },
  orders_fx_rate_range: { path: ['fxRate'], key: 'rate_out_of_range' },
  customers_revenue_safe_integer: { path: ['amount'], key: 'customer_total_too_large' },
  follow_ups_channel_valid: { path: ['channel'], key: 'invalid_choice' },
  follow_ups_intent_valid: { path: ['intent'], key: 'invalid_choice' },
  follow_ups_satisfaction_range: { path: ['satisfaction'], key: 'satisfaction_range' },
  follow_ups_next_date_valid: { path: ['nextContactDate'], key: 'invalid_date' },
  follow_ups_next_time_valid: { path: ['nextContactTime'], key: 'invalid_time' },
  settings_reminder_time_valid: { path: ['reminderTime'], key: 'invalid_time' },
  settings_reminder_shown_valid: { path: ['date'], key: 'invalid_date' },
  follow_ups_occurred_at_valid: { path: ['occurredAt'], key: 'invalid_instant' },
  settings_home_country_iso: { path: ['homeCountry'], key: 'invalid_country' },
  settings_base_currency_iso: { path: ['baseCurrency'], key: 'invalid_currency' },
  settings_language_valid: { path: ['language'], key: 'invalid_choice' },
  settings_sources_array: { path: ['sources'], key: 'invalid_value' },
  settings_clv_discount_range: { path: ['clvDiscountPercent'], key: 'clv_discount_range' },
  settings_clv_horizon_range: { path: ['clvHorizonMonths'], key: 'clv_horizon_range' },
  fx_rates_currency_iso: { path: ['currency'], key: 'invalid_currency' },
  fx_rates_date_valid: { path: ['rateDate'], key: 'invalid_date' },
  fx_rates_rate_positive: { path: ['rate'], key: 'invalid_rate' },
  fx_rates_rate_range: { path: ['rate'], key: 'rate_out_of_range' },
  import_batches_kind_valid: { path: ['kind'], key: 'invalid_choice' },
  import_batches_format_valid: { path: ['format'], key: 'invalid_choice' },
  import_batches_on_error_valid: { path: ['onError'], key: 'invalid_choice' },
  import_batches_status_valid: { path: ['status'], key: 'invalid_choice' },
  import_batches_undone_consistent: { path: ['undoneAt'], key: 'invalid_value' },
  import_batches_counts_non_negative: { path: ['added'], key: 'invalid_value' },
  import_batch_changes_before_object: { path: ['before'], key: 'invalid_value' },
  import_batch_changes_after_object: { path: ['after'], key: 'invalid_value' },
  import_mappings_kind_valid: { path: ['kind'], key: 'invalid_choice' },
  import_mappings_mapping_object: { path: ['mapping'], key: 'invalid_value' },
  segment_assignments_as_of_valid: { path: ['asOf'], key: 'invalid_date' },
  segment_assignments_scheme_not_blank: { path: ['scheme'], key: 'required' },
  segment_assignments_class_not_blank: { path: ['classKey'], key: 'required' },
  segment_runs_as_of_valid: { path: ['asOf'], key: 'invalid_date' },
  customer_predictions_as_of_valid: { path: ['asOf'], key: 'invalid_date' },
  customer_predictions_p_alive_range: { path: ['pAlive'], key: 'invalid_value' },
  customer_predictions_expected_non_negative: { path: ['expectedPurchases'], key: 'invalid_value' },
  customer_predictions_money_non_negative: { path: ['clvMinor'], key: 'invalid_value' },
  customer_predictions_score_range: { path: ['score'], key: 'invalid_value' },
  customer_predictions_purchases_positive: { path: ['purchases'], key: 'invalid_value' },
  prediction_runs_as_of_valid: { path: ['asOf'], key: 'invalid_date' },
  segment_runs_customer_count_non_negative: { path: ['customerCount'], key: 'invalid_value' },
  segmentation_settings_single_row: { path: [], key: 'invalid_value' },
  segment_latest_single_row: { path: [], key: 'invalid_value' },
  // The claim of a snapshot writing rows ahead: written only by db/repos/segment-rows-ahead.ts.
  segment_pending_single_row: { path: [], key: 'invalid_value' },
  segment_pending_as_of_valid: { path: ['asOf'], key: 'invalid_date' },
  segment_pending_schemes_array: { path: [], key: 'invalid_value' },
  // Bulk mode's flag: written only by db/repos/bulk-write.ts inside an import's transaction.
  bulk_write_single_row: { path: [], key: 'invalid_value' },
  bulk_write_active_flag: { path: [], key: 'invalid_value' },
  // Team sync's own bookkeeping: written only by core/sync, never from a form.
  sync_state_single_row: { path: [], key: 'invalid_value' },
  sync_state_enqueue_flag: { path: [], key: 'invalid_value' },
  segmentation_settings_overrides_object: { path: ['config'], key: 'invalid_value' },
  custom_segments_name_not_blank: { path: ['name'], key: 'required' },
  custom_segments_rule_object: { path: ['rule'], key: 'invalid_value' },
  service_policies_scheme_not_blank: { path: ['scheme'], key: 'required' },
  service_policies_class_not_blank: { path: ['classKey'], key: 'required' },
  service_policies_cadence_range: { path: ['cadenceDays'], key: 'invalid_value' },
  service_policies_priority_range: { path: ['priority'], key: 'invalid_value' },
  service_policies_responsible_length: { path: ['responsible'], key: 'text_length_range', text: { min: 1, max: 100 } },
  customer_merges_status_valid: { path: ['status'], key: 'invalid_choice' },
  customer_merges_undone_consistent: { path: ['undoneAt'], key: 'invalid_value' },
  customer_merges_kept_before_object: { path: ['keptBefore'], key: 'invalid_value' },
  customer_merges_kept_after_object: { path: ['keptAfter'], key: 'invalid_value' },
  customer_merge_rows_table_valid: { path: ['rowTable'], key: 'invalid_choice' },
  // The team's record of merges: written only by merging and by core/sync, never from a form.
  customer_merge_moves_table_valid: { path: ['rowTable'], key: 'invalid_choice' },
  customer_merge_moves_customer_is_from: { path: ['rowId'], key: 'invalid_value' },
};

/** The SQLite error behind `error`: drizzle wraps a failing query's error in its own, with the original as `cause`. */
function sqliteCause(error: unknown): unknown {
  let current = error;
  for (let hops = 0; hops < 5 && current instanceof Error; hops++) {
    if ('code' in current && typeof current.code === 'string' && current.code.startsWith('SQLITE_')) return current;
    current = current.cause;
  }
  return error;
}

/**
 * A length check's refusal: SQLite names only the constraint, so the text is looked for in the call's input (as
 * stored: cleaned, counted in code points as SQLite's length() counts). One past the limit is said with its length
 * and how much to cut, at its own path; otherwise (not in the input, or too short) the bounds are said.
 */
function textLengthIssue(field: string, text: { min: number; max: number }, path: string[], input: unknown): Issue {
  const found: { path: (string | number)[]; length: number }[] = [];
  const walk = (value: unknown, at: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === field && typeof v === 'string') found.push({ path: [...at, key], length: [...cleanText(v)].length });
        else walk(v, [...at, key]);
      }
    }
  };
  walk(input, []);
  const over = found.find((f) => f.length > text.max);
  if (over) return { path: over.path, key: 'text_too_long', params: { length: over.length, max: text.max, over: over.length - text.max } };
  return { path, key: 'text_length_range', params: { min: text.min, max: text.max } };
}

/** `input`, the call's (as dispatch got it), lets a length check say the refused text's length. */
export function constraintError(thrown: unknown, input?: unknown): AppError | null {
  const error = sqliteCause(thrown);
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('SQLITE_CONSTRAINT')) return null;
  const name = /CHECK constraint failed: (\w+)/.exec(error.message)?.[1];
  const known = name ? CONSTRAINTS[name] : undefined;
  // Said as a refused input is ("amount is too large"), the constraint named after it for whoever traces it.
  if (known) {
    const issue: Issue = known.text ? textLengthIssue(known.path.at(-1)!, known.text, known.path, input) : { path: known.path, key: known.key };
    const words = withParams(ISSUE_MESSAGES[issue.key] ?? ISSUE_MESSAGES.invalid_value!, issue.params);
    return new AppError('constraint', `Rejected by the database: ${issue.path.join('.') || 'the record'} ${words} (${name})`, [issue]);
  }
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('constraint', 'Rejected by the database: it refers to a record that does not exist', [{ path: [], key: 'invalid_value' }]);
  // The live-order-number index: a caller that skipped the handler's own check (an import) still gets the field. The
  // error does not say which order holds the number, so the refusal cannot name it (the handlers' own check does).
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' && /orders\.order_number_key\b/.test(error.message)) {
    return new AppError('constraint', `Rejected by the database: orderNumber ${ISSUE_MESSAGES.order_number_in_use} (orders_number_key_live)`, [{ path: ['orderNumber'], key: 'order_number_in_use' }]);
  }
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('conflict', `Rejected by the database: an identical record already exists (${error.message})`);
  return new AppError('constraint', `Rejected by the database: ${error.message}`);
}

/**
 * Another connection holds the write lock past our wait (an import worker's transaction, a CLI run, the app):
 * the call wrote nothing and can simply be repeated, so the user is told that instead of `internal` or SQLite's
 * "database is locked". The issue carries the text the renderer translates; the code alone would say "an import",
 * which the other process need not be.
 */
export function busyError(thrown: unknown): AppError | null {
  const error = sqliteCause(thrown);
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('SQLITE_BUSY')) return null;
  return new AppError('busy', 'Another TierBook process (an import, the app or a command) is writing to this file; nothing was changed. Try again when it finishes.', [
    { path: [], key: 'database_busy' },
  ]);
}

export const KNOWN_CONSTRAINTS = Object.keys(CONSTRAINTS);

/**
 * The disk (or the folder's quota) filled up while writing: SQLite's SQLITE_FULL, which rolls the transaction back,
 * or a file write's ENOSPC (a backup's copy, whose half-written file is removed). Said as such, never as SQLite's
 * "database or disk is full" under an unexpected-error title, so the user knows to free space, not to report a fault.
 */
export function diskFullError(thrown: unknown): AppError | null {
  let current = thrown;
  for (let hops = 0; hops < 5 && current instanceof Error; hops++) {
    const code = 'code' in current ? current.code : undefined;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
      return new AppError('internal', 'The disk is full: nothing was changed. Free some space on the disk and try again.', [{ path: [], key: 'disk_full' }]);
    }
    current = current.cause;
  }
  return null;
}

/**
 * A page of the database file no longer reads as SQLite wrote it (SQLITE_CORRUPT: a disk fault, a page written over
 * by something else). The call failed and its transaction rolled back; said as damage with the way back (a backup
 * from before it), never as SQLite's "database disk image is malformed" under an unexpected-error title.
 */
export function damagedError(thrown: unknown): AppError | null {
  const error = sqliteCause(thrown);
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('SQLITE_CORRUPT')) return null;
  return databaseDamaged(`The database file is damaged (${error.message}): nothing was changed.`);
}

/** The damage refusal, `opening` saying what happened; the way back is the same wherever it was met. */
export const databaseDamaged = (opening: string) =>
  new AppError('internal', `${opening} Restore a backup from before the damage (Settings → Backup and restore, or tierbook restore); the damaged data is kept as a backup first.`, [
    { path: [], key: 'database_damaged' },
  ]);
