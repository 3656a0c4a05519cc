import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSegmentCustomer, loadSegmentCustomers } from '../../db/repos/segmentation';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The tiers read every customer column by column into one object each, sharing repeated values. What
 * they read must be each live, unarchived customer's own fields, exactly as SQLite holds them — checked
 * here against a plain read by column name, on the demo (every field filled somewhere) and after edits.
 */
let app: TestApp;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 300 });
  // The demo gives no customer a code of their own: some get one here.
  app.db.$client.prepare(`UPDATE customers SET code = 'K-' || substr(id, -6) WHERE rowid % 7 = 0`).run();
});
afterAll(() => app.cleanup());

function byColumnName(where = ''): unknown[] {
  const rows = app.db.$client
    .prepare(
      `SELECT id, name, company, code, created_at AS createdAt, type, industry, country, region, city, locality, size_band AS sizeBand,
         income_band AS incomeBand, needs, tags, owner, source, manual_level AS manualLevel, sort_name AS sortName
       FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ${where} ORDER BY id`,
    )
    .all() as { tags: string }[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

describe('the customers the tiers read', () => {
  it('are each customer’s own fields, for every live unarchived customer, in id order', () => {
    const expected = byColumnName();
    expect(expected.length).toBeGreaterThan(250);
    expect(loadSegmentCustomers(app.db)).toEqual(expected);
    // Every field is filled for someone, so a column read into the wrong field cannot hide.
    for (const field of ['company', 'code', 'industry', 'country', 'region', 'city', 'locality', 'sizeBand', 'incomeBand', 'needs', 'owner', 'source', 'manualLevel']) {
      expect(expected.some((c) => (c as Record<string, unknown>)[field] !== null), field).toBe(true);
    }
  });

  it('one customer read alone is the same, and the archived or deleted are not read', () => {
    const [first, second] = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 2`).pluck().all() as string[];
    expect(loadSegmentCustomer(app.db, first!)).toEqual(byColumnName(`AND id = '${first}'`)[0]);
    app.db.$client.prepare(`UPDATE customers SET archived_at = '2026-11-01T00:00:00.000Z' WHERE id = ?`).run(second);
    expect(loadSegmentCustomer(app.db, second!)).toBeUndefined();
    expect(loadSegmentCustomers(app.db).some((c) => c.id === second)).toBe(false);
  });
});
