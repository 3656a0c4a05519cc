import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

/**
 * Orders deleted by hand are listed to bring back (orders:deleted, the customer file's "Deleted orders", the CLI), the
 * latest deleted first; an undone import's orders are not; a restore puts the customer's figures back as they were.
 */
let app: TestApp;
let customerId: string;
const clock = movableClock('2026-11-23');
beforeEach(async () => {
  clock.moveTo('2026-11-23');
  app = openTestApp('2026-11-23', { clock });
  await app.call('settings:update', { baseCurrency: 'CNY' });
  customerId = (await app.call('customers:create', { name: '王芳' })).customer.id;
});
afterEach(() => app.cleanup());

const order = (amount: string, orderNumber?: string) => app.call('orders:create', { customerId, orderDate: '2026-11-01', amount, currency: 'CNY', orderNumber });
const figures = () =>
  app.db.$client.prepare(`SELECT count(*) AS orders, coalesce(sum(base_amount_minor), 0) AS revenue FROM orders WHERE customer_id = ? AND deleted_at IS NULL`).get(customerId) as { orders: number; revenue: number };
const listed = async () => {
  const row = (await app.call('customers:list', {})).rows.find((r) => r.id === customerId)!;
  return { orders: row.orderCount, revenue: row.revenueBaseMinor };
};

describe('deleted orders', () => {
  it('lists those deleted by hand, latest first, and restores one with the figures as they were', async () => {
    const a = await order('100', 'A-1');
    const b = await order('250.50');
    await order('40');
    const before = figures();
    await app.call('orders:delete', { id: a.id });
    clock.moveTo('2026-11-24');
    await app.call('orders:delete', { id: b.id });
    const deleted = await app.call('orders:deleted', { customerId });
    expect(deleted.total).toBe(2);
    expect(deleted.orders.map((o) => [o.id, o.amountMinor, o.orderNumber])).toEqual([
      [b.id, 25050, null],
      [a.id, 10000, 'A-1'],
    ]);
    expect(deleted.orders.every((o) => typeof o.deletedAt === 'string')).toBe(true);
    expect(await listed()).toEqual(figures());
    expect(figures()).toEqual({ orders: 1, revenue: 4000 });

    await app.call('orders:restore', { id: a.id });
    await app.call('orders:restore', { id: b.id });
    expect(figures()).toEqual(before);
    expect(await listed()).toEqual(before);
    expect(await app.call('orders:deleted', { customerId })).toEqual({ orders: [], total: 0 });
  });

  it('refuses to restore an order whose number a newer order took, naming it', async () => {
    const a = await order('100', 'A-1');
    await app.call('orders:delete', { id: a.id });
    await order('70', 'a-1');
    const refused = await app.dispatch('orders:restore', { id: a.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues?.[0]).toMatchObject({ key: 'order_number_taken' });
    expect((await app.call('orders:deleted', { customerId })).total).toBe(1);
  });

  it('leaves out the orders of an undone import, and limits the list', async () => {
    const path = join(app.dir, 'orders.csv');
    writeFileSync(path, ['客户名称,下单日期,金额', ...Array.from({ length: 5 }, (_, i) => `王芳,2026-10-0${i + 1},${10 + i}`)].join('\n'));
    const imported = await app.call('import:commit', { kind: 'orders', source: { path } });
    expect(imported.added).toBe(5);
    await app.call('import:undo', { batchId: imported.batchId! });
    expect((await app.call('orders:deleted', { customerId })).total).toBe(0);
    for (let i = 0; i < 3; i++) await app.call('orders:delete', { id: (await order(String(i + 1))).id });
    const limited = await app.call('orders:deleted', { customerId, limit: 2 });
    expect([limited.orders.length, limited.total]).toEqual([2, 3]);
  });

  it('on the command line: delete, list the deleted, restore', async () => {
    const a = await order('100', 'A-1');
    const deleted = cli('orders', 'delete', '--db', app.dbPath, '--order', a.id);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`bring it back with: orders restore --order ${a.id}`);
    const previousTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    const list = cli('orders', 'deleted', '--db', app.dbPath, '--customer', customerId);
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
    expect(list.stdout).toContain('A-1');
    // When it was deleted, on the machine's clock (Shanghai, UTC+8, no daylight saving), to the minute.
    const deletedAt = app.db.$client.prepare(`SELECT deleted_at FROM orders WHERE id = ?`).pluck().get(a.id) as string;
    const shanghai = new Date(Date.parse(deletedAt) + 8 * 3600_000).toISOString();
    expect(list.stdout).toContain(`deleted ${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}`);
    expect(list.stdout).toContain('1 deleted; bring one back with: orders restore --order ID');
    const restored = cli('orders', 'restore', '--db', app.dbPath, '--order', a.id);
    expect(restored.code, restored.stderr).toBe(0);
    expect(figures()).toEqual({ orders: 1, revenue: 10000 });
    expect(cli('orders', 'deleted', '--db', app.dbPath, '--customer', customerId).stdout).toContain('No deleted orders.');
  });

  it('refuses to restore one order of an undone import by its id: it went with its import, and the file imported again brings it back once', async () => {
    const path = join(app.dir, 'orders.csv');
    writeFileSync(path, '客户名称,下单日期,金额\n王芳,2026-10-01,10\n王芳,2026-10-02,20\n');
    const imported = await app.call('import:commit', { kind: 'orders', source: { path } });
    const [first] = app.db.$client.prepare(`SELECT id FROM orders WHERE import_batch_id = ? ORDER BY order_date`).pluck().all(imported.batchId) as string[];
    await app.call('import:undo', { batchId: imported.batchId! });
    const refused = await app.dispatch('orders:restore', { id: first! });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues?.[0]).toMatchObject({ key: 'order_of_undone_import' });
    expect(figures()).toEqual({ orders: 0, revenue: 0 });

    const again = await app.call('import:commit', { kind: 'orders', source: { path } });
    expect(again.added).toBe(2);
    expect(figures()).toEqual({ orders: 2, revenue: 3000 });
  });
});
