import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveOrdersPageQuery } from '../../db/repos/order-pages';
import { SALE_BASE_BALANCE } from '../../db/repos/orders';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The customer file reads a customer's orders a page at a time (orders:page) and its figures over all of them
 * (orders:summary), where it used to load every order with its lines on each reload. Checked here against plain
 * SQL on the orders table, for a customer with more orders than two pages hold.
 */
const TODAY = '2026-11-23';
let app: TestApp;
let big: string;
let other: string;

interface Row {
  id: string;
  kind: 'sale' | 'return';
  order_date: string;
  created_at: string;
  currency: string;
  base_currency: string;
  base_amount_minor: number;
}

const liveRows = (customerId: string) =>
  app.db.$client.prepare(`SELECT * FROM orders WHERE customer_id = ? AND deleted_at IS NULL`).all(customerId) as Row[];
/** The tab's order, the latest first: by date, then the later-entered (ids are time-ordered), sorted here in JavaScript. */
const newestFirst = (rows: Row[]) => [...rows].sort((a, b) => (a.order_date !== b.order_date ? (a.order_date < b.order_date ? 1 : -1) : a.id < b.id ? 1 : -1));

beforeAll(async () => {
  app = openTestApp(TODAY);
  big = (await app.call('customers:create', { name: '华南批发总汇' })).customer.id;
  other = (await app.call('customers:create', { name: '隔壁小店' })).customer.id;
  // 47 orders over 40 days (so some days hold two), every third in USD, some with lines, some owing, one dated ahead.
  const sales: string[] = [];
  for (let i = 0; i < 47; i++) {
    const day = `2026-10-${String(1 + (i % 31)).padStart(2, '0')}`;
    const orderDate = i === 46 ? '2026-12-30' : i >= 31 ? `2026-11-${String(i - 30).padStart(2, '0')}` : day;
    const usd = i % 3 === 0;
    const order = await app.call('orders:create', {
      customerId: big,
      orderDate,
      currency: usd ? 'USD' : 'CNY',
      fxRate: usd ? 7.1 : undefined,
      orderNumber: `BIG-${i}`,
      ...(i % 4 === 0
        ? { lines: [{ sku: `S-${i}`, name: `保温杯 ${i}`, quantity: 2, unitPrice: '12.50' }, { name: '马克杯', quantity: 1 + (i % 5), unitPrice: '3.10' }] }
        : { amount: `${100 + i * 7}.${String(i % 100).padStart(2, '0')}` }),
      payment: i % 5 === 0 ? { status: 'part', paid: '10', dueDate: i % 10 === 0 ? '2026-11-15' : '2026-12-31' } : undefined,
    });
    sales.push(order.id);
  }
  // Returns against two sales and one standalone; one order deleted (it counts nowhere).
  await app.call('orders:return', { orderId: sales[5]!, amount: '20', orderDate: '2026-11-20' });
  await app.call('orders:return', { orderId: sales[10]!, orderDate: '2026-11-21' });
  await app.call('orders:return', { customerId: big, currency: 'CNY', amount: '15', orderDate: '2026-11-21' });
  await app.call('orders:delete', { id: sales[7]! });
  // Another customer's orders never show on this one's pages.
  await app.call('orders:create', { customerId: other, orderDate: '2026-11-22', currency: 'CNY', amount: '9' });
});
afterAll(() => app.cleanup());

