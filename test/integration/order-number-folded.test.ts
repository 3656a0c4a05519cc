import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderNumberKey } from '../../shared/domain/order-number';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * One invoice typed three ways — INV-1, inv-1 and ＩＮＶ－１ (a Chinese input method's full-width mode) — is one
 * order number: the second entry is refused wherever numbers are compared (creating, editing, a return's own number,
 * restoring, importing), and the number stays as it was typed.
 */
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp();
  customerId = (await app.call('customers:create', { name: '王芳' })).customer.id;
});
afterEach(() => app.cleanup());

const sale = (orderNumber: string | undefined, amount = '100') => ({ customerId, orderDate: '2026-11-01', currency: 'CNY', amount, orderNumber });
const taken = { ok: false, error: { code: 'invalid_input', issues: [{ path: ['orderNumber'], key: 'order_number_taken' }] } };
const all = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).all(...params) as T[];

describe('order numbers compared width- and case-folded', () => {
  it('folds width, case and surrounding spaces of either width, and nothing else', () => {
    expect(['INV-1', 'inv-1', 'ＩＮＶ－１', ' Inv-1\u3000', '\u3000ｉｎｖ-1 '].map(orderNumberKey)).toEqual(Array(5).fill('inv-1'));
    expect(orderNumberKey('INV-10')).not.toBe(orderNumberKey('INV-1'));
    expect(orderNumberKey('INV 1')).not.toBe(orderNumberKey('INV-1'));
    expect(orderNumberKey('发票２０２６－００１')).toBe('发票2026-001');
  });

  it('refuses the same number typed another way on create, edit and a return, keeps it as typed, and frees it when deleted', async () => {
    const first = await app.call('orders:create', sale('INV-1'));
    expect(first.orderNumber).toBe('INV-1');
    for (const typed of ['inv-1', 'ＩＮＶ－１', ' Inv-1\u3000']) expect(await app.dispatch('orders:create', sale(typed))).toMatchObject(taken);
    const other = await app.call('orders:create', sale('ＩＮＶ－２'));
    expect(other.orderNumber).toBe('ＩＮＶ－２');
    expect(await app.dispatch('orders:update', { id: other.id, order: sale('inv-1') })).toMatchObject(taken);
    // The order holding the number may retype it.
    expect((await app.call('orders:update', { id: first.id, order: sale('inv-1') })).orderNumber).toBe('inv-1');
    expect(await app.dispatch('orders:return', { orderId: first.id, amount: '10', orderNumber: 'inv-2' })).toMatchObject(taken);
    expect(await app.dispatch('orders:return', { customerId, currency: 'CNY', amount: '10', orderNumber: 'ＩＮＶ－１' })).toMatchObject(taken);
    await app.call('orders:delete', { id: first.id });
    const again = await app.call('orders:create', sale('ＩＮＶ－１'));
    expect(await app.dispatch('orders:restore', { id: first.id })).toMatchObject(taken);
    expect(all(`SELECT order_number AS n, order_number_key AS k, deleted_at IS NULL AS live FROM orders ORDER BY created_at, id`)).toEqual([
      { n: 'inv-1', k: 'inv-1', live: 0 },
      { n: 'ＩＮＶ－２', k: 'inv-2', live: 1 },
      { n: 'ＩＮＶ－１', k: 'inv-1', live: 1 },
    ]);
    expect(again.orderNumber).toBe('ＩＮＶ－１');
  });

  it('finds the holder of a number through the unique index of live keys, not by reading the orders', () => {
    const plan = all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT id FROM orders WHERE order_number_key = ? AND deleted_at IS NULL AND id <> ?`, 'inv-1', 'x').map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH orders USING INDEX orders_number_key_live \(order_number_key=\?\)$/)]);
  });

  const file = (name: string, lines: string[]) => {
    const path = join(app.dir, name);
    writeFileSync(path, lines.join('\n'));
    return path;
  };

  it('imports an invoice once however its number is typed: against the book and within the file', async () => {
    await app.call('orders:create', sale('INV-1'));
    const path = file('orders.csv', ['订单号,客户,日期,金额', 'inv-1,王芳,2026-11-02,50', 'B-7,王芳,2026-11-03,60', 'ｂ－７,王芳,2026-11-04,70', ' b-7 ,王芳,2026-11-05,80']);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create', onError: 'skip' });
    expect(result.errors.map((e) => [e.row, e.reason])).toEqual([[2, 'order_number_taken'], [4, 'order_number_taken'], [5, 'order_number_taken']]);
    expect(all(`SELECT order_number AS n, order_number_key AS k, amount_minor AS a FROM orders ORDER BY order_date`)).toEqual([
      { n: 'INV-1', k: 'inv-1', a: 10000 },
      { n: 'B-7', k: 'b-7', a: 6000 },
    ]);
  });

  it('joins the rows of one invoice typed two ways into one order of a lines file, and refuses its lines once it is in the book', async () => {
    await app.call('orders:create', sale('A-9'));
    const path = file('lines.csv', [
      'Invoice,客户,Date,Product,Quantity,Unit price',
      'T-1,王芳,2026-11-02,Tea,2,5',
      'ｔ－１,王芳,2026-11-02,Cups,1,3',
      'a-9,王芳,2026-11-02,Tea,1,5',
    ]);
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create', onError: 'skip' });
    expect(result.errors.map((e) => [e.row, e.reason])).toEqual([[4, 'order_number_taken']]);
    expect(all(`SELECT o.order_number AS n, o.amount_minor AS a, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS lines FROM orders o ORDER BY o.order_number`)).toEqual([
      { n: 'A-9', a: 10000, lines: 0 },
      { n: 'T-1', a: 1300, lines: 2 },
    ]);
  });
});
