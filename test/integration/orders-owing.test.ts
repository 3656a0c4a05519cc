import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

// Today is 2026-11-23; the base currency is CNY.
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const customer = async (name: string) => (await app.call('customers:create', { name })).customer.id;
const sale = (customerId: string, amount: string, payment?: { status: 'paid' | 'unpaid' | 'part'; paid?: string; dueDate?: string }, currency = 'CNY') =>
  app.call('orders:create', { customerId, orderDate: '2026-10-01', currency, amount, payment });

/** Who owes, and who is overdue, counted by hand from the orders table (balance = unpaid + returns, at least 0). */
function byHand(today: string) {
  const rows = app.db.$client
    .prepare(
      `SELECT o.customer_id AS id, o.payment_due_date AS due,
              o.base_unpaid_minor + coalesce((SELECT sum(r.base_amount_minor) FROM orders r WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0) AS balance
       FROM orders o WHERE o.kind = 'sale' AND o.deleted_at IS NULL`,
    )
    .all() as { id: string; due: string | null; balance: number }[];
  const owing = rows.filter((r) => r.balance > 0);
  return {
    owes: [...new Set(owing.map((r) => r.id))].sort(),
    overdue: [...new Set(owing.filter((r) => r.due !== null && r.due < today).map((r) => r.id))].sort(),
    overdueAmount: (id: string) => owing.filter((r) => r.id === id && r.due !== null && r.due < today).reduce((s, r) => s + r.balance, 0),
  };
}

describe('who owes money', () => {
  it('filters the customer list by "owes money" and "payment overdue" (due before today, the local day)', async () => {
    const paid = await customer('付清');
    const owes = await customer('欠款未到期');
    const overdue = await customer('欠款逾期');
    const dueToday = await customer('今天到期');
    const returned = await customer('退货抵欠款');
    await sale(paid, '100');
    await sale(owes, '100', { status: 'part', paid: '40', dueDate: '2026-12-01' });
    await sale(overdue, '100', { status: 'unpaid', dueDate: '2026-11-22' });
    await sale(dueToday, '100', { status: 'unpaid', dueDate: '2026-11-23' });
    const r = await sale(returned, '100', { status: 'unpaid', dueDate: '2026-11-01' });
    await app.call('orders:return', { orderId: r.id, orderDate: '2026-11-02' });

    const ids = async (payment: 'owes' | 'overdue') => (await app.call('customers:list', { payment })).rows.map((row) => row.id).sort();
    const hand = byHand('2026-11-23');
    expect(await ids('owes')).toEqual(hand.owes);
    expect(await ids('owes')).toEqual([owes, overdue, dueToday].sort());
    expect(await ids('overdue')).toEqual(hand.overdue);
    expect(await ids('overdue')).toEqual([overdue]);
    expect((await app.call('customers:list', { payment: 'overdue' })).total).toBe(1);
    // Export of the filtered list writes the same customers.
    const { join } = await import('node:path');
    const { readFileSync } = await import('node:fs');
    const path = join(app.dir, 'owing.csv');
    const exported = await app.call('export:customers', { path, language: 'en', filter: { payment: 'owes' } });
    expect(exported.rows).toBe(hand.owes.length);
    expect(readFileSync(path, 'utf8')).toContain('欠款逾期');
    expect(readFileSync(path, 'utf8')).not.toContain('付清');
    // Paying the overdue balance takes the customer off both lists.
    const [debt] = (await app.call('orders:list', { customerId: overdue })).orders;
    await app.call('orders:record-payment', { id: debt!.id });
    expect(await ids('overdue')).toEqual([]);
    expect(await ids('owes')).toEqual([owes, dueToday].sort());
  });

  it('lists overdue payments on Today with the amount owed and the days overdue, in the base currency', async () => {
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-01-01', rate: 7.2 });
    const late = await customer('拖欠客户');
    await sale(late, '100', { status: 'part', paid: '30', dueDate: '2026-11-13' });
    await sale(late, '50', { status: 'unpaid', dueDate: '2026-11-20' }, 'USD');
    await sale(late, '999', { status: 'unpaid', dueDate: '2026-12-20' });
    const onTime = await customer('按时客户');
    await sale(onTime, '80', { status: 'unpaid', dueDate: '2026-11-23' });

    const list = await app.call('today:list', {});
    const item = list.items.find((i) => i.customerId === late)!;
    const reason = item.reasons.find((r) => r.key === 'payment_overdue')!;
    // 70.00 CNY + 50 USD × 7.2 = 360.00 CNY owed past due; the oldest due date 2026-11-13 is 10 days ago.
    expect(reason.params).toEqual({ date: '2026-11-13', days: 10, amountMinor: 7000 + 36000, currency: 'CNY' });
    expect(reason.params.amountMinor).toBe(byHand('2026-11-23').overdueAmount(late));
    expect(reason.kind).toBe('payment');
    expect(list.items.some((i) => i.customerId === onTime && i.reasons.some((r) => r.key === 'payment_overdue'))).toBe(false);
    expect(list.counts.payment).toBe(list.items.filter((i) => i.kind === 'payment').length);

    const { reasonText } = await import('../../shared/today/reason-text');
    expect(reasonText(reason, '2026-11-23')).toBe('Owes 430.00 CNY · due Nov 13 · 10 days overdue');
  });
});
