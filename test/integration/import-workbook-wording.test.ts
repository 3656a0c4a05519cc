import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupI18n } from '../../renderer/i18n';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A workbook must be as safe to import as a CSV: a value right of the last named column (the currency "USD" beside an
 * amount whose header was merged over both) is not cut off to leave the order in the base currency. And a refused
 * value says what is wrong with it: "12%" is a percentage, a time-only cell a time without a date.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

async function workbook(name: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('订单'));
  const path = join(app.dir, name);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}
const orders = (path: string, onError: 'abort' | 'skip' = 'abort') => ({ kind: 'orders' as const, source: { path }, unknownCustomers: 'create' as const, onError });
const storedOrders = () => app.db.$client.prepare('SELECT c.name, o.currency, o.amount_minor FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY c.name').all();

/** 金额 merged over C and D, the currency in D under no header of its own. */
const mergedAmountHeader = (sheet: ExcelJS.Worksheet) => {
  sheet.addRow(['客户名称', '下单日期', '金额']);
  sheet.mergeCells('C1:D1');
  sheet.addRow(['张三', '2026-11-02', 100, 'USD']);
  sheet.addRow(['李四', '2026-11-03', 200]);
};

describe('a workbook value under no header', () => {
  it('refuses the row all or nothing, naming the column letter and the value, and stores nothing', async () => {
    const path = await workbook('merged.xlsx', mergedAmountHeader);
    await expect(app.call('import:commit', orders(path))).rejects.toMatchObject({ issues: [{ key: 'import_rows_rejected', params: { rejected: 1, total: 2 } }] });
    expect(storedOrders()).toEqual([]);
    const preview = await app.call('import:preview', orders(path));
    expect(preview.errors).toMatchObject([{ row: 2, reason: 'value_without_header', value: 'USD', params: { column: 'D', value: 'USD' } }]);
    expect(preview.errors[0]!.message).toContain('Row 2: column D holds "USD", right of the last column with a header');
  });

  it('skips that row rather than store it in the base currency, and keeps the others', async () => {
    const path = await workbook('merged.xlsx', mergedAmountHeader);
    const result = await app.call('import:commit', orders(path, 'skip'));
    expect(result).toMatchObject({ added: 1, rejected: 1 });
    expect(storedOrders()).toEqual([{ name: '李四', currency: 'CNY', amount_minor: 200 * 100 }]);
  });
});

describe('what a refused value is', () => {
  it('calls "12%" in an amount column a percentage, not an unknown currency', async () => {
    const path = await workbook('percent.xlsx', (sheet) => {
      sheet.addRow(['客户名称', '下单日期', '金额']);
      sheet.addRow(['张三', '2026-11-02', '12%']);
    });
    const preview = await app.call('import:preview', orders(path));
    expect(preview.errors).toMatchObject([{ row: 2, reason: 'percent_not_amount', value: '12%' }]);
    expect(preview.errors[0]!.message).toContain('is a percentage, not an amount of money');
  });

  it('refuses a number formatted as a percentage in a money column as the typed "12%" is, naming row and column', async () => {
    // 0.12 shown as 12%: stored as it is, it would be an order of 0.12 without a word.
    const path = await workbook('percent-format.xlsx', (sheet) => {
      sheet.addRow(['客户名称', '下单日期', '金额', '已付', '成本']);
      sheet.addRow(['张三', '2026-11-02', 0.12, 0.5, 0.075]);
      sheet.addRow(['李四', '2026-11-03', 3]);
      for (const cell of ['C2', 'D2', 'C3']) sheet.getCell(cell).numFmt = '0%';
      sheet.getCell('E2').numFmt = '0.0%';
    });
    const preview = await app.call('import:preview', orders(path));
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 2, column: 2, header: '金额', reason: 'percent_not_amount', value: '12%' }),
      expect.objectContaining({ row: 2, column: 4, header: '成本', reason: 'percent_not_amount', value: '7.5%' }),
      expect.objectContaining({ row: 2, column: 3, header: '已付', reason: 'percent_not_amount', value: '50%' }),
      // A whole number formatted as a percentage (3 shown as 300%) is refused too: the format says what the cell means.
      expect.objectContaining({ row: 3, column: 2, header: '金额', reason: 'percent_not_amount', value: '300%' }),
    ]);
    expect(preview.errors[0]!.message).toBe('Row 2, column "金额": "12%" is a percentage, not an amount of money: is a discount or rate column mapped to the amount? Map the column holding the money, or write the amount itself.');
    await expect(app.call('import:commit', orders(path))).rejects.toMatchObject({ issues: [{ key: 'import_rows_rejected', params: { rejected: 2, total: 2 } }] });
    expect(storedOrders()).toEqual([]);
  });

  it('calls a time-only cell in a date column a time without a date, in both languages', async () => {
    const path = await workbook('time.xlsx', (sheet) => {
      sheet.addRow(['客户名称', '下单日期', '金额']);
      sheet.addRow(['张三', new Date(Date.UTC(1899, 11, 30, 12, 0)), 100]);
      sheet.getCell('B2').numFmt = 'hh:mm';
    });
    const preview = await app.call('import:preview', orders(path));
    expect(preview.errors).toMatchObject([{ row: 2, reason: 'time_without_date', params: { time: '12:00' } }]);
    expect(preview.errors[0]!.message).toContain('is only a time of day (12:00), with no date');
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(i18next.t('importing:reasons.time_without_date', preview.errors[0]!.params)).toContain('只有时刻（12:00），没有日期');
    await i18next.changeLanguage('en');
    expect(i18next.t('importing:reasons.time_without_date', preview.errors[0]!.params)).toContain('Only a time of day (12:00), with no date');
  });
});