describe('the orders tab, a page at a time', () => {
  it('pages through every live order, the latest first, in the order plain SQL sorts them', async () => {
    const expected = newestFirst(liveRows(big)).map((r) => r.id);
    expect(expected.length).toBe(47 + 3 - 1);
    const seen: string[] = [];
    for (let offset = 0; offset < expected.length + 20; offset += 20) {
      const page = await app.call('orders:page', { customerId: big, offset, limit: 20 });
      expect(page.total).toBe(expected.length);
      expect(page.orders.map((o) => o.id)).toEqual(expected.slice(offset, offset + 20));
      seen.push(...page.orders.map((o) => o.id));
    }
    expect(seen).toEqual(expected);
  });

  it('gives each row of a page what the whole list gives it: lines, returns, balance, status', async () => {
    const all = new Map((await app.call('orders:list', { customerId: big })).orders.map((o) => [o.id, o]));
    const page = await app.call('orders:page', { customerId: big, offset: 20, limit: 20 });
    expect(page.orders).toEqual(page.orders.map((o) => all.get(o.id)));
    // The lines against the table itself: each order's, in their positions.
    const linesOf = app.db.$client.prepare(`SELECT name, quantity, amount_minor AS amount FROM order_lines WHERE order_id = ? ORDER BY position`);
    for (const o of page.orders) expect(o.lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: l.amountMinor }))).toEqual(linesOf.all(o.id));
    expect(page.orders.some((o) => o.lines.length > 0)).toBe(true);
  });

  it('adds up every live order in SQL for the header and the tab, not the rows a page loaded', async () => {
    const rows = liveRows(big);
    const summary = await app.call('orders:summary', { customerId: big });
    const salesOnOrBeforeToday = rows.filter((r) => r.kind === 'sale' && r.order_date <= TODAY).map((r) => r.order_date).sort();
    const latest = [...rows].sort((a, b) => (a.order_date + a.created_at + a.id < b.order_date + b.created_at + b.id ? 1 : -1))[0]!;
    expect(summary).toMatchObject({
      sales: rows.filter((r) => r.kind === 'sale').length,
      rows: rows.length,
      revenueBaseMinor: rows.reduce((sum, r) => sum + r.base_amount_minor, 0),
      lastSaleDate: salesOnOrBeforeToday.at(-1),
      usualCurrency: latest.currency,
      otherCurrencies: rows.some((r) => r.currency !== r.base_currency),
      baseCurrency: 'CNY',
    });
    // A sale dated ahead is not yet the last order (as on Today); it is still counted.
    expect(summary.lastSaleDate).toBe('2026-11-15');
    expect(summary.sales).toBe(46);
    // What is owed, by hand: each live sale's base unpaid less its live returns, never below 0; overdue when due before today.
    const owed = app.db.$client
      .prepare(
        `SELECT o.payment_due_date AS due, max(0, o.base_unpaid_minor + coalesce((SELECT sum(r.base_amount_minor) FROM orders r WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0)) AS balance
         FROM orders o WHERE o.customer_id = ? AND o.kind = 'sale' AND o.deleted_at IS NULL`,
      )
      .all(big) as { due: string | null; balance: number }[];
    expect(summary.balanceBaseMinor).toBe(owed.reduce((s, r) => s + r.balance, 0));
    expect(summary.overdueBaseMinor).toBe(owed.filter((r) => r.due !== null && r.due < TODAY).reduce((s, r) => s + r.balance, 0));
    expect(summary.overdueBaseMinor).toBeGreaterThan(0);
    expect(summary.balanceBaseMinor).toBeGreaterThan(summary.overdueBaseMinor);
  });

  it('takes the usual currency from the latest order, the later entered of one day, and has none without orders', async () => {
    const shop = (await app.call('customers:create', { name: '新客户' })).customer.id;
    expect(await app.call('orders:summary', { customerId: shop })).toMatchObject({ sales: 0, rows: 0, revenueBaseMinor: 0, lastSaleDate: null, usualCurrency: null, otherCurrencies: false, balanceBaseMinor: 0 });
    expect(await app.call('orders:page', { customerId: shop, offset: 0, limit: 20 })).toEqual({ orders: [], total: 0 });
    const eur = await app.call('orders:create', { customerId: shop, orderDate: '2026-05-01', currency: 'EUR', fxRate: 7.8, amount: '5' });
    const usd = await app.call('orders:create', { customerId: shop, orderDate: '2026-05-01', currency: 'USD', fxRate: 7.1, amount: '5' });
    await app.call('orders:create', { customerId: shop, orderDate: '2026-03-01', currency: 'HKD', fxRate: 0.9, amount: '5' });
    // The clock of this test stands still: the entry times are set apart by hand, the EUR order entered last.
    const entered = app.db.$client.prepare(`UPDATE orders SET created_at = ? WHERE id = ?`);
    entered.run('2026-05-01T09:00:00.000Z', eur.id);
    entered.run('2026-05-01T08:00:00.000Z', usd.id);
    expect((await app.call('orders:summary', { customerId: shop })).usualCurrency).toBe('EUR');
  });

  it('pages the lines of the live orders for the offers tab, as SQL joins them', async () => {
    const expected = app.db.$client
      .prepare(
        `SELECT l.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = ? AND o.deleted_at IS NULL
         ORDER BY o.order_date DESC, o.id DESC, l.position`,
      )
      .pluck()
      .all(big) as string[];
    expect(expected.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let offset = 0; offset < expected.length; offset += 10) {
      const page = await app.call('orders:lines', { customerId: big, offset, limit: 10 });
      expect(page.total).toBe(expected.length);
      seen.push(...page.lines.map((l) => l.id));
    }
    expect(seen).toEqual(expected);
    const [first] = (await app.call('orders:lines', { customerId: big, offset: 0, limit: 1 })).lines;
    const order = app.db.$client.prepare(`SELECT o.order_date AS orderDate, o.order_number AS orderNumber, o.currency FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.id = ?`).get(first!.id);
    expect({ orderDate: first!.orderDate, orderNumber: first!.orderNumber, currency: first!.currency }).toEqual(order);
  });

  it('refuses an unknown customer, and a page larger than the contract allows', async () => {
    for (const channel of ['orders:page', 'orders:summary', 'orders:lines'] as const) {
      await expect(app.call(channel, { customerId: 'no-such-customer' })).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(app.call('orders:page', { customerId: big, offset: 0, limit: 101 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('finds the customer’s orders through the (customer, date) index rather than reading the table', () => {
    const { sql, params } = liveOrdersPageQuery(app.db, big, 40, 20).toSQL();
    const plan = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING INDEX orders_customer_date/);
    expect(plan).not.toMatch(/SCAN orders\b(?! USING)/);
  });
});

describe('what a customer owes, on a book where most orders are no return', () => {
  it('finds each sale’s returns through the returns index even when the statistics call it useless', async () => {
    // Before: SQLite's statistics count the NULL return_of_order_id of every sale as one value of the index, so
    // after ANALYZE (PRAGMA optimize runs it) the planner judged orders_return_of worthless and read the whole orders
    // table once per owing sale: 0.27 s for a customer with 356 unpaid sales among 6,861 orders.
    const shop = openTestApp(TODAY);
    try {
      const id = (await shop.call('customers:create', { name: '月结客户' })).customer.id;
      for (let i = 0; i < 30; i++) await shop.call('orders:create', { customerId: id, orderDate: '2026-10-01', currency: 'CNY', amount: '10', payment: { status: 'unpaid' } });
      shop.db.$client.exec('ANALYZE');
      const plan = (shop.db.$client.prepare(`EXPLAIN QUERY PLAN SELECT ${SALE_BASE_BALANCE} FROM orders o WHERE o.customer_id = ? AND o.unpaid_minor > 0 AND o.deleted_at IS NULL`).all(id) as { detail: string }[]).map((r) => r.detail);
      expect(plan.filter((step) => /\bSCAN r\b/.test(step))).toEqual([]);
      expect(plan.filter((step) => /SEARCH r USING INDEX orders_return_of/.test(step))).toHaveLength(2);
      expect((await shop.call('orders:summary', { customerId: id })).balanceBaseMinor).toBe(30 * 1000);
    } finally {
      shop.cleanup();
    }
  });
});
