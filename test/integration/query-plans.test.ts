import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPELLINGS_SQL } from '../../db/repos/class-spellings';
import { FACET_SQL, pageIdsQuery } from '../../db/repos/customers';
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
  it('counts the free-text classes’ spellings from their partial indexes, not by reading every customer', () => {
    for (const [scheme, query] of Object.entries(SPELLINGS_SQL)) {
      expect([scheme, plan(query)]).toEqual([scheme, `SEARCH customers USING INDEX customers_${scheme}_live (${scheme === 'industry' ? 'industry' : `${scheme}_band`}>?)`]);
    }
  });
  it('finds the filters’ choices through indexes, and they are exactly the live customers’ values', async () => {
    expect(plan(FACET_SQL.countries)).toContain('INDEX customers_country');
    expect(plan(FACET_SQL.owners)).toContain('INDEX customers_owner');
    expect(plan(FACET_SQL.tags)).toContain('INDEX customers_tags');
    for (const query of Object.values(FACET_SQL)) expect(plan(query)).not.toMatch(/SCAN customers\b(?! USING)/);
    // The only customer with one tag and one country: archived, both choices go.
    const client = app.db.$client;
    const someone = (await app.call('customers:create', { name: 'Jón Jónsson', country: 'IS', tags: ['only-here'], contacts: [] })).customer.id;
    expect(await app.call('customers:facets', {})).toMatchObject({ tags: expect.arrayContaining(['only-here']), countries: expect.arrayContaining(['IS']) });
    const plain = () => {
      const rows = client.prepare(`SELECT country, owner, tags FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).all() as { country: string | null; owner: string | null; tags: string }[];
      const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return { countries: distinct(rows.map((r) => r.country)), owners: distinct(rows.map((r) => r.owner)), tags: distinct(rows.flatMap((r) => JSON.parse(r.tags) as string[])) };
    };
    expect(await app.call('customers:facets', {})).toMatchObject(plain());
    await app.call('customers:archive', { id: someone, archived: true });
    const after = await app.call('customers:facets', {});
    expect(after.tags).not.toContain('only-here');
    expect(after.countries).not.toContain('IS');
    expect(after).toMatchObject(plain());
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
