import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A workspace's own orders or order-lines export imported back: each row carries its order's record ID (订单系统ID),
 * so an order without a number is found as surely as a numbered one, and nothing is doubled. Into an empty workspace
 * every order comes back once.
 */
let source: TestApp;
let empty: TestApp;
beforeEach(async () => {
  source = openTestApp();
  empty = openTestApp();
  for (const app of [source, empty]) await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
  const { customer: tea } = await source.call('customers:create', { name: '茶庄' });
  const { customer: shop } = await source.call('customers:create', { name: '花店' });
  // Without numbers, with and without lines; one numbered; a return of lines without a number.
  await source.call('orders:create', { customerId: tea.id, orderDate: '2026-05-01', amount: '100', currency: 'CNY' });
  await source.call('orders:create', { customerId: shop.id, orderDate: '2026-05-01', amount: '100', currency: 'CNY' });
  await source.call('orders:create', { customerId: tea.id, orderDate: '2026-05-02', amount: '250', currency: 'CNY', orderNumber: 'N-1' });
  const lined = await source.call('orders:create', {
    customerId: tea.id, orderDate: '2026-05-03', currency: 'CNY', lines: [{ name: '龙井', quantity: 2, unitPrice: '50' }, { name: '绿茶', quantity: 1, unitPrice: '5' }],
  });
  await source.call('orders:create', { customerId: shop.id, orderDate: '2026-05-04', currency: 'CNY', lines: [{ name: '玫瑰', quantity: 3, unitPrice: '10' }] });
  await source.call('orders:return', { orderId: lined.id, orderDate: '2026-05-05', lines: [{ name: '绿茶', quantity: 1, unitPrice: '5' }] });
});
afterEach(() => {
  source.cleanup();
  empty.cleanup();
});

/** Live orders as the books hold them, without ids: customer, date, number, kind, amount and lines. */
const books = (app: TestApp) =>
  app.db.$client
    .prepare(
      `SELECT c.name, o.order_date AS date, o.order_number AS number, o.kind, o.amount_minor AS amount,
              (SELECT group_concat(l.name || '×' || l.quantity, ' ') FROM order_lines l WHERE l.order_id = o.id) AS lines
       FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL ORDER BY o.order_date, c.name, o.amount_minor`,
    )
    .all();

const EXPORTS = [
  ['orders', 'export:orders', 'csv', 'zh-CN'],
  ['orders', 'export:orders', 'xlsx', 'en'],
  ['order lines', 'export:orderLines', 'csv', 'en'],
  ['order lines', 'export:orderLines', 'xlsx', 'zh-CN'],
] as const;

describe('an orders or order-lines export imported back', () => {
  it.each(EXPORTS)('%s (%s, .%s, %s): into the same workspace adds nothing, every row refused as already recorded; into an empty one every order comes back once', async (_, channel, format, language) => {
    const path = join(source.dir, `out.${format}`);
    const exported = await source.call(channel, { path, language });
    const before = books(source);
    const lines = channel === 'export:orderLines';
    expect(exported.rows).toBe(lines ? 4 : 6);

    // Skipping bad rows: nothing is added, each row is counted and named as already recorded.
    const again = await source.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(again).toMatchObject({ rowsTotal: exported.rows, added: 0, rejected: exported.rows });
    const reasons = again.errors.map((e) => e.reason).sort();
    // The numbered order (only in the orders export: it has no lines) is caught by its number, the rest by their record ID.
    expect(reasons).toEqual(lines ? Array(4).fill('order_already_recorded') : [...Array(5).fill('order_already_recorded'), 'order_number_taken']);
    const byRecord = again.errors.find((e) => e.reason === 'order_already_recorded')!;
    expect(byRecord).toMatchObject({ field: 'orderRecordId', header: language === 'en' ? 'Order record ID' : '订单系统ID', params: { customer: expect.any(String), date: expect.stringMatching(/^2026-05-0\d$/) } });
    expect(byRecord.message).toMatch(/^Row \d+, column "(Order record ID|订单系统ID)" "[0-9a-f-]{36}": is the order of (茶庄|花店) dated 2026-05-0\d, already recorded \(/);
    expect(books(source)).toEqual(before);

    // All or nothing: refused as a whole, as a file of numbers already recorded is.
    await expect(source.call('import:commit', { kind: 'orders', source: { path } })).rejects.toMatchObject({ issues: [{ key: 'import_rows_rejected', params: { rejected: exported.rows, total: exported.rows } }] });
    expect(books(source)).toEqual(before);

    // An empty workspace has none of these orders: every one comes back, once.
    const fresh = await empty.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(fresh).toMatchObject({ added: exported.rows, rejected: 0 });
    const expected = lines ? before.filter((o) => (o as { lines: string | null }).lines !== null) : before.map((o) => ({ ...(o as object), lines: null }));
    expect(books(empty)).toEqual(expected);
  });

  it('a record ID of a deleted order, or of no order here, only groups the rows: the order is imported', async () => {
    const path = join(source.dir, 'lines.csv');
    await source.call('export:orderLines', { path, language: 'en' });
    const deleted = source.db.$client.prepare(`SELECT id FROM orders WHERE amount_minor = 3000`).pluck().get() as string;
    await source.call('orders:delete', { id: deleted });
    const text = readFileSync(path, 'utf8');
    // The second order of lines is renamed to a record ID no order has: its two lines still make one order.
    const lined = source.db.$client.prepare(`SELECT id FROM orders WHERE amount_minor = 10500`).pluck().get() as string;
    writeFileSync(path, text.replaceAll(lined, 'not-an-order-of-this-workspace'));
    const result = await source.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(result).toMatchObject({ added: 3, rejected: 1, orders: { orders: 2, lines: 3 } });
    expect(result.errors.map((e) => e.reason)).toEqual(['order_already_recorded']);
    const amounts = source.db.$client.prepare(`SELECT amount_minor FROM orders WHERE deleted_at IS NULL AND amount_minor IN (3000, 10500) ORDER BY amount_minor`).pluck().all();
    expect(amounts).toEqual([3000, 10500, 10500]);
  });

  it('the orders export names each order by the same column as the order-lines export', async () => {
    const path = join(source.dir, 'orders.csv');
    await source.call('export:orders', { path, language: 'zh-CN' });
    const preview = await empty.call('import:preview', { kind: 'orders', source: { path } });
    expect(preview.columns.filter((c) => c.field === 'orderRecordId').map((c) => c.header)).toEqual(['订单系统ID']);
  });
});
