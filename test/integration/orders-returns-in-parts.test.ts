import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A sale returned in parts must net out exactly as a sale returned at once: each return's base amount (and
 * cost) was converted on its own, so round(⅓ × ¥0.10) three times left a cent owed and overdue on a sale
 * that shows as paid, which no payment could clear (nothing is owed in its own currency).
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

/** Revenue, cost and what is owed over a customer's live orders, summed by plain SQL. */
function byHand(customerId: string) {
  return app.db.$client
    .prepare(
      `SELECT sum(amount_minor) AS amount, sum(base_amount_minor) AS base, sum(cost_minor) AS cost, sum(base_cost_minor) AS baseCost,
              (SELECT revenue_base_minor FROM customers WHERE id = @id) AS revenue
       FROM orders WHERE customer_id = @id AND deleted_at IS NULL`,
    )
    .get({ id: customerId }) as { amount: number; base: number; cost: number | null; baseCost: number | null; revenue: number };
}

describe('a sale returned in parts', () => {
  it('nets out to nothing owed and no revenue once all of it is back (JPY at a rate that rounds)', async () => {
    const customerId = (await app.call('customers:create', { name: '分次退货' })).customer.id;
    const sale = await app.call('orders:create', {
      customerId,
      orderDate: '2026-11-01',
      currency: 'JPY',
      amount: '3',
      fxRate: 0.033,
      payment: { status: 'unpaid', dueDate: '2026-11-15' },
    });
    expect(sale.baseAmountMinor).toBe(10);
    for (let i = 0; i < 3; i++) await app.call('orders:return', { orderId: sale.id, amount: '1', orderDate: '2026-11-02' });

    const list = await app.call('orders:list', { customerId });
    const after = list.orders.find((o) => o.id === sale.id)!;
    expect(after).toMatchObject({ returnedMinor: 3, balanceMinor: 0, baseBalanceMinor: 0, paymentStatus: 'paid', overdue: false });
    expect(list.balanceBaseMinor).toBe(0);
    expect(list.overdueBaseMinor).toBe(0);
    expect(byHand(customerId)).toMatchObject({ amount: 0, base: 0, revenue: 0 });
    expect((await app.call('customers:list', { payment: 'owes' })).rows.map((r) => r.id)).not.toContain(customerId);
    expect((await app.call('customers:list', { payment: 'overdue' })).rows.map((r) => r.id)).not.toContain(customerId);
    const today = await app.call('today:list', {});
    expect(today.items.filter((r) => r.customerId === customerId && r.reasons.some((reason) => reason.kind === 'payment'))).toEqual([]);
  });

  it('brings the cost back in slices that add up to the sale’s cost, in its currency and the base one', async () => {
    const customerId = (await app.call('customers:create', { name: 'Halves' })).customer.id;
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '10.00', fxRate: 7.1053, cost: '3.33' });
    expect(sale).toMatchObject({ baseAmountMinor: 7105, costMinor: 333, baseCostMinor: 2366 });
    const first = await app.call('orders:return', { orderId: sale.id, amount: '5.00', orderDate: '2026-11-02' });
    const second = await app.call('orders:return', { orderId: sale.id, amount: '5.00', orderDate: '2026-11-03' });
    // ¥71.05 in two halves: ¥35.53 (half of 71.05, rounded) and what is left, ¥35.52 — not ¥35.53 twice (−¥0.01 revenue).
    expect([first.baseAmountMinor, second.baseAmountMinor]).toEqual([-3553, -3552]);
    expect(first.costMinor! + second.costMinor!).toBe(-333);
    expect(byHand(customerId)).toEqual({ amount: 0, base: 0, cost: 0, baseCost: 0, revenue: 0 });
  });

  it('owes nothing in the base currency when nothing is owed in the sale’s own (the unpaid rest and the return round apart)', async () => {
    const customerId = (await app.call('customers:create', { name: 'Rounded apart' })).customer.id;
    // USD 10.00 at 7.1053 = ¥71.05; 8.24 paid leaves 1.76 = ¥12.51 (12.505), and returning those 1.76 takes back ¥12.50 of the sale.
    const sale = await app.call('orders:create', {
      customerId,
      orderDate: '2026-11-01',
      currency: 'USD',
      amount: '10.00',
      fxRate: 7.1053,
      payment: { status: 'part', paid: '8.24', dueDate: '2026-11-10' },
    });
    expect(sale.baseUnpaidMinor).toBe(1251);
    await app.call('orders:return', { orderId: sale.id, amount: '1.76', orderDate: '2026-11-02' });
    const list = await app.call('orders:list', { customerId });
    expect(list.orders.find((o) => o.id === sale.id)).toMatchObject({ balanceMinor: 0, baseBalanceMinor: 0, paymentStatus: 'paid' });
    expect([list.balanceBaseMinor, list.overdueBaseMinor]).toEqual([0, 0]);
    expect((await app.call('customers:list', { payment: 'overdue' })).rows.map((r) => r.id)).not.toContain(customerId);
    const today = await app.call('today:list', {});
    expect(today.items.filter((r) => r.customerId === customerId && r.reasons.some((reason) => reason.kind === 'payment'))).toEqual([]);
  });
});
