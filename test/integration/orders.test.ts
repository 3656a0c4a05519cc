import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n/resources';
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
    // Said as what it is: the amount alone is fine, the customer's total is not (the form and the CLI show this).
    expect(second).toMatchObject({ ok: false, error: { code: 'constraint', issues: [{ path: ['amount'], key: 'customer_total_too_large' }] } });
    expect(count()).toBe(1);
    expect(app.db.$client.prepare(`SELECT revenue_base_minor FROM customers WHERE id = ?`).pluck().get(customerId)).toBe(5_000_000_000_000_000);
    expect((await app.call('customers:get', { id: customerId })).name).toBe('Lukas Weber');
    const en = resources.errors.en.issue as Record<string, string>;
    const zh = resources.errors['zh-CN'].issue as Record<string, string>;
    expect([en.customer_total_too_large, zh.customer_total_too_large]).toEqual([
      "The customer's total would pass the largest sum that can be counted exactly (about 90 trillion in a currency with cents): the amount itself may be right",
      '该客户的累计金额会超过能精确计算的上限（两位小数的币种约 90 万亿）：这笔金额本身可能没有错',
    ]);
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
    ['-5', 'amount_negative'],
    ['-0.01', 'amount_negative'],
    ['1.234', 'amount_too_many_decimals'],
    ['99999999999999999999', 'amount_too_large'],
  ])('rejects the amount %j with %s and saves nothing', async (amount, key) => {
    const result = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', amount, currency: 'CNY' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['amount'], key }] } });
    expect(count()).toBe(0);
  });

  it('records a zero-value order (a free sample) as a purchase with no revenue', async () => {
    await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '0', currency: 'CNY' });
    await app.call('orders:create', { customerId, orderDate: '2026-11-02', amount: '0.00', currency: 'CNY' });
    const row = (await app.call('customers:list', {})).rows[0]!;
    const stored = app.db.$client.prepare('SELECT count(*) AS n, sum(base_amount_minor) AS total FROM orders WHERE customer_id = ?').get(customerId) as { n: number; total: number };
    expect([row.orderCount, row.revenueBaseMinor]).toEqual([stored.n, stored.total]);
    expect(stored).toEqual({ n: 2, total: 0 });
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

  it('keeps FX rates with the base they were entered against: no base change while rates exist, and no rate for the base', async () => {
    const rate = await app.call('fx:upsert', { currency: 'EUR', rateDate: '2026-01-01', rate: 7.8 });
    expect(await app.dispatch('settings:update', { baseCurrency: 'USD' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['baseCurrency'], key: 'base_currency_has_rates', params: { rates: 1, base: 'CNY' } }] },
    });
    expect(await app.dispatch('fx:upsert', { currency: 'CNY', rateDate: '2026-01-01', rate: 2 })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['currency'], key: 'fx_rate_of_base', params: { base: 'CNY' } }] },
    });
    const raw = app.db.$client;
    expect([raw.prepare(`SELECT base_currency FROM settings`).pluck().get(), raw.prepare(`SELECT count(*) FROM fx_rates WHERE deleted_at IS NULL`).pluck().get()]).toEqual(['CNY', 1]);
    // Once the rates are gone the base can change, and a rate is entered against the new one.
    await app.call('fx:delete', { id: rate.id });
    expect((await app.call('settings:update', { baseCurrency: 'USD' })).baseCurrency).toBe('USD');
    await app.call('fx:upsert', { currency: 'EUR', rateDate: '2026-01-01', rate: 1.1 });
    const order = await app.call('orders:create', { customerId, orderDate: '2026-11-01', amount: '100', currency: 'EUR' });
    expect(raw.prepare(`SELECT base_currency, base_amount_minor FROM orders WHERE id = ?`).raw().get(order.id)).toEqual(['USD', 11000]);
  });
});
