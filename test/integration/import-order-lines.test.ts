import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'GB', baseCurrency: 'GBP' });
});
afterEach(() => app.cleanup());

const file = (name: string, lines: string[]) => {
  const path = join(app.dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};
const one = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).all(...params) as T[];

/** Shaped like the public Online Retail lines: several rows per invoice, cancellations as C… with negative quantities. */
const RETAIL = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,United Kingdom',
  'C536383,35004C,SET OF 3 COLOURED FLYING DUCKS,-1,12/1/2010 9:49,4.65,17850,United Kingdom',
  "536367,22745,POPPY'S PLAYHOUSE BEDROOM,6,12/1/2010 8:34,2.10,13047,United Kingdom",
  "536367,22748,POPPY'S PLAYHOUSE KITCHEN,6,12/2/2010 8:34,2.10,13047,United Kingdom",
  '536368,22960,JAM MAKING SET WITH JARS,6,12/1/2010 8:34,4.25,NA,United Kingdom',
  '536370,M,Manual,1,12/1/2010 9:00,0,13047,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,8,12/1/2010 8:34,1.69,99999,United Kingdom',
];

describe('importing a file of order lines', () => {
  it('turns Online Retail lines into orders with lines: returns netted, free orders counted, disagreeing rows refused', async () => {
    const path = file('retail.csv', RETAIL);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, dateOrder: 'mdy', onError: 'skip', unknownCustomers: 'create' });
    expect(result.columns.filter((c) => c.field).map((c) => [c.header, c.field])).toEqual([
      ['InvoiceNo', 'orderNumber'], ['StockCode', 'sku'], ['Description', 'product'], ['Quantity', 'quantity'], ['InvoiceDate', 'date'], ['UnitPrice', 'unitPrice'], ['CustomerID', 'customerCode'],
    ]);
    expect(result).toMatchObject({ rowsTotal: 10, added: 7, rejected: 3, customersCreated: 2, orders: { orders: 5, lines: 7, returns: 1 } });
    expect(result.errors.map((e) => [e.row, e.header, e.reason])).toEqual([
      [8, 'InvoiceDate', 'order_lines_disagree'],
      [9, null, 'missing_customer_key'],
      [11, 'CustomerID', 'order_lines_disagree'],
    ]);

    // Hand arithmetic, in pence: 6×2.55 + 6×3.39 = 35.64; 6×1.85 = 11.10; −1×4.65; 32×1.69 + 6×2.10 = 66.68; 1×0.
    const orders = all<{ order_number: string; kind: string; amount_minor: number; lines: number }>(
      `SELECT o.order_number, o.kind, o.amount_minor, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines FROM orders o WHERE o.deleted_at IS NULL ORDER BY o.order_number`,
    );
    expect(orders).toEqual([
      { order_number: '536365', kind: 'sale', amount_minor: 3564, lines: 2 },
      { order_number: '536366', kind: 'sale', amount_minor: 1110, lines: 1 },
      { order_number: '536367', kind: 'sale', amount_minor: 6668, lines: 2 },
      { order_number: '536370', kind: 'sale', amount_minor: 0, lines: 1 },
      { order_number: 'C536383', kind: 'return', amount_minor: -465, lines: 1 },
    ]);
    // Every order's amount is the sum of its lines.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM orders o WHERE amount_minor <> (SELECT sum(amount_minor) FROM order_lines WHERE order_id = o.id)`).n).toBe(0);
    const customers = all<{ code: string; order_count: number; revenue_base_minor: number; last_order_date: string }>(
      `SELECT code, order_count, revenue_base_minor, last_order_date FROM customers WHERE deleted_at IS NULL ORDER BY code`,
    );
    expect(customers).toEqual([
      { code: '13047', order_count: 2, revenue_base_minor: 6668, last_order_date: '2010-12-01' },
      // A return is not a purchase: two sales counted, the return netted out of revenue.
      { code: '17850', order_count: 2, revenue_base_minor: 3564 + 1110 - 465, last_order_date: '2010-12-01' },
    ]);
    // The products grew from the lines, one per stock code.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM products WHERE deleted_at IS NULL`).n).toBe(7);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM order_lines WHERE product_id IS NULL`).n).toBe(0);
  });

  it('keeps an order together when its lines are far apart in the file (more orders in between than the buffer holds)', async () => {
    const rows = ['单号,客户编号,日期,商品,数量,单价'];
    rows.push('X-1,K1,2025-01-02,first,1,1.00');
    for (let i = 0; i < 450; i++) rows.push(`F-${i},K2,2025-01-03,filler,1,2.00`);
    rows.push('X-1,K1,2025-01-02,second,2,3.00');
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('far.csv', rows) }, unknownCustomers: 'create' });
    expect(result).toMatchObject({ added: 452, rejected: 0, orders: { orders: 451, lines: 452 } });
    expect(one(`SELECT amount_minor AS amount, (SELECT group_concat(name || ':' || position, ',') FROM order_lines WHERE order_id = orders.id) AS lines FROM orders WHERE order_number = 'X-1'`)).toEqual({
      amount: 100 + 600,
      lines: 'first:0,second:1',
    });
  });

  it('reads cost, paid, due date and a return column in Chinese: profit and what is owed follow', async () => {
    await app.call('settings:update', { baseCurrency: 'CNY', homeCountry: 'CN' });
    const path = file('明细.csv', [
      '单号,客户,商品,货号,数量,单价,成本,已付,到期,退货,日期',
      'A001,张三,龙井茶,LJ-01,2,150,200,200,2025-03-31,否,2025-03-01',
      'A001,张三,碧螺春,,1,80,50,,,否,2025-03-01',
      'A002,张三,龙井茶,LJ-01,1,150,100,,,是,2025-03-05',
    ]);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(result).toMatchObject({ added: 3, rejected: 0, orders: { orders: 2, lines: 3, returns: 1 } });
    const rows = all<Record<string, unknown>>(`SELECT order_number AS number, kind, amount_minor AS amount, cost_minor AS cost, unpaid_minor AS unpaid, payment_due_date AS due FROM orders ORDER BY order_number`);
    expect(rows).toEqual([
      { number: 'A001', kind: 'sale', amount: 2 * 15000 + 8000, cost: 20000 + 5000, unpaid: 38000 - 20000, due: '2025-03-31' },
      { number: 'A002', kind: 'return', amount: -15000, cost: -10000, unpaid: 0, due: null },
    ]);
    // Gross profit nets the return: (38000 − 25000) + (−15000 + 10000).
    expect(one<{ profit: number }>(`SELECT sum(base_amount_minor - base_cost_minor) AS profit FROM orders WHERE deleted_at IS NULL`).profit).toBe(8000);
    expect(one(`SELECT quantity, amount_minor AS amount FROM order_lines WHERE order_id = (SELECT id FROM orders WHERE order_number = 'A002')`)).toEqual({ quantity: -1, amount: -15000 });
  });

  it('one row per order still works, now with number, cost, paid and a return column; an order number is imported once', async () => {
    const path = file('orders.csv', ['订单号,客户,日期,金额,成本,已付,退货', 'B1,李四,2025-04-01,500,300,100,', 'B2,李四,2025-04-02,-120,-70,,是', 'B3,李四,2025-04-03,-5,,,']);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create', onError: 'skip' });
    expect(result).toMatchObject({ added: 2, rejected: 1, errors: [{ row: 4, reason: 'negative_amount' }] });
    expect(result.orders).toBeUndefined();
    expect(all(`SELECT order_number AS n, kind, amount_minor AS a, cost_minor AS c, unpaid_minor AS u FROM orders ORDER BY order_number`)).toEqual([
      { n: 'B1', kind: 'sale', a: 50000, c: 30000, u: 40000 },
      { n: 'B2', kind: 'return', a: -12000, c: -7000, u: 0 },
    ]);
    expect(one(`SELECT order_count AS n, revenue_base_minor AS r FROM customers WHERE name = '李四'`)).toEqual({ n: 1, r: 50000 - 12000 });
    const again = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create', onError: 'skip' });
    expect(again.errors.map((e) => [e.row, e.reason])).toEqual([[2, 'order_number_taken'], [3, 'order_number_taken'], [4, 'negative_amount']]);
  });

  it('a batch touching more than 2,000 customers keeps their figures right through the set-based refresh', async () => {
    // Customer i buys i % 7 + 1 units at ¥3.00 and, every fifth customer, returns one unit in a second order.
    const rows = ['Invoice,Customer code,Date,SKU,Product,Quantity,Unit price'];
    let expectedRevenue = 0;
    let expectedSales = 0;
    for (let i = 0; i < 2100; i++) {
      const units = (i % 7) + 1;
      rows.push(`S${i},K${i},2025-02-01,TEA,Tea,${units},3`);
      expectedRevenue += units * 300;
      expectedSales++;
      if (i % 5 === 0) {
        rows.push(`R${i},K${i},2025-02-03,TEA,Tea,-1,3`);
        expectedRevenue -= 300;
      }
    }
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('many.csv', rows) }, unknownCustomers: 'create' });
    expect(result).toMatchObject({ rejected: 0, customersCreated: 2100, orders: { orders: 2100 + 420, returns: 420 } });
    expect(one(`SELECT sum(order_count) AS sales, sum(revenue_base_minor) AS revenue, count(DISTINCT last_order_date) AS days FROM customers`)).toEqual({ sales: expectedSales, revenue: expectedRevenue, days: 1 });
    expect(one(`SELECT revenue_base_minor AS r, order_count AS n FROM customers WHERE code = 'K5'`)).toEqual({ r: 6 * 300 - 300, n: 1 });
  });

  it('undo takes the orders and their lines back and leaves products other orders still use', async () => {
    const first = await app.call('import:commit', { kind: 'orders', source: { path: file('a.csv', ['Invoice,Customer,Date,Product,Quantity,Unit price', 'I1,Ann,2025-05-01,Green tea,1,4.00']) }, unknownCustomers: 'create' });
    const second = await app.call('import:commit', {
      kind: 'orders',
      source: { path: file('b.csv', ['Invoice,Customer,Date,Product,Quantity,Unit price', 'I2,Ann,2025-05-02,Green tea,2,4.00', 'I2,Ann,2025-05-02,White tea,1,9.00']) },
    });
    expect(first.batchId && second.batchId).toBeTruthy();
    expect(one<{ r: number }>(`SELECT revenue_base_minor AS r FROM customers WHERE name = 'Ann'`).r).toBe(400 + 800 + 900);
    // A product a later file brought in, whose only order was deleted since: no live line, but not the batch's to take.
    const third = await app.call('import:commit', { kind: 'orders', source: { path: file('c.csv', ['Invoice,Customer,Date,Product,Quantity,Unit price', 'I3,Ann,2025-05-03,Oolong,1,5.00']) } });
    await app.call('orders:delete', { id: one<{ id: string }>(`SELECT id FROM orders WHERE import_batch_id = ?`, third.batchId).id });
    expect(one(`SELECT count(*) AS n FROM products WHERE name = 'Oolong' AND deleted_at IS NULL AND created_at >= (SELECT created_at FROM import_batches WHERE id = ?)`, second.batchId)).toEqual({ n: 1 });
    const undo = await app.call('import:undo', { batchId: second.batchId! });
    expect(undo).toMatchObject({ ordersRemoved: 1, productsRemoved: 1 });
    expect(all(`SELECT name FROM products WHERE deleted_at IS NULL ORDER BY name`)).toEqual([{ name: 'Green tea' }, { name: 'Oolong' }]);
    expect(one(`SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.deleted_at IS NULL`)).toEqual({ n: 1 });
    expect(one(`SELECT order_count AS n, revenue_base_minor AS r FROM customers WHERE name = 'Ann'`)).toEqual({ n: 1, r: 400 });
  });
});
