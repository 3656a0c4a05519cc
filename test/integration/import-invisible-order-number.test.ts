import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * An order number cell of nothing but characters that render as nothing (shared/domain/invisible.ts) looks empty in
 * the file, and is no number: the order is imported without one, as the order form stores it, rather than under a
 * number whose key is empty, which every other such cell would then collide with.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
  await app.call('customers:create', { name: '张三' });
});
afterEach(() => app.cleanup());

describe('an order number that shows nothing', () => {
  it('is no number: each such row is an order of its own, stored without a number', async () => {
    const path = join(app.dir, 'orders.csv');
    // A soft hyphen; a variation selector with an invisible separator; a visible number with a soft hyphen in it.
    const numbers = ['\u00AD', '\uFE0F\u2063', 'INV\u00AD-7'];
    writeFileSync(path, ['客户名称,下单日期,金额,单号', ...numbers.map((n, i) => `张三,2026-03-0${i + 1},${100 * (i + 1)},${n}`)].join('\n'));
    const result = await app.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(result).toMatchObject({ added: 3, rejected: 0 });
    const stored = app.db.$client.prepare(`SELECT order_number AS number, order_number_key AS key FROM orders WHERE deleted_at IS NULL ORDER BY order_date`).all();
    expect(stored).toEqual([
      { number: null, key: null },
      { number: null, key: null },
      { number: 'INV\u00AD-7', key: 'inv-7' },
    ]);
  });
});
