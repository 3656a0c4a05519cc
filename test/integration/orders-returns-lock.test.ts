import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

// A return is recorded in its sale's currency at the sale's locked rate, on or after the sale's day, so that
// returning everything nets the sale out in the base currency (CNY here). While returns stand, an edit of
// the sale may not move any of that from under them.
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  customerId = (await app.call('customers:create', { name: 'Acme Trading' })).customer.id;
  await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-10-01', rate: 7.2 });
  await app.call('fx:upsert', { currency: 'EUR', rateDate: '2026-10-01', rate: 7.8 });
});
afterEach(() => app.cleanup());

const stored = (id: string) =>
  app.db.$client.prepare('SELECT customer_id, order_date, amount_minor, currency, fx_rate, base_amount_minor, updated_at FROM orders WHERE id = ?').get(id);
const netBase = () => (app.db.$client.prepare('SELECT sum(base_amount_minor) AS n FROM orders WHERE deleted_at IS NULL').get() as { n: number }).n;
const edit = (id: string, changes: Record<string, unknown>) =>
  app.dispatch('orders:update', { id, order: { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '100', ...changes } });

describe('editing a sale with returns', () => {
  it('refuses another currency, another rate and a day after its first return, changing nothing', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '100' });
    await app.call('orders:return', { orderId: sale.id, amount: '40', orderDate: '2026-11-05' });
    await app.call('orders:return', { orderId: sale.id, amount: '10', orderDate: '2026-11-09' });
    const before = stored(sale.id);

    expect(await edit(sale.id, { currency: 'EUR', fxRate: 7.8 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['currency'], key: 'returns_lock_rate', params: { currency: 'USD', rate: 7.2 } }] },
    });
    expect(await edit(sale.id, { fxRate: 7.5 })).toMatchObject({ ok: false, error: { issues: [{ path: ['fxRate'], key: 'returns_lock_rate', params: { currency: 'USD', rate: 7.2 } }] } });
    expect(await edit(sale.id, { orderDate: '2026-11-06' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['orderDate'], key: 'order_after_return', params: { date: '2026-11-05' } }] },
    });
    // What is left to compare is in the sale's own currency, and the message says which.
    expect(await edit(sale.id, { amount: '49.99' })).toMatchObject({
      ok: false,
      error: { message: 'amount is less than what has already been returned of this order (50.00 USD)', issues: [{ key: 'amount_below_returns', params: { returned: '50.00', currency: 'USD' } }] },
    });
    expect(stored(sale.id)).toEqual(before);
  });

  it('takes the neighbouring edits: the same rate typed or left out (even after the FX table moved), a day up to the first return, an amount at what was returned', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '100' });
    await app.call('orders:return', { orderId: sale.id, amount: '40', orderDate: '2026-11-05' });
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-10-01', rate: 9 });

    expect(await edit(sale.id, { fxRate: 7.2, note: 'typed the same' })).toMatchObject({ ok: true, value: { fxRate: 7.2, baseAmountMinor: 72000 } });
    // Left out: the rate the returns were recorded at, not the table's 9.
    expect(await edit(sale.id, { orderDate: '2026-11-05', amount: '80' })).toMatchObject({ ok: true, value: { orderDate: '2026-11-05', fxRate: 7.2, baseAmountMinor: 57600 } });
    expect(await edit(sale.id, { orderDate: '2026-10-20', amount: '40' })).toMatchObject({ ok: true, value: { orderDate: '2026-10-20', amountMinor: 4000 } });
    // Everything returned nets the sale out exactly in the base currency.
    expect(netBase()).toBe(0);
    expect(stored(sale.id)).toMatchObject({ currency: 'USD', fx_rate: 7.2, base_amount_minor: 28800 });
  });

  it('takes a new currency once the returns are deleted, and then will not restore a return the sale no longer matches', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'USD', amount: '100' });
    const back = await app.call('orders:return', { orderId: sale.id, amount: '100', orderDate: '2026-11-05' });
    expect(netBase()).toBe(0);
    await app.call('orders:delete', { id: back.id });
    expect(await edit(sale.id, { currency: 'EUR' })).toMatchObject({ ok: true, value: { currency: 'EUR', fxRate: 7.8, baseAmountMinor: 78000 } });

    const beforeRestore = stored(back.id);
    expect(await app.dispatch('orders:restore', { id: back.id })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['id'], key: 'return_sale_repriced', params: { currency: 'EUR', rate: 7.8 } }] },
    });
    expect(stored(back.id)).toEqual(beforeRestore);
    expect(netBase()).toBe(78000);

    // Back in USD at its old rate but dated after the return: still not restored.
    expect(await edit(sale.id, { fxRate: 7.2, orderDate: '2026-11-06' })).toMatchObject({ ok: true });
    expect(await app.dispatch('orders:restore', { id: back.id })).toMatchObject({ ok: false, error: { issues: [{ path: ['id'], key: 'return_before_order', params: { date: '2026-11-06' } }] } });
    // On its old day it is the sale the return was recorded against again: restored, it nets out.
    expect(await edit(sale.id, { fxRate: 7.2 })).toMatchObject({ ok: true });
    await app.call('orders:restore', { id: back.id });
    expect(netBase()).toBe(0);
  });
});
