import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_OPEN_ORDERS } from '../../core/importing/order-assembler';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * An order typed in the app needs no number. The order-lines export writes each line with its order's record ID
 * (订单系统ID), and the importer groups the lines of an order without a number by it, as it groups by number.
 */
let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = openTestApp();
  target = openTestApp();
  for (const app of [source, target]) await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

/** Orders as a user sees them: number, amount and their lines (quantities are stored as reals: 2.0), without ids. */
const orders = (app: TestApp) =>
  app.db.$client
    .prepare(
      `SELECT o.order_number AS number, o.order_date AS date, o.amount_minor AS amount, c.name,
              (SELECT group_concat(l.name || '×' || l.quantity, ' ') FROM (SELECT * FROM order_lines WHERE order_id = o.id ORDER BY position) l) AS lines
       FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL ORDER BY o.amount_minor`,
    )
    .all();

describe('the lines of an order without a number', () => {
  it.each([
    ['csv', 'en'],
    ['xlsx', 'zh-CN'],
  ] as const)('export as .%s (%s) and import back as one order, beside one with a number', async (format, language) => {
    const { customer } = await source.call('customers:create', { name: '茶庄' });
    const day = '2026-03-05';
    // Two orders without a number on the same day for the same customer, which only their record IDs tell apart.
    await source.call('orders:create', { customerId: customer.id, orderDate: day, currency: 'CNY', lines: [{ name: '龙井', quantity: 2, unitPrice: '150' }, { name: '碧螺春', quantity: 1, unitPrice: '80' }, { name: '白茶', quantity: 3, unitPrice: '10' }] });
    await source.call('orders:create', { customerId: customer.id, orderDate: day, currency: 'CNY', lines: [{ name: '茶杯', quantity: 4, unitPrice: '5' }, { name: '茶盘', quantity: 1, unitPrice: '60' }] });
    await source.call('orders:create', { customerId: customer.id, orderDate: day, currency: 'CNY', orderNumber: 'S-9', lines: [{ name: '普洱', quantity: 1, unitPrice: '200' }, { name: '红茶', quantity: 2, unitPrice: '45' }] });
    const path = join(source.dir, `lines.${format}`);
    expect((await source.call('export:orderLines', { path, language })).rows).toBe(7);
    const imported = await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(imported).toMatchObject({ rowsTotal: 7, added: 7, rejected: 0, orders: { orders: 3, lines: 7, returns: 0 } });
    expect(orders(target)).toEqual(orders(source));
    // By hand: 2×150 + 80 + 3×10 = 410 yuan; 4×5 + 60 = 80; S-9 is 200 + 2×45 = 290.
    expect(orders(target)).toEqual([
      { number: null, date: day, amount: 8000, name: '茶庄', lines: '茶杯×4.0 茶盘×1.0' },
      { number: 'S-9', date: day, amount: 29000, name: '茶庄', lines: '普洱×1.0 红茶×2.0' },
      { number: null, date: day, amount: 41000, name: '茶庄', lines: '龙井×2.0 碧螺春×1.0 白茶×3.0' },
    ]);
  });

  it('two lines of one such order far apart in the file (more orders between than wait for lines) are still one order', async () => {
    const between = MAX_OPEN_ORDERS + 250;
    const rows = ['客户名称,下单日期,商品,数量,单价,订单系统ID', '茶庄,2026-03-05,龙井,2,150,order-far'];
    for (let i = 0; i < between; i++) rows.push(`客人${i % 7},2026-03-05,样品,1,1,order-${i}`);
    rows.push('茶庄,2026-03-05,碧螺春,1,80,order-far');
    const path = join(target.dir, 'far.csv');
    writeFileSync(path, rows.join('\n'));
    const imported = await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(imported).toMatchObject({ rejected: 0, orders: { orders: between + 1, lines: between + 2 } });
    const far = target.db.$client.prepare(`SELECT o.amount_minor AS amount, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = '茶庄'`).all();
    expect(far).toEqual([{ amount: 38000, lines: 2 }]);
  });
});

describe('two lines of one order at one position (each added on another laptop of a team)', () => {
  it('export, and import back, in the order the screens show them: position, then id', async () => {
    const { customer } = await source.call('customers:create', { name: '茶庄' });
    const order = await source.call('orders:create', { customerId: customer.id, orderDate: '2026-03-05', currency: 'CNY', orderNumber: 'S-7', lines: [{ name: '龙井', quantity: 2, unitPrice: '150' }, { name: '茶杯', quantity: 4, unitPrice: '5' }] });
    // The other laptop's line, as a sync round writes it: at the first line's position, later, under a smaller id.
    source.db.$client
      .prepare(`INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, amount_minor) VALUES ('00000000-0000-7000-8000-000000000001', ?, 0, '碧螺春', 1, 8000, 8000)`)
      .run(order.id);
    const stored = source.db.$client.prepare(`SELECT name FROM order_lines WHERE order_id = ? ORDER BY position, id`).pluck().all(order.id);
    expect(stored).toEqual(['碧螺春', '龙井', '茶杯']);
    const onScreen = (await source.call('orders:list', { customerId: customer.id })).orders[0]!.lines.map((l) => l.name);
    expect(onScreen).toEqual(stored);

    const path = join(source.dir, 'lines.csv');
    expect((await source.call('export:orderLines', { path, language: 'en' })).rows).toBe(3);
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const product = header!.indexOf('Product');
    expect(rows.map((r) => r[product])).toEqual(stored);

    await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    const imported = target.db.$client.prepare(`SELECT l.name FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.order_number = 'S-7' ORDER BY l.position, l.id`).pluck().all();
    expect(imported).toEqual(stored);
  });
});
