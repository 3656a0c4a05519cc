import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageIdsQuery } from '../../db/repos/customers';
import { dueCountsQuery } from '../../db/repos/followups';
import { customerListInputSchema } from '../../shared/contract/customers';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 300 });
});
afterAll(() => app.cleanup());

const plan = (sql: string, ...params: unknown[]) =>
  (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

/** The queries that run on every screen keep their indexes; a dropped index fails here, not for a user. */
describe('query plans', () => {
  it('finds duplicates by contact through the lookup index', () => {
    expect(plan(`SELECT customer_id FROM contact_channels WHERE kind = ? AND value = ? AND deleted_at IS NULL`, 'phone', '+8613800138000')).toContain('USING INDEX contact_channels_lookup');
  });
  it('reads due reminders through the due index', () => {
    expect(plan(`SELECT id FROM follow_ups WHERE done = 0 AND next_contact_date IS NOT NULL AND next_contact_date <= ?`, '2026-11-30')).toContain('USING INDEX follow_ups_due');
  });
  it('counts due reminders from two covering indexes, without reading a row', () => {
    const query = dueCountsQuery(app.db, '2026-11-23', '2026-11-30').toSQL();
    const detail = plan(query.sql, ...query.params);
    expect(detail).toContain('COVERING INDEX follow_ups_due');
    expect(detail).toContain('COVERING INDEX customers_live_by_id');
  });
  it('reads one customer’s orders and follow-ups through their customer indexes', () => {
    expect(plan(`SELECT * FROM orders WHERE customer_id = ? ORDER BY order_date`, 'x')).toContain('USING INDEX orders_customer_date');
    expect(plan(`SELECT * FROM follow_ups WHERE customer_id = ? ORDER BY occurred_at DESC`, 'x')).toContain('USING INDEX follow_ups_customer_time');
  });
  it('pages the customer list by name straight from the index, at any depth', () => {
    for (const desc of [false, true]) {
      const input = customerListInputSchema.parse({ offset: 200, limit: 100, sort: { field: 'name', desc } });
      const query = pageIdsQuery(app.db, input, '').toSQL();
      const detail = plan(query.sql, ...query.params);
      expect(detail).toContain('customers_live_name');
      expect(detail).not.toContain('TEMP B-TREE');
    }
  });
  it('finds the FX rate in force through the currency/date index', () => {
    expect(plan(`SELECT rate FROM fx_rates WHERE deleted_at IS NULL AND currency = ? AND rate_date <= ? ORDER BY rate_date DESC LIMIT 1`, 'USD', '2026-11-01')).toContain('USING INDEX fx_rates_currency_date');
  });
});
