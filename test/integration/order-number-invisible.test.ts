/**
 * An order number pasted from a chat app or a web page can carry characters that render as nothing (a zero-width
 * space or joiner, a byte-order mark, a soft hyphen) inside it: it looks like INV-1, and it is INV-1. Compared
 * without them everywhere (creating, a team's sync), kept as typed; a file the previous release made, holding such
 * numbers keyed with them, is keyed again as it opens, renumbering a later live duplicate as any other.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { syncedTable } from '../../core/sync/tables';
import { openDatabase } from '../../db/open';
import { orderNumberKey } from '../../shared/domain/order-number';
import { migrationsBefore } from '../support/migrations-before';
import { MIGRATIONS, openTestApp, tempDir, type TestApp } from '../support/test-app';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});

const INVISIBLE_INSIDE = ['INV\u200B-1', '\uFEFFINV-1', 'INV\u00AD-1', 'I\u200DNV-1', '\u2060INV-1\u200C', 'ＩＮＶ\u200B－１'];

describe('order numbers compared without the characters that render as nothing', () => {
  it('keys a number with a zero-width space, joiner, BOM or soft hyphen inside as the number without them', () => {
    expect(INVISIBLE_INSIDE.map(orderNumberKey)).toEqual(Array(INVISIBLE_INSIDE.length).fill('inv-1'));
    expect(orderNumberKey('发票\u200B2026')).toBe('发票2026');
  });

  it('refuses the pasted number when the typed one is held, keeps it as typed when free, and takes one of nothing visible for none', async () => {
    const app: TestApp = openTestApp();
    opened.push({ close: () => app.cleanup() });
    const customerId = (await app.call('customers:create', { name: '王芳' })).customer.id;
    const sale = (orderNumber: string) => ({ customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '100', orderNumber });
    await app.call('orders:create', sale('INV-1'));
    for (const typed of INVISIBLE_INSIDE) {
      expect(await app.dispatch('orders:create', sale(typed))).toMatchObject({ ok: false, error: { issues: [{ path: ['orderNumber'], key: 'order_number_taken' }] } });
    }
    expect((await app.call('orders:create', sale('INV\u200B-2'))).orderNumber).toBe('INV\u200B-2');
    // Nothing visible is no number: two of them are not one number held twice.
    for (const typed of ['\u200B', '\u00AD\u200D']) expect((await app.call('orders:create', sale(typed))).orderNumber).toBeNull();
  });

  it("derives the same key from a team member's document", () => {
    expect(syncedTable('orders')!.derive!({ order_number: 'INV\u200B-1' })).toEqual({ order_number_key: 'inv-1' });
  });
});

// Ids end in what a renumbering appends (their last 6 characters).
const ORDERS: Array<[id: string, createdAt: string, number: string, oldKey: string, deletedAt: string | null]> = [
  ['00000000-0000-7000-8000-0000000a0001', '2026-10-01T08:00:00.000Z', 'INV-1', 'inv-1', null],
  ['00000000-0000-7000-8000-0000000b0002', '2026-10-02T08:00:00.000Z', 'INV\u200B-1', 'inv\u200B-1', null],
  // Pasted first, typed later: the one entered first keeps the number, whichever way it was entered.
  ['00000000-0000-7000-8000-0000000c0003', '2026-10-03T08:00:00.000Z', '\u2060SO-5', '\u2060so-5', null],
  ['00000000-0000-7000-8000-0000000d0004', '2026-10-04T08:00:00.000Z', 'so-5', 'so-5', null],
  ['00000000-0000-7000-8000-0000000e0005', '2026-10-05T08:00:00.000Z', 'INV\u00AD-2', 'inv\u00AD-2', '2026-10-06T08:00:00.000Z'],
  ['00000000-0000-7000-8000-0000000f0006', '2026-10-07T08:00:00.000Z', 'ＩＮＶ\u200B－３', 'inv\u200B-3', null],
];

describe('a file the previous release made, holding numbers keyed with invisible characters', () => {
  it('opens with every order, each keyed in the new form, the later holder of one number renumbered', async () => {
    const dbPath = join(tempDir(), 'tierbook.sqlite');
    const before = openDatabase(dbPath, migrationsBefore('0034_'));
    const client = before.$client;
    client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('c1', '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z', '王芳', 'individual')`).run();
    const insert = client.prepare(`INSERT INTO orders (id, created_at, updated_at, deleted_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, order_number, order_number_key)
      VALUES (?, ?, ?, ?, 'c1', '2026-10-01', 1000, 'CNY', 1, 'CNY', 1000, ?, ?)`);
    for (const [id, createdAt, number, oldKey, deletedAt] of ORDERS) insert.run(id, createdAt, createdAt, deletedAt, number, oldKey);
    const figures = (c = client) => c.prepare(`SELECT id, amount_minor, deleted_at FROM orders ORDER BY id`).all();
    const kept = figures();
    client.close();

    const app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-23'), checkOutput: true });
    opened.push(app);
    const after = app.db.$client;
    expect(after.prepare(`SELECT name FROM maintenance_tasks`).pluck().all()).toEqual([]);
    expect(after.prepare(`SELECT order_number AS number, order_number_key AS key FROM orders ORDER BY created_at`).all()).toEqual([
      { number: 'INV-1', key: 'inv-1' },
      { number: 'INV\u200B-1-0b0002', key: 'inv-1-0b0002' },
      { number: '\u2060SO-5', key: 'so-5' },
      { number: 'so-5-0d0004', key: 'so-5-0d0004' },
      // Deleted: keyed in the new form (a restore compares it), never renumbered.
      { number: 'INV\u00AD-2', key: 'inv-2' },
      { number: 'ＩＮＶ\u200B－３', key: 'inv-3' },
    ]);
    expect(figures(after)).toEqual(kept);
    // From here on the pasted form is the number.
    expect(await app.dispatch('orders:create', { customerId: 'c1', orderDate: '2026-11-01', currency: 'CNY', amount: '1', orderNumber: 'INV-3' })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'order_number_taken', params: { number: 'ＩＮＶ\u200B－３' } }] },
    });
    expect((await call(app.dispatch, 'orders:list', { customerId: 'c1' })).orders).toHaveLength(5);
  });
});
