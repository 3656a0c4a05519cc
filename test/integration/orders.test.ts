import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp();
  customerId = (await app.call('customers:create', { name: 'Lukas Weber' })).customer.id;
});
afterEach(() => app.cleanup());

const count = () => app.db.$client.prepare('SELECT count(*) FROM orders').pluck().get();

describe('orders', () => {
  it('stores amounts as integer minor units of their own currency', async () => {
    const cny = await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '1234.5', currency: 'cny' });
    expect([cny.amountMinor, cny.currency, cny.fxRate, cny.baseAmountMinor]).toEqual([123450, 'CNY', 1, 123450]);
    await app.call('fx:upsert', { currency: 'JPY', rateDate: '2026-01-01', rate: 0.048 });
    const jpy = await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '10000', currency: 'JPY' });
    // ¥10,000 JPY × 0.048 = ¥480.00 CNY
    expect([jpy.amountMinor, jpy.baseAmountMinor]).toEqual([10000, 48000]);
  });

  it('locks the FX rate in force on the order date, and keeps it when the table changes later', async () => {
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-10-01', rate: 7.1 });
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-11-01', rate: 7.2 });
    const october = await app.call('orders:create', { customerId, orderDate: '2026-10-31', amount: '100', currency: 'USD' });
    const november = await app.call('orders:create', { customerId, orderDate: '2026-11-15', amount: '100', currency: 'USD' });
    expect([october.fxRate, october.baseAmountMinor]).toEqual([7.1, 71000]);
    expect([november.fxRate, november.baseAmountMinor]).toEqual([7.2, 72000]);
    await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-10-01', rate: 9 });
    expect((await app.call('orders:list', { customerId })).orders.map((o) => o.baseAmountMinor)).toEqual([71000, 72000]);
    const entered = await app.call('orders:create', { customerId, orderDate: '2026-11-15', amount: '100', currency: 'USD', fxRate: 7.25 });
    expect(entered.baseAmountMinor).toBe(72500);
  });

  it('refuses rates and amounts whose base amount no number holds exactly, before anything is stored', async () => {
    const huge = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount: '12', currency: 'USD', fxRate: 1e300 });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['fxRate'], key: 'rate_out_of_range' }] } });
    const tiny = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount: '12', currency: 'USD', fxRate: 1e-12 });
    expect(tiny).toMatchObject({ ok: false, error: { issues: [{ path: ['fxRate'], key: 'rate_out_of_range' }] } });
    expect(await app.dispatch('fx:upsert', { currency: 'USD', rateDate: '2026-01-01', rate: 1e300 })).toMatchObject({ ok: false, error: { issues: [{ path: ['rate'], key: 'rate_out_of_range' }] } });
    // Each within bounds, the product beyond 2^53.
    const product = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount: '9000000000000', currency: 'USD', fxRate: 1e6 });
    expect(product).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['amount'], key: 'amount_too_large' }] } });
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount: '100000000000000000000', currency: 'CNY' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['amount'], key: 'amount_too_large' }] },
    });
    expect(count()).toBe(0);
    // The largest rate still converts exactly.
    const top = await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '1', currency: 'USD', fxRate: 1e9 });
    expect(top.baseAmountMinor).toBe(100_000_000_000);
  });

  it('refuses a second order that would take the customer’s revenue past what a number holds exactly, keeping the first', async () => {
    await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '50000000000000', currency: 'CNY' });
    const second = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-02', amount: '50000000000000', currency: 'CNY' });
    expect(second).toMatchObject({ ok: false, error: { code: 'constraint', issues: [{ key: 'amount_too_large' }] } });
    expect(count()).toBe(1);
    expect((await app.call('customers:get', { id: customerId })).name).toBe('Lukas Weber');
  });

  it('refuses a foreign order without a rate and says how to fix it', async () => {
    const result = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount: '100', currency: 'EUR' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['fxRate'], key: 'no_fx_rate', params: { currency: 'EUR', date: '2026-11-01' } }] } });
    expect(count()).toBe(0);
  });

  it.each([
    ['abc', 'invalid_amount'],
    ['12,3x', 'invalid_amount'],
    ['', 'required'],
    ['-5', 'amount_not_positive'],
    ['0', 'amount_not_positive'],
    ['1.234', 'amount_too_many_decimals'],
    ['99999999999999999999', 'amount_too_large'],
  ])('rejects the amount %j with %s and saves nothing', async (amount, key) => {
    const result = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount, currency: 'CNY' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['amount'], key }] } });
    expect(count()).toBe(0);
  });

  it('rejects impossible dates and unknown currencies', async () => {
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-02-30', amount: '1', currency: 'CNY' })).toMatchObject({ ok: false, error: { issues: [{ path: ['orderDate'], key: 'invalid_date' }] } });
    expect(await app.dispatch('orders:create', { customerId, orderDate: '2026-02-03', amount: '1', currency: 'XYZ' })).toMatchObject({ ok: false, error: { issues: [{ path: ['currency'], key: 'invalid_currency' }] } });
    expect(count()).toBe(0);
  });

  it('keeps the customer figures in step through create, edit, delete and undo', async () => {
    const order = await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '100', currency: 'CNY' });
    await app.call('orders:create', { customerId, orderDate: '2026-11-05', amount: '50.50', currency: 'CNY' });
    const row = async () => (await app.call('customers:list', {})).rows[0]!;
    expect([(await row()).orderCount, (await row()).revenueBaseMinor]).toEqual([2, 15050]);
    await app.call('orders:update', { id: order.id, order: { customerId, orderDate: '2026-11-01', amount: '200', currency: 'CNY' } });
    expect((await row()).revenueBaseMinor).toBe(25050);
    await app.call('orders:delete', { id: order.id });
    expect([(await row()).orderCount, (await row()).revenueBaseMinor]).toEqual([1, 5050]);
    await app.call('orders:restore', { id: order.id });
    expect((await row()).revenueBaseMinor).toBe(25050);
  });

  it('locks the base currency once orders exist', async () => {
    await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '1', currency: 'CNY' });
    expect(await app.dispatch('settings:update', { baseCurrency: 'USD' })).toMatchObject({ ok: false, error: { issues: [{ path: ['baseCurrency'], key: 'base_currency_locked' }] } });
    expect((await app.call('settings:get', {})).baseCurrency).toBe('CNY');
  });
});
