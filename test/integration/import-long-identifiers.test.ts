import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Codes, order numbers and SKUs are text however digit-like. A spreadsheet that took such a column for numbers has lost
 * their last digits (1.23457E+17 in a CSV it saved, a number past 2^53 in a workbook): those rows are refused with the
 * reason, where they were stored as other codes and numbers without a word. Exact ones come back exactly.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
});
afterEach(() => app.cleanup());

const codes = () => app.db.$client.prepare(`SELECT name, code FROM customers ORDER BY name`).all();
const orders = () => app.db.$client.prepare(`SELECT order_number AS number, (SELECT group_concat(sku) FROM order_lines l WHERE l.order_id = o.id) AS skus FROM orders o ORDER BY order_number`).all();

describe('long digit-like identifiers', () => {
  it('a CSV Excel saved with codes and order numbers in scientific notation: those rows are refused, naming the column; the others kept exactly', async () => {
    const customers = join(app.dir, 'customers.csv');
    writeFileSync(customers, '\uFEFF客户编号;客户名称\r\n1.23457E+17;甲\r\n007;乙\r\n12345678901234567890;丙\r\n');
    const c = await app.call('import:commit', { kind: 'customers', source: { path: customers }, onError: 'skip' });
    expect(c.errors.map((e) => [e.row, e.header, e.value, e.reason])).toEqual([[2, '客户编号', '1.23457E+17', 'id_scientific']]);
    expect(c.errors[0]!.message).toMatch(/scientific notation.*format the column as Text/);
    expect(codes()).toEqual([
      { name: '丙', code: '12345678901234567890' },
      { name: '乙', code: '007' },
    ]);

    const lines = join(app.dir, 'lines.csv');
    writeFileSync(lines, 'Order number,Customer code,Order date,SKU,Product,Quantity,Unit price\r\n1.23457E+17,007,2024-02-29,A1,茶,1,5\r\n000123456789012345678,007,2024-02-29,9.87654E+20,茶,1,5\r\n000123456789012345679,007,2024-02-29,0042,茶,1,5\r\n');
    const o = await app.call('import:commit', { kind: 'orders', source: { path: lines }, onError: 'skip' });
    expect(o.errors.map((e) => [e.row, e.header, e.reason])).toEqual([
      [2, 'Order number', 'id_scientific'],
      [3, 'SKU', 'id_scientific'],
    ]);
    expect(orders()).toEqual([{ number: '000123456789012345679', skus: '0042' }]);
  });

  it('a workbook whose column holds them as numbers: one past 2^53 is refused, a smaller one read as its digits', async () => {
    const path = join(app.dir, 'orders.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Orders');
    sheet.addRow(['单号', '客户编号', '客户名称', '下单日期', '金额']);
    sheet.addRow([123456789012345680, 7, '甲', '2024-02-29', 10]);
    sheet.addRow([9007199254740991, 123456789012345680, '乙', '2024-02-29', 10]);
    sheet.addRow([42, 8, '丙', '2024-02-29', 10]);
    await workbook.xlsx.writeFile(path);
    const o = await app.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip', unknownCustomers: 'create' });
    expect(o.errors.map((e) => [e.row, e.header, e.reason])).toEqual([
      [2, '单号', 'id_scientific'],
      [3, '客户编号', 'id_scientific'],
    ]);
    expect(orders()).toEqual([{ number: '42', skus: null }]);
    expect(codes()).toEqual([{ name: '丙', code: '8' }]);
  });
});

describe('codes that only look like scientific notation', () => {
  it('product codes, order numbers and customer codes such as 1E5, 2E-3, 12E34 or 3e10 are kept as typed; what a program writes for a long number (a one-digit mantissa, a signed exponent of two digits or more) is still refused', async () => {
    const customers = join(app.dir, 'customers.csv');
    writeFileSync(customers, 'Customer code,Customer name\r\n12E34,甲\r\n3e10,乙\r\n1.5E+11,丙\r\n');
    const c = await app.call('import:commit', { kind: 'customers', source: { path: customers }, onError: 'skip' });
    expect(c.errors.map((e) => [e.row, e.value, e.reason])).toEqual([[4, '1.5E+11', 'id_scientific']]);
    expect(codes()).toEqual([
      { name: '乙', code: '3e10' },
      { name: '甲', code: '12E34' },
    ]);

    const lines = join(app.dir, 'lines.csv');
    writeFileSync(lines, 'Order number,Customer code,Order date,SKU,Product,Quantity,Unit price\r\n2E-3,12E34,2024-02-29,1E5,茶,1,5\r\n1e+21,12E34,2024-02-29,A1,茶,1,5\r\n');
    const o = await app.call('import:commit', { kind: 'orders', source: { path: lines }, onError: 'skip' });
    expect(o.errors.map((e) => [e.row, e.header, e.reason])).toEqual([[3, 'Order number', 'id_scientific']]);
    expect(orders()).toEqual([{ number: '2E-3', skus: '1E5' }]);
  });
});
