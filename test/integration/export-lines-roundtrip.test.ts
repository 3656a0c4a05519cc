import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = openTestApp();
  target = openTestApp();
  for (const app of [source, target]) {
    await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2025-01-01', rate: 7.2 });
  }
  const path = join(source.dir, 'lines.csv');
  writeFileSync(
    path,
    [
      '单号,客户编号,客户,日期,货号,商品,数量,单价,成本,已付,到期,币种,备注',
      'S-1,K1,茶庄,2025-03-01,LJ-01,龙井茶,2,150.00,200,100,2025-03-31,CNY,首单',
      'S-1,K1,茶庄,2025-03-01,,碧螺春,1.5,80.00,,,,CNY,',
      'S-2,K2,Tea House,2025-03-02,BX-9,White tea,3,12.50,20,,,USD,',
      'R-1,K1,茶庄,2025-03-05,LJ-01,龙井茶,-1,150.00,-100,,,CNY,退一盒',
      'F-1,K2,Tea House,2025-03-06,SMP,Sample,1,0,,,,USD,free sample',
    ].join('\n'),
  );
  const imported = await source.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
  expect(imported).toMatchObject({ rejected: 0, orders: { orders: 4, lines: 5, returns: 1 } });
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

/** The orders and lines as a user sees them, without ids and timestamps. */
function snapshot(app: TestApp) {
  const q = (sql: string) => app.db.$client.prepare(sql).all();
  return {
    orders: q(`SELECT c.code, c.name, o.order_number, o.order_date, o.kind, o.amount_minor, o.currency, o.fx_rate, o.base_amount_minor, o.cost_minor, o.base_cost_minor,
                      o.unpaid_minor, o.base_unpaid_minor, o.payment_due_date, o.note
               FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL ORDER BY o.order_number`),
    lines: q(`SELECT o.order_number, l.position, l.sku, l.name, l.quantity, l.unit_price_minor, l.amount_minor, l.cost_minor
              FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.deleted_at IS NULL ORDER BY o.order_number, l.position`),
    customers: q(`SELECT code, name, order_count, revenue_base_minor, last_order_date FROM customers WHERE deleted_at IS NULL ORDER BY code`),
    products: q(`SELECT identity_key, name, last_unit_price_minor, last_currency, last_sold_on FROM products WHERE deleted_at IS NULL ORDER BY identity_key`),
  };
}

describe('order lines export → import', () => {
  it.each([
    ['xlsx', 'zh-CN'],
    ['csv', 'en'],
  ] as const)('lines exported as .%s (%s headers) import back as the same orders, lines, customers and products', async (format, language) => {
    const path = join(source.dir, `lines-out.${format}`);
    const exported = await source.call('export:orderLines', { path, language });
    expect(exported.rows).toBe(5);
    const imported = await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(imported).toMatchObject({ rowsTotal: 5, added: 5, rejected: 0, orders: { orders: 4, lines: 5, returns: 1 } });
    const expected = snapshot(source);
    // The fixture's own figures, by hand: S-1 = 2×150 + 1.5×80 = 420 yuan, 100 paid → 320 owed.
    expect(expected.orders[2]).toMatchObject({ order_number: 'S-1', amount_minor: 42000, cost_minor: 20000, unpaid_minor: 32000, payment_due_date: '2025-03-31' });
    expect(expected.orders[1]).toMatchObject({ order_number: 'R-1', kind: 'return', amount_minor: -15000, cost_minor: -10000 });
    expect(snapshot(target)).toEqual(expected);
  });

  it('the orders export carries number, return, cost, paid and due date, and imports back as the same orders (without lines)', async () => {
    const path = join(source.dir, 'orders-out.csv');
    await source.call('export:orders', { path, language: 'zh-CN' });
    const imported = await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(imported).toMatchObject({ added: 4, rejected: 0 });
    expect(imported.orders).toBeUndefined();
    expect(snapshot(target).orders).toEqual(snapshot(source).orders);
    expect(snapshot(target).lines).toEqual([]);
  });
});

describe('orders typed in the app, with a return against one, export and import back owing the same', () => {
  /** What each customer owes (the app's figure) and each order's cost, by customer name. */
  async function owedAndCosts(app: TestApp) {
    const customers = (await app.call('customers:list', {})).rows.filter((c) => c.name === '回头客');
    const out: Record<string, unknown> = {};
    for (const c of customers) {
      const list = await app.call('orders:list', { customerId: c.id });
      out[c.name] = { owed: list.balanceBaseMinor, orders: list.orders.map((o) => [o.orderNumber, o.kind, o.amountMinor, o.costMinor, o.balanceMinor]) };
    }
    return out;
  }

  it.each(['orders', 'orderLines'] as const)('as %s', async (kind) => {
    const customerId = (await source.call('customers:create', { name: '回头客' })).customer.id;
    // ¥100 with a cost of ¥60 typed for the order (no line carries it), ¥30 paid, then ¥50 of it returned on credit: owes ¥20.
    const sale = await source.call('orders:create', {
      customerId,
      orderDate: '2025-04-01',
      currency: 'CNY',
      orderNumber: 'A-7',
      lines: [
        { sku: 'T1', name: '铁观音', quantity: 2, unitPrice: '25.00' },
        { sku: 'T2', name: '普洱', quantity: 1, unitPrice: '50.00' },
      ],
      cost: '60',
      payment: { status: 'part', paid: '30', dueDate: '2025-05-01' },
    });
    await source.call('orders:return', { orderId: sale.id, orderDate: '2025-04-02', orderNumber: 'A-7R', lines: [{ sku: 'T2', name: '普洱', quantity: 1, unitPrice: '50.00' }] });
    const before = await owedAndCosts(source);
    expect(before['回头客']).toMatchObject({ owed: 2000 });

    const path = join(source.dir, `${kind}-out.csv`);
    await source.call(kind === 'orders' ? 'export:orders' : 'export:orderLines', { path, language: 'zh-CN' });
    const imported = await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(imported.rejected).toBe(0);
    expect(await owedAndCosts(target)).toEqual(before);
  });
});
