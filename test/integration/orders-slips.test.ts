import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Slips an order form or a file lets through that leave a state the user did not mean: a due date before the
 * order's own date (overdue the moment it is saved), and a return of nothing. Each is refused, and nothing is written.
 */
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  customerId = (await app.call('customers:create', { name: '王五', contacts: [{ kind: 'phone', value: '13700137000' }] })).customer.id;
});
afterEach(() => app.cleanup());

const counts = () => app.db.$client.prepare(`SELECT count(*) AS orders, coalesce(sum(base_amount_minor), 0) AS revenue FROM orders WHERE deleted_at IS NULL`).get();

describe('slips refused before they are stored', () => {
  it('a due date before the order date, in the app; the same day and later are taken', async () => {
    const before = counts();
    const sale = { customerId, orderDate: '2026-11-10', currency: 'CNY', amount: '100' };
    expect(await app.dispatch('orders:create', { ...sale, payment: { status: 'unpaid', dueDate: '2026-11-01' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['payment', 'dueDate'], key: 'due_before_order', params: { date: '2026-11-10' } }] },
    });
    expect(counts()).toEqual(before);
    const same = await app.call('orders:create', { ...sale, payment: { status: 'unpaid', dueDate: '2026-11-10' } });
    expect(same.paymentDueDate).toBe('2026-11-10');
    // An edit that moves the due date before the order's date is refused too.
    expect(await app.dispatch('orders:update', { id: same.id, order: { ...sale, payment: { status: 'unpaid', dueDate: '2026-11-09' } } })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'due_before_order' }] },
    });
  });

  it('a due date before the order date, in an orders file: that row is rejected, the others imported', async () => {
    const path = join(app.dir, 'orders.csv');
    writeFileSync(path, 'Customer,Phone,Date,Amount,Currency,Paid,Due date\n王五,13700137000,2026-11-10,100,CNY,0,2026-11-01\n王五,13700137000,2026-11-10,50,CNY,0,2026-11-30\n');
    const preview = await app.call('import:preview', { kind: 'orders', source: { path }, dateOrder: 'ymd' });
    expect(preview).toMatchObject({ added: 1, rejected: 1 });
    expect(preview.errors).toMatchObject([{ row: 2, header: 'Due date', value: '2026-11-01', reason: 'due_before_order' }]);
  });

  it('a return of nothing, standalone or against a sale; a sale of 0 (a free order) is still taken', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-10', currency: 'CNY', amount: '100' });
    const before = counts();
    for (const input of [{ customerId, currency: 'CNY', amount: '0' }, { orderId: sale.id, amount: '0.00' }]) {
      expect(await app.dispatch('orders:return', input)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['amount'], key: 'return_amount_zero' }] } });
    }
    expect(counts()).toEqual(before);
    expect((await app.call('orders:create', { customerId, orderDate: '2026-11-11', currency: 'CNY', amount: '0' })).amountMinor).toBe(0);
  });
});
