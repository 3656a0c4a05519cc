import { z } from 'zod';

/**
 * Every failure crosses a transport as `{ code, message, issues }`. `message` is English (the CLI prints
 * it); the renderer translates `issues[].key` (and `code`) into the user's language.
 */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'constraint', 'unknown_channel', 'db_too_new', 'busy', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type AppErrorBody = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

/** English texts of issue keys; the renderer has its own translations of the same keys (a test keeps them in step). */
export const ISSUE_MESSAGES: Record<string, string> = {
  required: 'is required',
  invalid_value: 'is not valid',
  number_too_big: 'must be at most {{max}}',
  number_too_small: 'must be at least {{min}}',
  number_below: 'must be less than {{max}}',
  number_above: 'must be more than {{min}}',
  invalid_thresholds: 'must go down from the top tier (platinum ≥ gold ≥ iron, high ≥ medium)',
  invalid_shares: 'add up to more than 100%',
  partition_segment_unusable: 'must name a saved custom segment that reads only the customer\'s own data (no tier scheme)',
  invalid_choice: 'is not one of the allowed values',
  record_not_found: 'names no {{kind}} that exists (id {{id}})',
  invalid_scheme: 'must be one of {{choices}}, or custom:ID for a custom segment',
  unknown_class: 'is not a class of this scheme: one of {{choices}}',
  unknown_group: 'is not a group of the partition: one of {{choices}}',
  unknown_setting: 'is not a setting here: one of {{choices}}',
  unknown_rule_field: 'names the field "{{field}}", which a condition cannot use: one of {{choices}}',
  unknown_rule_metric: 'names the figure "{{metric}}", which a condition cannot use: one of {{choices}}',
  scheme_not_grouped: 'cannot be given: this scheme is not ranked within groups (see the partition in the tier settings)',
  invalid_date: 'must be a date like 2026-03-05',
  invalid_instant: 'must be a date and time',
  invalid_time: 'must be a time like 09:30 (24-hour)',
  time_without_date: 'needs a next-contact date',
  next_contact_before_follow_up: 'must not be before the day of the follow-up ({{date}}): the reminder would be overdue at once',
  occurred_in_future: 'is a day after today: a follow-up records a contact that happened (a planned one is a next-contact date)',
  // A time the clocks skip when they go forward: Date would store the same minute of the old offset, an hour off.
  local_time_skipped: '{{time}} does not exist on {{date}} on this computer\'s clock (the clocks go forward then): {{moved}} is the same moment after the change',
  stored_day_after_today: 'must not be after today ({{today}}): tiers are stored for days that have come, one after another',
  report_starts_after_today: 'must not be after today ({{today}}): a report covers days that have come',
  as_of_after_today: 'must not be after today ({{today}}): a day to come has no orders or follow-ups yet, so every customer would read as gone quiet',
  invalid_currency: 'must be a 3-letter currency code such as CNY, USD or EUR',
  tag_has_separator: 'is one tag: it cannot hold , ; 、 or | (a file of customers reads them as between tags)',
  invalid_country: 'must be a country: its 2-letter code such as CN, US, GB or DE, or its name',
  invalid_amount: 'must be a positive amount such as 12.34',
  amount_too_many_decimals: 'has more decimals than {{currency}} takes ({{digits}} at most)',
  amount_negative: 'must not be negative (0 is a free order)',
  amount_too_large: 'is too large',
  // The amount alone fits; the customer's total with it would not (customers_revenue_safe_integer, an import's row).
  customer_total_too_large: "would bring the customer's total past the largest sum that can be counted exactly (about 90 trillion in a currency with cents)",
  cost_negative: 'must not be negative (on a return it is entered as a positive amount)',
  paid_out_of_range: 'must be between 0 and the order amount',
  quantity_out_of_range: 'must be a number other than 0',
  quantity_negative_on_sale: 'must be more than 0 on a sale (goods sent back are recorded as a return)',
  order_number_taken: 'is already used by the order of {{customer}} dated {{date}} (entered there as {{number}})',
  // The database's own refusal, where the order holding the number is not known (a writer that skipped the check).
  order_number_in_use: 'is already used by another order',
  amount_disagrees_with_lines: 'does not match the sum of the lines ({{total}})',
  amount_below_returns: 'is less than what has already been returned of this order ({{returned}} {{currency}})',
  return_exceeds_order: 'is more than is left to return of the order ({{left}} {{currency}})',
  nothing_to_return: 'everything on this order has already been returned',
  due_before_order: 'must not be before the order date ({{date}}): the sale would be overdue at once',
  return_amount_zero: 'must be more than 0 on a return (goods given free and sent back are returned with their lines)',
  return_before_order: 'a return cannot be dated before its order ({{date}})',
  return_needs_sale: 'must be a sale, not a return',
  return_currency_differs: 'must be the currency of the order returned ({{currency}})',
  return_not_editable: 'a return cannot be edited; delete it and record it again',
  return_of_deleted_order: 'the order it returns is deleted; restore that order first',
  order_has_returns: 'this order has returns recorded against it; delete those first',
  returns_lock_rate: 'cannot change while returns are recorded against this order: they keep its currency and rate ({{currency}} at {{rate}}); delete those first',
  order_after_return: 'an order cannot be dated after its returns (the first is dated {{date}}); delete those first or choose an earlier date',
  return_sale_repriced: 'the order it returns has changed currency or rate since ({{currency}} at {{rate}}); record the return again instead',
  retype_in_new_currency: 'was entered in {{currency}}; enter it again in {{newCurrency}} (or clear it) when the currency changes',
  order_other_base_currency: 'was recorded when the base currency was {{stored}}; it cannot be restored under {{base}} — record it again',
  order_in_trash: 'is in the trash: restore it before editing it',
  order_of_undone_import: 'went with its import when that was undone: import the file again to bring its orders back',
  customer_not_live: 'is deleted or merged into another customer; restore it from the trash first, or record this on the customer it was merged into',
  nothing_owed: 'nothing is owed on this order',
  payment_out_of_range: 'the payment must be more than 0 and at most what is owed ({{balance}})',
  invalid_phone: 'is not a valid phone number',
  // Numbers are matched and searched as E.164, which has no extension: the number is kept, the extension goes elsewhere.
  phone_has_extension: 'has an extension ({{extension}}): phone numbers are kept without one, so they can be matched and searched; enter the number alone and keep the extension in the contact’s label or the notes',
  invalid_email: 'is not a valid email address',
  invalid_wechat: 'is not a valid WeChat ID',
  invalid_rate: 'must be a positive exchange rate',
  no_fx_rate: 'has no exchange rate to the base currency on or before that date; enter one or add it under FX rates',
  satisfaction_range: 'must be between 1 and 5',
  too_long: 'is too long',
  // A text past its limit, as the fields say it while it is typed (renderer/components/length-limit.ts).
  text_too_long: 'is {{length}} characters, at most {{max}}: shorten it by {{over}}',
  // The database's length check, when the text it refused is not in the call's input (core/sqlite-errors.ts).
  text_length_range: 'must be {{min}} to {{max}} characters',
  too_many_custom_segments: 'at most {{max}} custom segments can be kept: delete one no longer used to add another',
  duplicate_contact: 'is entered twice',
  base_currency_locked: 'cannot change once orders exist: their rates are locked to the current base currency',
  demo_needs_its_currency: 'is {{base}}: the demo business counts in {{demo}}, so its figures would be wrong here; load the demo into a new workspace file',
  base_currency_has_rates: 'cannot change while FX rates are recorded ({{rates}} of them): each is {{base}} per unit of its currency; delete them first, then enter them against the new base',
  fx_rate_of_base: 'is the base currency ({{base}}), always worth 1: no rate is needed for it',
  already_onboarded: 'the workspace is already set up',
  import_empty_file: 'the file is empty',
  import_not_a_file: 'is a device, a pipe or a socket, not a file to import',
  import_binary_file: 'is not a text or Excel file',
  import_xls_not_supported: 'is an old .xls workbook; save it as .xlsx or CSV first',
  import_xlsx_unreadable: 'is a workbook that cannot be read',
  import_sheet_not_found: 'has no worksheet of that name',
  import_unsupported_encoding: 'uses a text encoding that cannot be read',
  import_record_too_large: 'has a line longer than 16 million characters (an unclosed quote?)',
  import_unterminated_quote: 'has a quoted value opening on line {{line}} ("{{text}}") that is never closed: every line after it would be read into that one cell; close the quote (or remove it) and import again',
  import_too_many_columns: 'has more than 16,384 columns (Excel’s limit)',
  import_too_many_rows: 'has more rows or cells than can be imported; split it or save it as CSV',
  import_cell_too_long: 'has a cell longer than 32,767 characters (Excel’s limit)',
  import_xlsx_too_large: 'is a workbook that unpacks to too much data; save it as CSV',
  import_no_header: 'has no header row',
  import_header_row_blank: 'is row {{row}}, which is blank: give the row holding the column names (one of rows {{first}}–{{last}}, the first {{lines}} that are not blank)',
  import_header_row_beyond: 'is row {{row}}, which cannot be the header: it must be one of the first {{lines}} rows that are not blank, rows {{first}}–{{last}} of this file',
  import_header_row_sep_line: 'is row {{row}}, the file’s delimiter line ("sep="), not the header: give the row holding the column names (one of rows {{first}}–{{last}}, the first {{lines}} that are not blank)',
  prediction_no_orders: 'has no orders on or before that date to predict from',
  prediction_no_repeat_purchases: 'leaves nothing to predict from: none of the customers who bought on or before that day ({{customers}}) has bought on a second day, and purchase likelihood is learned from repeat purchases spread over time',
  prediction_until_before_split: 'must be after the split date',
  prediction_split_after_orders: 'must be before the last order ({{last}}): there is nothing after it to compare the predictions with',
  prediction_split_not_past: 'must be before today ({{today}}): the check compares the predictions with what happened after the split',
  prediction_as_of_after_today: 'must not be after today ({{today}}): the model would read the days to come as days without orders',
  clv_discount_range: 'must be a monthly discount rate from 0 to 10 (percent)',
  clv_horizon_range: 'must be a whole number of months from 1 to 120',
  import_aborted: 'the import was cancelled; nothing was written',
  import_worker_crashed: 'the import stopped unexpectedly ({{reason}}); nothing was written — the file may be too large or damaged',
  import_mapping_incomplete: 'the column mapping leaves out required fields: {{fields}}',
  import_mapping_unknown_field: 'the column mapping sends "{{header}}" to "{{field}}", which is not a field here (the fields: {{fields}}); nothing was imported',
  import_mapping_unknown_header: 'the column mapping names "{{header}}", which is not a column of the file (its columns: {{headers}}); nothing was imported',
  import_rows_rejected: '{{rejected}} of {{total}} rows have errors; nothing was imported',
  import_already_undone: 'this import was already undone',
  undo_worker_crashed: 'the undo stopped unexpectedly ({{reason}}); nothing was undone',
  export_worker_crashed: 'the export stopped unexpectedly ({{reason}}); no file was written',
  file_not_found: 'no such file: {{path}}',
  file_not_writable: 'cannot be written: {{path}} ({{reason}})',
  file_name_too_long: 'the file name, or the path of its folder, is too long for the file system; nothing was changed: choose a shorter name or a folder nearer the top',
  path_outside_folder: 'must name a file inside {{folder}}',
  path_not_allowed: 'is not accepted here: choose the file with the dialog',
  handle_unknown: 'is unknown or expired: choose the file again',
  handle_wrong_purpose: 'was chosen for something else: choose the file again',
  export_format_unknown: 'must end in .xlsx or .csv',
  export_scheme_unknown: 'has no segmentation results for scheme {{scheme}}; recompute the tiers first',
  bulk_undo_expired: 'can no longer be undone',
  backup_unreadable: 'is not a database file, or it is damaged',
  backup_corrupt: 'is a damaged database (integrity check failed)',
  backup_not_tierbook: 'is not a TierBook database',
  backup_too_new: 'was written by a newer TierBook; update TierBook to restore it',
  backup_target_is_database: 'is the open database or one of its working files; a backup there would destroy it',
  backup_not_a_file: 'is not a regular file (a folder, link, device or pipe)',
  write_target_is_database: 'is the open database or one of its working files; writing there would destroy it',
  write_target_not_a_file: 'is not a regular file (a folder, link, device or pipe)',
  backup_target_in_use: 'is a database another program has open, or one not closed cleanly (its -wal, -shm or -journal file is beside it); a backup there would corrupt it',
  write_target_in_use: 'is a database another program has open, or one not closed cleanly (its -wal, -shm or -journal file is beside it); writing there would corrupt it',
  write_target_is_source: 'is the file being imported; writing the rejected rows there would replace it',
  write_folder_missing: 'cannot be written: the folder {{folder}} does not exist',
  write_folder_not_writable: 'cannot be written: the folder {{folder}} does not allow writing; nothing was written',
  backup_source_damaged: 'the database is damaged: no backup was made, and no earlier backup was deleted; restore a backup from before the damage',
  disk_full: 'the disk is full: nothing was changed; free some space on the disk and try again',
  workspace_file_gone: 'the workspace file {{path}} was deleted, moved or replaced while it was open: nothing was changed; make a backup of what is open, then restart and restore it',
  database_damaged: 'the database file is damaged: nothing was changed; restore a backup from before the damage (the damaged data is kept as a backup first)',
  database_busy: 'another TierBook process (an import, the app or a command) is writing to this file; nothing was changed: try again when it finishes',
  backup_history_mismatch: 'has a migration history that no TierBook wrote; nothing was restored',
  backup_schema_mismatch: 'has TierBook table names but not its columns; nothing was restored',
  backup_unusable: 'could not be prepared for this TierBook version; nothing was restored',
  backup_restore_rolled_back: 'could not be restored; the data from before the restore was put back',
  backup_put_back_failed: 'could not be restored, and the previous data could not be put back automatically: restore {{path}}',
  backup_restore_in_team: 'this laptop is in a team: a restore lasts only until the next sync, which brings back everything the team wrote since the backup (this laptop\'s own writes too); a mistake that already reached the team must be undone in the book, a restore does not remove it. Nothing was restored: confirm to restore anyway',
  merge_keep_in_merge: 'cannot hold the customer that is kept',
  merge_customer_deleted: 'is a deleted customer; restore it from the trash before merging',
  merge_customer_merged_away: 'was already merged into {{name}}; to separate them, undo that merge',
  merge_customer_merged_away_elsewhere: 'was already merged into {{name}} on another laptop; to separate them, undo that merge on the laptop that made it',
  merge_into_archived: 'is archived: take it out of the archive before merging live customers into it',
  merge_already_undone: 'this merge was already undone',
  merge_undo_later_first: 'a later merge changed these customers again; undo that one first',
  merge_undo_later_elsewhere_first: 'a later merge made on another laptop changed these customers again; undo that one first, on the laptop that made it',
  rate_out_of_range: 'must be an exchange rate between 0.000000001 and 1,000,000,000',
  too_many: 'has too many entries (at most {{max}})',
  too_deep: 'is nested too deeply',
  too_complex: 'has too many conditions or groups',
  invalid_range: 'must not be smaller than the lower bound',
  today_likelihood_unavailable: 'needs purchase-likelihood scores, and none exist yet; rank by priority',
  report_range_reversed: 'must not be before the start date',
  report_too_many_periods: 'covers more than {{max}} periods; choose a shorter range or a longer period',
  report_no_snapshot: 'has no tier snapshot stored on or before it (recompute the tiers first)',
  report_amount_too_large: 'sums more money than can be counted exactly (over 90 trillion); choose a shorter range',
  team_unreachable: 'the team server cannot be reached; work continues offline and syncs when it is back',
  team_unreachable_join: 'cannot be reached: check the address and that the team server is running; this laptop has not joined and works as before',
  team_unauthorized: 'the team server refused the user name or password',
  team_forbidden: 'this user may not read or write the team database',
  team_database_missing: 'the team database does not exist on the server; create the team first',
  team_server_error: 'the team server answered with an error; try again later',
  team_not_couchdb: 'the team server address answers, but not as a team server (CouchDB): it may be a web page or another service; check the address',
  team_not_couchdb_join: 'answers, but is not a team server (CouchDB): it may be a web page or another service; check the address; this laptop has not joined and works as before',
  team_document_refused: 'the team server refused some changes; they stay on this laptop, waiting, until corrected',
  team_not_joined: 'this laptop is not in a team',
  team_already_joined: 'this laptop is already in a team; leave it first',
  team_identity_required: 'set your name (负责人) for this laptop first',
  team_invalid_url: 'must be a server address starting with http:// or https://, without a user name or password in it',
  team_invalid_database: 'must be a team database name in lowercase letters, digits, _ or -, starting with a letter',
  team_base_currency_differs: "the team's base currency is {{team}} and this laptop's is {{laptop}}, with orders or exchange rates already recorded in it; only a book in {{team}} can join this team",
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): AppErrorBody {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** A field-level validation failure, phrased once in English from the issue keys. */
export function invalidInput(issues: Issue[]): AppError {
  const text = issues.map((i) => `${i.path.join('.') || 'input'} ${withParams(ISSUE_MESSAGES[i.key] ?? ISSUE_MESSAGES.invalid_value!, i.params)}`).join('; ');
  return new AppError('invalid_input', text, issues);
}

/** Fills `{{name}}` from the issue's params; a placeholder without a value stays as written. */
export function withParams(text: string, params: Issue['params']): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (params?.[name] === undefined ? whole : String(params[name])));
}

/**
 * The kinds of record a call names by id, as the English message names them; each has its words in the user's
 * language (cli:record), so a refusal is worded from the kind and id it carries, not read back from the message.
 */
export const RECORD_KINDS = ['customer', 'live customer', 'order', 'follow-up', 'merge', 'import batch', 'custom segment', 'scheme', 'FX rate'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A record named by an id that is not there: its kind and id ride along as the issue's params (no field of the input is wrong). */
export function notFound(kind: RecordKind, id: string): AppError {
  return new AppError('not_found', `No ${kind} with id ${id}`, [{ path: [], key: 'record_not_found', params: { kind, id } }]);
}
