import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api/client';
import { errorText } from '../../renderer/components/errors';
import { setupI18n } from '../../renderer/i18n';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * An amount with more decimals than its currency takes says which currency and how many it takes: none for JPY, three
 * for KWD, in the app (both languages) and on the command line, for an order's amount and a line's unit price.
 */
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { baseCurrency: 'CNY' });
  customerId = (await app.call('customers:create', { name: 'Lukas Weber' })).customer.id;
});
afterEach(() => app.cleanup());

const refusal = async (input: Record<string, unknown>) => {
  const result = await app.dispatch('orders:create', { customerId, orderDate: '2026-11-01', fxRate: 0.05, ...input });
  if (result.ok) throw new Error('the order was saved');
  return result.error;
};

describe('too many decimals for the currency', () => {
  it('names the currency and its decimals, in Chinese and in English', async () => {
    const yen = await refusal({ amount: '1200.5', currency: 'JPY' });
    expect(yen.issues).toEqual([{ path: ['amount'], key: 'amount_too_many_decimals', params: { value: '1200.5', currency: 'JPY', digits: '0' } }]);
    const dinar = await refusal({ currency: 'KWD', lines: [{ sku: null, name: '椰枣', quantity: 1, unitPrice: '0.0005' }] });
    expect(dinar.issues).toEqual([{ path: ['lines', 0, 'unitPrice'], key: 'amount_too_many_decimals', params: { value: '0.0005', currency: 'KWD', digits: '3' } }]);
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(errorText(new ApiError(yen), i18next.t)).toBe('小数位数超过 JPY 允许的位数（最多 0 位）');
    expect(errorText(new ApiError(dinar), i18next.t)).toBe('小数位数超过 KWD 允许的位数（最多 3 位）');
    await i18next.changeLanguage('en');
    expect(errorText(new ApiError(yen), i18next.t)).toBe('More decimals than JPY takes (0 at most)');
    expect(app.db.$client.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);
  });

  it('says the same on the command line', () => {
    const run = cli('orders', 'add', '--db', app.dbPath, '--customer', customerId, '--date', '2026-11-01', '--currency', 'JPY', '--fx-rate', '0.05', '--amount', '1200.5');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--amount has more decimals than JPY takes (0 at most)');
  });
});

describe('amounts typed on the command line as the order form takes them', () => {
  it('reads grouping commas and full-width digits, refuses a decimal comma, and prints the locked rate as a decimal', () => {
    const add = (...flags: string[]) => cli('orders', 'add', '--db', app.dbPath, '--customer', customerId, '--date', '2026-11-01', ...flags);
    const grouped = add('--currency', 'CNY', '--amount', '1,234.50');
    expect(grouped.code, grouped.stderr).toBe(0);
    // A line's unit price as well: 2 × 1,000.50.
    const line = add('--currency', 'CNY', '--line', '|茶|2|１，０００.５');
    expect(line.code, line.stderr).toBe(0);
    const comma = add('--currency', 'CNY', '--amount', '12,50');
    expect(comma.code).toBe(2);
    expect(comma.stderr).toContain('--amount');
    const small = add('--currency', 'USD', '--fx-rate', '0.0000001', '--amount', '74,402,330.25');
    expect(small.code, small.stderr).toBe(0);
    expect(small.stdout).toContain('at 0.0000001)');
    const rows = app.db.$client.prepare(`SELECT amount_minor AS amount, base_amount_minor AS base FROM orders ORDER BY amount_minor`).all();
    // 2 × 1,000.50 CNY; 74,402,330.25 USD × 0.0000001 = 7.440233025 CNY → 7.44.
    expect(rows).toEqual([
      { amount: 123450, base: 123450 },
      { amount: 200100, base: 200100 },
      { amount: 7440233025, base: 744 },
    ]);
  });
});
