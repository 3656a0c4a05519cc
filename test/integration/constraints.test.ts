import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { constraintError, KNOWN_CONSTRAINTS } from '../../core/sqlite-errors';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
  const now = '2026-11-23T00:00:00.000Z';
  app.db.$client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('c1', ?, ?, '张三', 'individual')`).run(now, now);
});
afterEach(() => app.cleanup());

/** One statement per CHECK constraint, each breaking exactly that rule. */
const VIOLATIONS: Record<string, string> = {
  customers_name_not_blank: `INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('x', 'n', 'n', '  ', 'individual')`,
  customers_type_valid: `INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('x', 'n', 'n', 'A', 'alien')`,
  customers_country_iso: `UPDATE customers SET country = 'china'`,
  customers_locality_valid: `UPDATE customers SET locality = 'moon'`,
  customers_needs_valid: `UPDATE customers SET needs = 'love'`,
  customers_manual_level_valid: `UPDATE customers SET manual_level = 'Z'`,
  customers_tags_array: `UPDATE customers SET tags = '{"a":1}'`,
  contact_kind_valid: `INSERT INTO contact_channels (id, created_at, updated_at, customer_id, kind, value) VALUES ('k', 'n', 'n', 'c1', 'fax', '1')`,
  contact_value_not_blank: `INSERT INTO contact_channels (id, created_at, updated_at, customer_id, kind, value) VALUES ('k', 'n', 'n', 'c1', 'email', ' ')`,
  contact_phone_e164: `INSERT INTO contact_channels (id, created_at, updated_at, customer_id, kind, value) VALUES ('k', 'n', 'n', 'c1', 'phone', '13800138000')`,
  orders_date_valid: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-30', 1, 'CNY', 1, 'CNY', 1)`,
  orders_amount_sign: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', -1, 'CNY', 1, 'CNY', 0)`,
  orders_return_of_only_returns: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, return_of_order_id) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, 'x')`,
  orders_base_amount_sign: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', -1, 'CNY', 1, 'CNY', 1, 'return')`,
  orders_cost_pairs: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, cost_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, 1)`,
  orders_cost_sign: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, cost_minor, base_cost_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, -1, -1)`,
  orders_cost_safe_integer: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, cost_minor, base_cost_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, 0.5, 1)`,
  orders_unpaid_range: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, unpaid_minor, base_unpaid_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, 2, 2)`,
  orders_unpaid_safe_integer: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, unpaid_minor, base_unpaid_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, 0.5, 0)`,
  orders_payment_due_valid: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, payment_due_date) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, '2026-02-30')`,
  orders_number_not_blank: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number, order_number_key) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, '  ', '')`,
  orders_number_key_pairs: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'CNY', 1, 'INV-1')`,
  order_lines_name_not_blank: `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES ('l', 'o', 0, ' ', 1, 1, 1, NULL)`,
  order_lines_quantity_range: `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES ('l', 'o', 0, 'tea', 0, 1, 0, NULL)`,
  order_lines_unit_price_safe: `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES ('l', 'o', 0, 'tea', 1, -1, -1, NULL)`,
  order_lines_amount_safe: `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES ('l', 'o', 0, 'tea', 1, 1, 1.5, NULL)`,
  order_lines_cost_safe: `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES ('l', 'o', 0, 'tea', 1, 1, 1, 0.5)`,
  order_lines_position_non_negative: `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES ('l', 'o', -1, 'tea', 1, 1, 1, NULL)`,
  order_payments_amount_positive: `INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on) VALUES ('p', 'n', 'n', 'o', 0, '2026-02-03')`,
  order_payments_paid_on_valid: `INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on) VALUES ('p', 'n', 'n', 'o', 1, '2026-02-30')`,
  products_name_not_blank: `INSERT INTO products (id, created_at, updated_at, identity_key, name) VALUES ('p', 'n', 'n', 'name:x', ' ')`,
  products_last_price_safe: `INSERT INTO products (id, created_at, updated_at, identity_key, name, last_unit_price_minor) VALUES ('p', 'n', 'n', 'name:x', 'x', 1.5)`,
  products_last_sold_valid: `INSERT INTO products (id, created_at, updated_at, identity_key, name, last_sold_on) VALUES ('p', 'n', 'n', 'name:x', 'x', 'today')`,
  orders_currency_iso: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'rmb', 1, 'CNY', 1)`,
  orders_base_currency_iso: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'CNY', 1, 'Y', 1)`,
  orders_fx_rate_positive: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'USD', 0, 'CNY', 1)`,
  orders_amount_safe_integer: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1.5, 'CNY', 1, 'CNY', 2)`,
  orders_base_amount_safe_integer: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'USD', 7, 'CNY', 1.2e305)`,
  orders_fx_rate_range: `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'c1', '2026-02-03', 1, 'USD', 1e300, 'CNY', 1)`,
  customers_revenue_safe_integer: `UPDATE customers SET revenue_base_minor = 9007199254740992`,
  follow_ups_channel_valid: `INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel) VALUES ('f', 'n', 'n', 'c1', '2026-01-01T00:00:00Z', 'pigeon')`,
  follow_ups_intent_valid: `INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, intent) VALUES ('f', 'n', 'n', 'c1', '2026-01-01T00:00:00Z', 'call', 'maybe')`,
  follow_ups_satisfaction_range: `INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, satisfaction) VALUES ('f', 'n', 'n', 'c1', '2026-01-01T00:00:00Z', 'call', 6)`,
  follow_ups_next_date_valid: `INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, next_contact_date) VALUES ('f', 'n', 'n', 'c1', '2026-01-01T00:00:00Z', 'call', 'tomorrow')`,
  follow_ups_occurred_at_valid: `INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel) VALUES ('f', 'n', 'n', 'c1', 'yesterday', 'call')`,
  settings_single_row: `INSERT INTO settings (id, sources, updated_at) VALUES (2, '[]', 'n')`,
  settings_home_country_iso: `UPDATE settings SET home_country = 'CHN'`,
  settings_base_currency_iso: `UPDATE settings SET base_currency = 'RMB1'`,
  settings_language_valid: `UPDATE settings SET language = 'fr'`,
  settings_sources_array: `UPDATE settings SET sources = 'walk-in'`,
  settings_reminder_time_valid: `UPDATE settings SET reminder_time = '9:30'`,
  settings_reminder_shown_valid: `UPDATE settings SET reminder_summary_shown_on = '2026-02-30'`,
  settings_clv_discount_range: `UPDATE settings SET clv_discount_percent = 10.01`,
  settings_clv_horizon_range: `UPDATE settings SET clv_horizon_months = 12.5`,
  follow_ups_next_time_valid: `INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, next_contact_date, next_contact_time) VALUES ('f', 'n', 'n', 'c1', '2026-01-01T00:00:00Z', 'call', '2026-01-02', '24:00')`,
  fx_rates_currency_iso: `INSERT INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES ('r', 'n', 'n', 'usd', '2026-01-01', 7)`,
  fx_rates_date_valid: `INSERT INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES ('r', 'n', 'n', 'USD', '2026/01/01', 7)`,
  fx_rates_rate_positive: `INSERT INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES ('r', 'n', 'n', 'USD', '2026-01-01', -7)`,
  fx_rates_rate_range: `INSERT INTO fx_rates (id, created_at, updated_at, currency, rate_date, rate) VALUES ('r', 'n', 'n', 'USD', '2026-01-01', 1e300)`,
  import_batches_kind_valid: `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, on_error) VALUES ('b', 'n', 'n', 'invoices', 'a.csv', 'csv', 'abort')`,
  import_batches_format_valid: `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, on_error) VALUES ('b', 'n', 'n', 'orders', 'a.xls', 'xls', 'abort')`,
  import_batches_on_error_valid: `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, on_error) VALUES ('b', 'n', 'n', 'orders', 'a.csv', 'csv', 'ignore')`,
  import_batches_status_valid: `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, on_error, status) VALUES ('b', 'n', 'n', 'orders', 'a.csv', 'csv', 'abort', 'pending')`,
  import_batches_undone_consistent: `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, on_error, status) VALUES ('b', 'n', 'n', 'orders', 'a.csv', 'csv', 'abort', 'undone')`,
  import_batches_counts_non_negative: `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, on_error, added) VALUES ('b', 'n', 'n', 'orders', 'a.csv', 'csv', 'abort', -1)`,
  import_batch_changes_before_object: `INSERT INTO import_batch_changes (id, batch_id, customer_id, before, created_at) VALUES ('x', 'b', 'c1', '[]', 'n')`,
  import_batch_changes_after_object: `INSERT INTO import_batch_changes (id, batch_id, customer_id, before, after, created_at) VALUES ('x', 'b', 'c1', '{}', 'after', 'n')`,
  import_mappings_kind_valid: `INSERT INTO import_mappings (kind, signature, mapping, updated_at) VALUES ('invoices', 'h1', '{}', 'n')`,
  import_mappings_mapping_object: `INSERT INTO import_mappings (kind, signature, mapping, updated_at) VALUES ('orders', 'h1', '"name"', 'n')`,
  segment_assignments_as_of_valid: `INSERT INTO segment_assignments (scheme, as_of, customer_id, class_key) VALUES ('pyramid', '2026-02-30', 'c1', 'gold')`,
  segment_assignments_scheme_not_blank: `INSERT INTO segment_assignments (scheme, as_of, customer_id, class_key) VALUES (' ', '2026-11-23', 'c1', 'gold')`,
  segment_assignments_class_not_blank: `INSERT INTO segment_assignments (scheme, as_of, customer_id, class_key) VALUES ('pyramid', '2026-11-23', 'c1', '')`,
  segment_runs_as_of_valid: `INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES ('today', 'n', 1)`,
  segment_runs_customer_count_non_negative: `INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES ('2026-11-23', 'n', -1)`,
  segmentation_settings_single_row: `INSERT INTO segmentation_settings (id, overrides, updated_at) VALUES (2, '{}', 'n')`,
  bulk_write_single_row: `INSERT INTO bulk_write (id, active) VALUES (2, 0)`,
  bulk_write_active_flag: `UPDATE bulk_write SET active = 2 WHERE id = 1`,
  segment_latest_single_row: `INSERT INTO segment_latest (id, as_of, history_version, customer_ids, schemes, codes) VALUES (2, '2026-01-01', 0, '[]', '[]', x'')`,
  segment_pending_single_row: `INSERT INTO segment_pending (id, as_of, schemes, token) VALUES (2, '2026-01-01', '[]', 't')`,
  segment_pending_as_of_valid: `INSERT INTO segment_pending (id, as_of, schemes, token) VALUES (1, '2026-02-30', '[]', 't')`,
  segment_pending_schemes_array: `INSERT INTO segment_pending (id, as_of, schemes, token) VALUES (1, '2026-01-01', '{}', 't')`,
  sync_state_single_row: `INSERT INTO sync_state (id, node_id) VALUES (2, 'n')`,
  sync_state_enqueue_flag: `INSERT INTO sync_state (id, node_id, enqueue) VALUES (1, 'n', 5)`,
  segmentation_settings_overrides_object: `INSERT INTO segmentation_settings (id, overrides, updated_at) VALUES (1, '[1]', 'n')`,
  custom_segments_name_not_blank: `INSERT INTO custom_segments (id, created_at, updated_at, name, rule) VALUES ('s', 'n', 'n', ' ', '{}')`,
  custom_segments_rule_object: `INSERT INTO custom_segments (id, created_at, updated_at, name, rule) VALUES ('s', 'n', 'n', 'VIP', 'SELECT 1')`,
  service_policies_scheme_not_blank: `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority) VALUES ('p', 'n', 'n', '', 'gold', 14, 1)`,
  service_policies_class_not_blank: `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority) VALUES ('p', 'n', 'n', 'pyramid', ' ', 14, 1)`,
  service_policies_cadence_range: `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority) VALUES ('p', 'n', 'n', 'pyramid', 'gold', 0, 1)`,
  service_policies_responsible_length: `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority, responsible) VALUES ('p', 'n', 'n', 'pyramid', 'gold', 14, 1, '')`,
  service_policies_priority_range: `INSERT INTO service_policies (id, created_at, updated_at, scheme, class_key, cadence_days, priority) VALUES ('p', 'n', 'n', 'pyramid', 'gold', 14, 9)`,
  customer_predictions_as_of_valid: `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor, score, confidence, method, purchases, days_since_last) VALUES ('c1', '2026-02-30', 0.5, 0.1, 0.2, 0.3, 100, 100, 50, 'high', 'bgnbd', 1, 0)`,
  customer_predictions_p_alive_range: `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor, score, confidence, method, purchases, days_since_last) VALUES ('c1', '2026-11-23', 1.5, 0.1, 0.2, 0.3, 100, 100, 50, 'high', 'bgnbd', 1, 0)`,
  customer_predictions_expected_non_negative: `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor, score, confidence, method, purchases, days_since_last) VALUES ('c1', '2026-11-23', 0.5, 0.1, 0.05, 0.3, 100, 100, 50, 'high', 'bgnbd', 1, 0)`,
  customer_predictions_money_non_negative: `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor, score, confidence, method, purchases, days_since_last) VALUES ('c1', '2026-11-23', 0.5, 0.1, 0.2, 0.3, 100, -1, 50, 'high', 'bgnbd', 1, 0)`,
  customer_predictions_score_range: `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor, score, confidence, method, purchases, days_since_last) VALUES ('c1', '2026-11-23', 0.5, 0.1, 0.2, 0.3, 100, 100, 101, 'high', 'bgnbd', 1, 0)`,
  customer_predictions_purchases_positive: `INSERT INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365, expected_order_value_minor, clv_minor, score, confidence, method, purchases, days_since_last) VALUES ('c1', '2026-11-23', 0.5, 0.1, 0.2, 0.3, 100, 100, 50, 'high', 'bgnbd', 0, 0)`,
  prediction_runs_as_of_valid: `INSERT INTO prediction_runs (as_of, computed_at, model) VALUES ('soon', 'n', '{}')`,
  customer_merges_status_valid: `INSERT INTO customer_merges (id, created_at, updated_at, kept_customer_id, kept_before, kept_after, status) VALUES ('m', 'n', 'n', 'c1', '{}', '{}', 'split')`,
  customer_merges_undone_consistent: `INSERT INTO customer_merges (id, created_at, updated_at, kept_customer_id, kept_before, kept_after, status) VALUES ('m', 'n', 'n', 'c1', '{}', '{}', 'undone')`,
  customer_merges_kept_before_object: `INSERT INTO customer_merges (id, created_at, updated_at, kept_customer_id, kept_before, kept_after) VALUES ('m', 'n', 'n', 'c1', '[]', '{}')`,
  customer_merges_kept_after_object: `INSERT INTO customer_merges (id, created_at, updated_at, kept_customer_id, kept_before, kept_after) VALUES ('m', 'n', 'n', 'c1', '{}', 'nope')`,
  customer_merge_rows_table_valid: `INSERT INTO customer_merge_rows (id, merge_id, row_table, row_id, from_customer_id, previous_updated_at) VALUES ('r', 'm', 'invoices', 'x', 'c1', 'n')`,
  customer_merge_moves_table_valid: `INSERT INTO customer_merge_moves (id, created_at, updated_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at) VALUES ('v', 'n', 'n', 'm', 'invoices', 'x', 'c1', 'c1', 'n')`,
  customer_merge_moves_customer_is_from: `INSERT INTO customer_merge_moves (id, created_at, updated_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at) VALUES ('v', 'n', 'n', 'm', 'customers', 'x', 'c1', 'c1', 'n')`,
};

/** The CHECKs of the migrated schema (a later migration may rebuild a table and rename or drop one), plus triggers that raise as one. */
function checkConstraintNames(): string[] {
  const schema = app.db.$client.prepare(`SELECT sql FROM sqlite_master WHERE type IN ('table', 'trigger') AND sql IS NOT NULL`).all() as Array<{ sql: string }>;
  const sql = schema.map((t) => t.sql).join('\n');
  expect(readdirSync(MIGRATIONS).some((f) => readFileSync(join(MIGRATIONS, f), 'utf8').includes('CHECK'))).toBe(true);
  const checks = [...sql.matchAll(/CONSTRAINT "(\w+)" CHECK/g)].map((m) => m[1]!);
  const raised = [...sql.matchAll(/RAISE\(ABORT, 'CHECK constraint failed: (\w+)'\)/g)].map((m) => m[1]!);
  return [...new Set([...checks, ...raised])].sort();
}

describe('database constraints', () => {
  it('every CHECK in the migrations has a violation below and a field the UI can point at', () => {
    expect(Object.keys(VIOLATIONS).sort()).toEqual(checkConstraintNames());
    expect([...KNOWN_CONSTRAINTS, 'settings_single_row'].sort()).toEqual(checkConstraintNames());
  });

  it.each(Object.entries(VIOLATIONS))('%s stops bad data from landing, with a typed error', (name, statement) => {
    let thrown: unknown;
    try {
      app.db.$client.prepare(statement).run();
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toContain(`CHECK constraint failed: ${name}`);
    const mapped = constraintError(thrown)!.toBody();
    expect(mapped.code).toBe('constraint');
    expect(mapped.message).toContain(name);
    if (name !== 'settings_single_row') expect(mapped.issues?.[0]?.key).toMatch(/^[a-z_]+$/);
  });

  it('refuses impossible calendar dates that SQLite’s date() turns into NULL', () => {
    for (const date of ['2026-13-01', '2026-00-10', '2026-02-30']) {
      expect(() =>
        app.db.$client
          .prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES (?, 'n', 'n', 'c1', ?, 1, 'CNY', 1, 'CNY', 1)`)
          .run(`o-${date}`, date),
      ).toThrow('CHECK constraint failed: orders_date_valid');
    }
  });

  it('refuses orphans: an order for a customer that does not exist', () => {
    let thrown: unknown;
    try {
      app.db.$client
        .prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES ('o', 'n', 'n', 'ghost', '2026-02-03', 1, 'CNY', 1, 'CNY', 1)`)
        .run();
    } catch (error) {
      thrown = error;
    }
    expect(constraintError(thrown)!.toBody()).toMatchObject({ code: 'constraint', message: 'Rejected by the database: it refers to a record that does not exist' });
  });

  it('a handler whose write breaks a constraint answers with the typed error, not a crash', async () => {
    // The settings handler validates currencies itself; a raw language value only the database checks.
    app.db.$client.exec(`CREATE TRIGGER poison BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: settings_language_valid'); END`);
    const result = await app.dispatch('settings:update', { businessName: 'x' });
    // Said as a refused input is, not by the constraint's name.
    expect(result).toMatchObject({ ok: false, error: { code: 'constraint', message: 'Rejected by the database: language is not one of the allowed values (settings_language_valid)', issues: [{ path: ['language'], key: 'invalid_choice' }] } });
  });
});
