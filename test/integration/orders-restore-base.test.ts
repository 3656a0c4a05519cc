import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

// The base currency may change while only deleted orders exist. Their stored base amounts are in the old
// base, so restoring one under the new base would sum USD 780.00 as ¥780 (78000 minor units) into revenue.
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('settings:update', { baseCurrency: 'USD' });
  customerId = (await app.call('customers:create', { name: 'Harbour Supplies' })).customer.id;
});
afterEach(() => app.cleanup());

const state = () => ({
  orders: app.db.$client.prepare('SELECT id, deleted_at, base_currency, base_amount_minor, updated_at FROM orders ORDER BY id').all(),
  figures: app.db.$client.prepare('SELECT order_count, revenue_base_minor FROM customers WHERE id = ?').get(customerId),
});

describe('restoring an order after the base currency changed', () => {
  it('refuses an order (sale or return) stored in another base currency, changing nothing', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '780' });
    const back = await app.call('orders:return', { orderId: sale.id, amount: '80', orderDate: '2026-11-02' });
    await app.call('orders:delete', { id: back.id });
    await app.call('orders:delete', { id: sale.id });
    await app.call('settings:update', { baseCurrency: 'CNY' });
    const before = state();

    const refused = { ok: false, error: { code: 'invalid_input', issues: [{ path: ['id'], key: 'order_other_base_currency', params: { stored: 'USD', base: 'CNY' } }] } };
    expect(await app.dispatch('orders:restore', { id: sale.id })).toMatchObject(refused);
    expect(await app.dispatch('orders:restore', { id: back.id })).toMatchObject(refused);
    expect(state()).toEqual(before);
    expect(state().figures).toEqual({ order_count: 0, revenue_base_minor: 0 });
  });

  it('restores orders stored in the current base, including after the base went back to theirs', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '780' });
    await app.call('orders:delete', { id: sale.id });
    await app.call('orders:restore', { id: sale.id });
    expect(state().figures).toEqual({ order_count: 1, revenue_base_minor: 78000 });

    await app.call('orders:delete', { id: sale.id });
    await app.call('settings:update', { baseCurrency: 'CNY' });
    await app.call('settings:update', { baseCurrency: 'USD' });
    expect(await app.dispatch('orders:restore', { id: sale.id })).toMatchObject({ ok: true, value: { baseCurrency: 'USD', baseAmountMinor: 78000 } });
    expect(state().figures).toEqual({ order_count: 1, revenue_base_minor: 78000 });
  });
});
