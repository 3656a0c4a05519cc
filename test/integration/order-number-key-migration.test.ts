/**
 * Migration 0033 on a database the release before made (migrated up to 0032), holding numbers that the folded
 * comparison makes one: INV-1 typed three ways on live orders, a deleted inv-2 beside a live INV-2. The file opens;
 * nothing is lost; the order entered first keeps its number and each later one is renumbered, as a collision between
 * two laptops is.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call, type Dispatch } from '../../core/dispatch';
import { openDatabase } from '../../db/open';
import { MIGRATIONS, tempDir } from '../support/test-app';
import { migrationsBefore } from '../support/migrations-before';

const opened: OpenedApp[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});


// Ids end in what a renumbering appends (their last 6 characters).
const ORDERS: Array<[id: string, createdAt: string, number: string | null, deletedAt: string | null]> = [
  ['00000000-0000-7000-8000-0000000a0001', '2026-10-01T08:00:00.000Z', 'INV-1', null],
  ['00000000-0000-7000-8000-0000000b0002', '2026-10-02T08:00:00.000Z', 'inv-1', null],
  // Entered later but with the smaller id: the order entered first still keeps the number.
  ['00000000-0000-7000-8000-000000000003', '2026-10-03T08:00:00.000Z', 'ＩＮＶ－１', null],
  ['00000000-0000-7000-8000-0000000c0004', '2026-10-04T08:00:00.000Z', 'inv-2', '2026-10-05T08:00:00.000Z'],
  ['00000000-0000-7000-8000-0000000d0005', '2026-10-06T08:00:00.000Z', 'INV-2', null],
  ['00000000-0000-7000-8000-0000000e0006', '2026-10-07T08:00:00.000Z', null, null],
];

describe('migration 0033 on a database holding numbers that are now one', () => {
  it('opens, keeps every order, and renumbers the later holders of one number', async () => {
    const dbPath = join(tempDir(), 'tierbook.sqlite');
    const before = openDatabase(dbPath, migrationsBefore('0033_'));
    const client = before.$client;
    client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('c1', '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', '王芳', 'individual')`).run();
    const insert = client.prepare(`INSERT INTO orders (id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number)
      VALUES (?, ?, ?, ?, 'c1', '2026-10-01', 1000, 'CNY', 1, 'CNY', 1000, ?)`);
    for (const [id, createdAt, number, deletedAt] of ORDERS) insert.run(id, createdAt, createdAt, deletedAt, number);
    const snapshot = (c = client) => c.prepare(`SELECT id, amount_minor, deleted_at, updated_at FROM orders ORDER BY id`).all();
    const figures = snapshot();
    client.close();

    const app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-23'), checkOutput: true });
    opened.push(app);
    const after = app.db.$client;
    expect(after.prepare(`SELECT name FROM maintenance_tasks`).pluck().all()).toEqual([]);
    expect(after.prepare(`SELECT id, order_number AS number, order_number_key AS key FROM orders ORDER BY created_at`).all()).toEqual([
      { id: ORDERS[0]![0], number: 'INV-1', key: 'inv-1' },
      { id: ORDERS[1]![0], number: 'inv-1-0b0002', key: 'inv-1-0b0002' },
      { id: ORDERS[2]![0], number: 'ＩＮＶ－１-000003', key: 'inv-1-000003' },
      // A deleted order is keyed (a restore compares its key) but not renumbered: only live orders hold a number.
      { id: ORDERS[3]![0], number: 'inv-2', key: 'inv-2' },
      { id: ORDERS[4]![0], number: 'INV-2', key: 'inv-2' },
      { id: ORDERS[5]![0], number: null, key: null },
    ]);
    // Every order is there with its figures; only the renumbered ones show an edit.
    const renumbered = new Set([ORDERS[1]![0], ORDERS[2]![0]]);
    const now = snapshot(after) as { id: string; updated_at: string }[];
    expect(now.map((o) => ({ ...o, updated_at: renumbered.has(o.id) ? 'edited' : o.updated_at }))).toEqual(
      (figures as { id: string; updated_at: string }[]).map((o) => ({ ...o, updated_at: renumbered.has(o.id) ? 'edited' : o.updated_at })),
    );
    for (const o of now) if (renumbered.has(o.id)) expect(o.updated_at > '2026-10-07').toBe(true);

    // From here on the folded number is the number: inv-1 is taken, and so is the deleted inv-2 on restore.
    const dispatch: Dispatch = app.dispatch;
    expect(await dispatch('orders:create', { customerId: 'c1', orderDate: '2026-11-01', currency: 'CNY', amount: '1', orderNumber: 'ｉｎｖ－１' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['orderNumber'], key: 'order_number_taken' }] },
    });
    expect(await dispatch('orders:restore', { id: ORDERS[3]![0] })).toMatchObject({ ok: false, error: { issues: [{ key: 'order_number_taken' }] } });
    const listed = await call(dispatch, 'orders:list', { customerId: 'c1' });
    expect(listed.orders.map((o) => o.orderNumber).sort()).toEqual(['INV-1', 'INV-2', 'inv-1-0b0002', 'ＩＮＶ－１-000003', null].sort());
  });

  it('keys in SQL what SQL can fold, keeps the rest as they were, and the index holds before the app keys them', () => {
    const dbPath = join(tempDir(), 'tierbook.sqlite');
    const before = openDatabase(dbPath, migrationsBefore('0033_'));
    before.$client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('c1', 't', 't', '王芳', 'individual')`).run();
    const insert = before.$client.prepare(
      `INSERT INTO orders (id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number) VALUES (?, 't', 't', ?, 'c1', '2026-10-01', 1, 'CNY', 1, 'CNY', 1, ?)`,
    );
    for (const [id, deleted, number] of [['o1', null, 'INV-1'], ['o2', null, 'inv-1'], ['o3', null, ' Inv-2 '], ['o4', null, 'ＡＢＣ-3'], ['o5', 't', 'INV-2']] as const) insert.run(id, deleted, number);
    before.$client.close();
    // Migrated without the app (no maintenance run).
    const db = openDatabase(dbPath, MIGRATIONS);
    try {
      expect(db.$client.prepare(`SELECT id, order_number_key AS key FROM orders ORDER BY id`).all()).toEqual([
        // Live and one once folded: as they were, for the app to settle.
        { id: 'o1', key: 'INV-1' },
        { id: 'o2', key: 'inv-1' },
        { id: 'o3', key: 'inv-2' },
        // Only the app folds full width.
        { id: 'o4', key: 'ＡＢＣ-3' },
        // Deleted: folded, though another live order folds to it (only live orders hold a number).
        { id: 'o5', key: 'inv-2' },
      ]);
      expect(db.$client.prepare(`SELECT name FROM maintenance_tasks`).pluck().all()).toContain('order_numbers_keyed');
      expect(() =>
        db.$client
          .prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number, order_number_key) VALUES ('o9', 't', 't', 'c1', '2026-10-01', 1, 'CNY', 1, 'CNY', 1, 'INV-2', 'inv-2')`)
          .run(),
      ).toThrow(/UNIQUE constraint failed: orders.order_number_key/);
    } finally {
      db.$client.close();
    }
  });
});
