import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Amounts of 16 digits and more, up to the largest storable (2^53 − 1 minor units), go out and come back to the
 * cent: they were divided as floats on export and read back at 15 digits, a cent off, without a word.
 */
let source: TestApp;
let target: TestApp;
const AMOUNTS = { 最大: '90071992547409.91', 大额: '12345678901234.56', 小额: '1234.50', 科威特: '1.234' } as const;
beforeEach(async () => {
  source = openTestApp();
  target = openTestApp();
  for (const app of [source, target]) {
    await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
    await app.call('fx:upsert', { currency: 'KWD', rateDate: '2020-01-01', rate: 23 });
  }
  let phone = 13800138000;
  for (const [name, amount] of Object.entries(AMOUNTS)) {
    const { customer } = await source.call('customers:create', { name, contacts: [{ kind: 'phone', value: String(phone++) }] });
    const order = await source.call('orders:create', { customerId: customer.id, orderDate: '2024-02-29', amount, currency: name === '科威特' ? 'KWD' : 'CNY', payment: name === '小额' ? { status: 'part', paid: '0.01', dueDate: '2024-12-31' } : undefined });
    // A payment recorded since (a row of its own): what the order still owes goes out and comes back as that.
    if (name === '小额') await source.call('orders:record-payment', { id: order.id, amount: '234.49' });
  }
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

const perCustomer = (app: TestApp) =>
  app.db.$client
    .prepare(`SELECT c.name, count(o.id) AS n, sum(o.amount_minor) AS amount, sum(o.base_amount_minor) AS base, sum(o.unpaid_minor) AS unpaid, c.revenue_base_minor AS revenue
      FROM customers c JOIN orders o ON o.customer_id = c.id AND o.deleted_at IS NULL GROUP BY c.id ORDER BY c.name`)
    .all();

describe('the largest amounts through an export and back', () => {
  it.each(['csv', 'xlsx'] as const)('.%s: every order comes back to the cent', async (format) => {
    const expected = perCustomer(source);
    expect(expected).toContainEqual(expect.objectContaining({ name: '最大', amount: Number.MAX_SAFE_INTEGER }));
    expect(expected).toContainEqual(expect.objectContaining({ name: '小额', unpaid: 123450 - 1 - 23449 }));
    for (const [channel, kind] of [['export:customers', 'customers'], ['export:orders', 'orders']] as const) {
      const path = join(source.dir, `${kind}.${format}`);
      await source.call(channel, { path, language: 'en' });
      expect((await target.call('import:commit', { kind, source: { path } })).added).toBe(4);
    }
    expect(perCustomer(target)).toEqual(expected);
  });

  it('writes them exactly: the CSV as the decimal, the workbook as numbers up to 15 digits and as text past them', async () => {
    const csv = join(source.dir, 'orders.csv');
    await source.call('export:orders', { path: csv, language: 'en' });
    const text = readFileSync(csv, 'utf8');
    for (const amount of Object.values(AMOUNTS)) expect(text).toContain(`,${amount},`);
    const xlsx = join(source.dir, 'orders.xlsx');
    await source.call('export:orders', { path: xlsx, language: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const amountAt = (sheet.getRow(1).values as unknown[]).indexOf('Amount');
    const cells = sheet.getRows(2, 4)!.map((r) => r.getCell(amountAt).value);
    expect(cells.sort((a, b) => String(a).localeCompare(String(b)))).toEqual([1.234, 1234.5, '12345678901234.56', '90071992547409.91']);
  });
});
