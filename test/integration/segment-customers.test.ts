import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSegmentCustomers, segmentCustomerReader, segmentPopulationInSlices } from '../../db/repos/segmentation';
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

  it('customers read one by one are the same, and the archived or deleted are not read', () => {
    const ids = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 40`).pluck().all() as string[];
    const [first, second] = ids;
    const read = segmentCustomerReader(app.db);
    expect(ids.map(read)).toEqual(byColumnName(`AND id IN (${ids.map((id) => `'${id}'`).join(', ')})`));
    app.db.$client.prepare(`UPDATE customers SET archived_at = '2026-11-01T00:00:00.000Z' WHERE id = ?`).run(second);
    expect(read(first!)).toEqual(byColumnName(`AND id = '${first}'`)[0]);
    expect(read(second!)).toBeUndefined();
    expect(loadSegmentCustomers(app.db).some((c) => c.id === second)).toBe(false);
  });
});

describe('reading the population in the table\'s order', () => {
  /** Copies of a demo customer under `ids`, inserted in the order given (so rowid order is that order). */
  function insertCopies(ids: readonly string[]): void {
    const insert = app.db.$client.prepare(
      `INSERT INTO customers (id, created_at, updated_at, name, type, tags, sort_name)
       SELECT ?, created_at, updated_at, name || ' ' || ?, type, tags, sort_name FROM customers WHERE deleted_at IS NULL LIMIT 1`,
    );
    for (const id of ids) insert.run(id, id);
  }

  it('still gives id order, as SQLite sorts text, when rows were inserted in another order', () => {
    // Descending inserts, and ids beyond ASCII: accents, a character above the surrogates, one beyond U+FFFF.
    insertCopies(['zz-last', 'm-middle', '00-first', 'é-accent', '\u{1F600}-emoji', '\uFFFD-replacement', 'A-upper']);
    const plain = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id`).pluck().all();
    const read = loadSegmentCustomers(app.db);
    expect(read.map((c) => c.id)).toEqual(plain);
    // SQLite's binary order puts U+1F600 after U+FFFD (UTF-8 bytes), where JavaScript's < would not.
    expect(plain.indexOf('\u{1F600}-emoji')).toBeGreaterThan(plain.indexOf('\uFFFD-replacement'));
    expect(byColumnName()).toEqual(read);
  });

  it('stays whole and consistent when customers join and leave between slices', () => {
    const steps = segmentPopulationInSlices(app.db, 50);
    const live = app.db.$client.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).pluck().get() as number;
    // The ids are read, 50 a turn, then their positions made: a turn after each, then the first slice of rows.
    for (let step = 0; step < Math.floor(live / 50) + 2 + 1; step++) steps.next();
    const [leaving] = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY rowid DESC LIMIT 1`).pluck().all() as string[];
    app.db.$client.prepare(`UPDATE customers SET archived_at = '2026-11-02T00:00:00.000Z' WHERE id = ?`).run(leaving);
    insertCopies(['zz-joined-meanwhile']);
    let next = steps.next();
    while (!next.done) next = steps.next();
    const { customers, indexOf } = next.value;
    // As the population was when the ids were read, less who left before their row was read.
    const expected = (app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id`).pluck().all() as string[]).filter((id) => id !== 'zz-joined-meanwhile');
    expect(customers.map((c) => c.id)).toEqual(expected);
    expect([...indexOf]).toEqual(expected.map((id, i) => [id, i]));
  });
});
