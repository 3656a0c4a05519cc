import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let zhang: string;
let hans: string;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
  zhang = (await app.call('customers:create', { name: '张三', company: '佳美', contacts: [{ kind: 'phone', value: '13800138000' }] })).customer.id;
  hans = (await app.call('customers:create', { name: 'Hans Müller', company: 'Müller GmbH', country: 'DE', contacts: [{ kind: 'phone', value: '+49 30 1234567' }] })).customer.id;
  await app.call('fx:upsert', { currency: 'EUR', rateDate: '2024-01-01', rate: 7.8 });
});
afterEach(() => app.cleanup());

const file = (name: string, content: string | Buffer) => {
  const path = join(app.dir, name);
  writeFileSync(path, content);
  return path;
};

describe('importing orders and follow-ups', () => {
  it('reads a European ";" file with 1.234,50 amounts and day-first dates, links by phone and locks the FX rate', async () => {
    const path = file('bestellungen.csv', ['Customer;Phone;Order date;Amount;Currency;Note', 'Hans Müller;+49 30 1234567;05.03.2024;1.234,50;EUR;erste', 'Hans Müller;+49 30 1234567;13.03.2024;99,90 €;;zweite'].join('\n'));
    const result = await app.call('import:commit', { kind: 'orders', source: { path } });
    expect(result).toMatchObject({ delimiter: ';', added: 2, rejected: 0, inferred: { decimal: ',', dateOrder: { date: 'dmy' } } });
    const orders = (await app.call('orders:list', { customerId: hans })).orders;
    expect(orders.map((o) => [o.orderDate, o.amountMinor, o.currency, o.fxRate, o.baseAmountMinor, o.note])).toEqual([
      ['2024-03-05', 123450, 'EUR', 7.8, 962910, 'erste'],
      ['2024-03-13', 9990, 'EUR', 7.8, 77922, 'zweite'],
    ]);
    const row = (await app.call('customers:list', { search: 'hans' })).rows[0]!;
    expect(row).toMatchObject({ orderCount: 2, revenueBaseMinor: 962910 + 77922 });
  });

  it('reads an .xlsx workbook with typed date and number cells; unknown customers are rejected or created as chosen', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['客户名称', '公司名称', '下单日期', '订单金额', '币种']);
    sheet.addRow(['张三', '佳美', new Date(Date.UTC(2025, 0, 15)), 1200.5, 'CNY']);
    sheet.addRow(['陌生人', '', new Date(Date.UTC(2025, 1, 1)), 88, '人民币']);
    const path = join(app.dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(path);

    const rejected = await app.call('import:preview', { kind: 'orders', source: { path } });
    expect(rejected).toMatchObject({ format: 'xlsx', encoding: null, added: 1, rejected: 1 });
    expect(rejected.errors).toMatchObject([{ row: 3, header: '客户名称', value: '陌生人', reason: 'unknown_customer' }]);

    const created = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(created).toMatchObject({ added: 2, customersCreated: 1, rejected: 0 });
    expect((await app.call('orders:list', { customerId: zhang })).orders.map((o) => [o.orderDate, o.amountMinor])).toEqual([['2025-01-15', 120050]]);
    const stranger = (await app.call('customers:list', { search: '陌生人' })).rows[0]!;
    expect(stranger).toMatchObject({ orderCount: 1, revenueBaseMinor: 8800 });

    const undo = await app.call('import:undo', { batchId: created.batchId! });
    expect(undo).toMatchObject({ customersRemoved: 1, ordersRemoved: 2 });
    expect((await app.call('customers:list', { search: '张三' })).rows[0]).toMatchObject({ orderCount: 0, revenueBaseMinor: 0 });
    expect((await app.call('customers:list', { search: '陌生人' })).total).toBe(0);
  });

  it('reports an order in a currency with no rate, at its column, instead of inventing one', async () => {
    const path = file('usd.csv', ['客户,金额,币种,日期', '张三,100,USD,2025-01-02', '张三,5,CNY,2025-01-02'].join('\n'));
    const result = await app.call('import:preview', { kind: 'orders', source: { path } });
    expect(result).toMatchObject({ added: 1, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ row: 2, header: '币种', value: 'USD', reason: 'no_fx_rate' });
  });

  it('names the amount that carries the currency when the row leaves the currency column blank', async () => {
    const path = file('usd-symbol.csv', ['客户,金额,币种,日期', '张三,US$ 100,,2025-01-02', '张三,5,CNY,2025-01-02'].join('\n'));
    const result = await app.call('import:preview', { kind: 'orders', source: { path } });
    expect(result).toMatchObject({ added: 1, rejected: 1 });
    // Pointing at the blank 币种 cell said neither where the currency came from nor which one it was.
    expect(result.errors[0]).toMatchObject({ row: 2, header: '金额', value: 'US$ 100', reason: 'no_fx_rate' });
    expect(result.errors[0]!.message).toBe('Row 2, column "金额" "US$ 100": has no exchange rate to the base currency on or before the order date; add an FX rate column, or the rate under FX rates in the app.');
  });

  it('reports amounts and rates too large to store exactly as row errors, and never stores a float', async () => {
    const path = file('huge.csv', [
      '客户,金额,币种,日期,汇率',
      '张三,99999999999999999999,CNY,2025-01-02,',
      '张三,90000000000000,EUR,2025-01-02,',
      '张三,100,EUR,2025-01-02,1e300',
      '张三,100,EUR,2025-01-02,7.5',
    ].join('\n'));
    const result = await app.call('import:preview', { kind: 'orders', source: { path } });
    expect(result).toMatchObject({ added: 1, rejected: 3 });
    expect(result.errors.map((e) => [e.row, e.reason])).toEqual([[2, 'amount_too_large'], [3, 'amount_too_large'], [4, 'invalid_rate']]);
    const committed = await app.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(committed).toMatchObject({ added: 1, rejected: 3 });
    expect(app.db.$client.prepare(`SELECT count(*) FROM orders WHERE typeof(amount_minor) <> 'integer' OR typeof(base_amount_minor) <> 'integer'`).pluck().get()).toBe(0);
    expect((await app.call('orders:list', { customerId: zhang })).orders.map((o) => [o.amountMinor, o.fxRate, o.baseAmountMinor])).toEqual([[10000, 7.5, 75000]]);
  });

  it('rejects the row that would take a customer’s revenue past what a number holds exactly, naming it', async () => {
    await app.call('orders:create', { customerId: hans, orderDate: '2025-01-01', amount: '45000000000000', currency: 'CNY' });
    const path = file('sum.csv', ['客户,金额,币种,日期', '张三,50000000000000,CNY,2025-01-02', '张三,50000000000000,CNY,2025-01-03', 'Hans Müller,50000000000000,CNY,2025-01-04', 'Hans Müller,1,CNY,2025-01-05'].join('\n'));
    const preview = await app.call('import:preview', { kind: 'orders', source: { path } });
    // Each amount alone is fine: the refusal says it is the customer's total that would not fit.
    expect(preview.errors.map((e) => [e.row, e.reason])).toEqual([[3, 'customer_total_too_large'], [4, 'customer_total_too_large']]);
    // The CLI and the rejects file show this English text: a sentence, not the reason's code.
    const totalTooLarge = "would bring the customer's total past the largest sum that can be counted exactly (about 90 trillion in a currency with cents)";
    expect(preview.errors.map((e) => e.message)).toEqual([`Row 3, column "金额" "50000000000000": ${totalTooLarge}.`, `Row 4, column "金额" "50000000000000": ${totalTooLarge}.`]);
    expect(await app.dispatch('import:commit', { kind: 'orders', source: { path } })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ key: 'import_rows_rejected' }] } });
    expect((await app.call('orders:list', { customerId: zhang })).orders).toEqual([]);
    expect(await app.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' })).toMatchObject({ added: 2, rejected: 2 });
    expect((await app.call('customers:get', { id: zhang })).id).toBe(zhang);
    const revenue = app.db.$client.prepare('SELECT id, revenue_base_minor FROM customers WHERE id IN (?, ?) ORDER BY name').all(zhang, hans);
    expect(revenue).toEqual([{ id: hans, revenue_base_minor: 4_500_000_000_000_000 + 100 }, { id: zhang, revenue_base_minor: 5_000_000_000_000_000 }]);
  });

  it('imports follow-ups linked by name + company; a later imported contact closes the earlier reminder', async () => {
    const path = file('跟进.csv', [
      '客户名称,公司名称,跟进时间,跟进方式,跟进内容,意向,满意度,下次联系日期',
      '张三,佳美,2026-11-01 10:00,电话,报价,有意向,4,2026-11-10',
      '张三,佳美,2026-11-12 15:30,拜访,签约,有意向,5,2026-12-01',
    ].join('\n'));
    const result = await app.call('import:commit', { kind: 'followups', source: { path } });
    expect(result).toMatchObject({ added: 2, rejected: 0 });
    const list = (await app.call('followups:list', { customerId: zhang })).followUps;
    expect(list.map((f) => [f.channel, f.intent, f.satisfaction, f.nextContactDate, f.done])).toEqual(
      expect.arrayContaining([
        ['call', 'interested', 4, '2026-11-10', true],
        ['visit', 'interested', 5, '2026-12-01', false],
      ]),
    );
    expect((await app.call('customers:list', { search: '张三' })).rows[0]!.nextContactDate).toBe('2026-12-01');
    await app.call('import:undo', { batchId: result.batchId! });
    expect((await app.call('followups:list', { customerId: zhang })).followUps).toEqual([]);
    expect((await app.call('customers:list', { search: '张三' })).rows[0]!).toMatchObject({ nextContactDate: null, lastContactAt: null });
  });
});
