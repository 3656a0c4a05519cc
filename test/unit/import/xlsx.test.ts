import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../core/import/xlsx';
import { fakeXls, makeXlsx } from './fixtures';

async function typedWorkbook(): Promise<Uint8Array> {
  return makeXlsx((wb) => {
    const hidden = wb.addWorksheet('Hidden');
    hidden.state = 'hidden';
    hidden.addRow(['not', 'this']);
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['客户名称', '日期', '金额', '电话', '备注', '已付', '网址']);
    sheet.addRow(['张三', new Date(Date.UTC(2024, 2, 5)), 1234.5, 13800138000, { richText: [{ text: '富' }, { text: '文本' }] }, true, { text: 'example.com', hyperlink: 'https://example.com' }]);
    sheet.addRow([]);
    sheet.addRow(['李四', new Date(Date.UTC(2024, 2, 6, 14, 30)), { formula: 'C2*2', result: 2469 }, '0086 139 1234 5678', null, false, null]);
    sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
    const other = wb.addWorksheet('Orders');
    other.addRow(['amount']);
    other.addRow([5]);
  });
}

describe('readXlsx', () => {
  it('reads the first visible sheet with typed cells and sheet row numbers', async () => {
    const table = await readXlsx(await typedWorkbook());
    expect(table.sheetName).toBe('客户');
    expect(table.sheetNames).toEqual(['Hidden', '客户', 'Orders']);
    expect(table.headers).toEqual(['客户名称', '日期', '金额', '电话', '备注', '已付', '网址']);
    expect(table.rows).toEqual([
      { row: 2, line: 2, cells: ['张三', '2024-03-05', 1234.5, 13800138000, '富文本', 'TRUE', 'example.com'] },
      { row: 4, line: 4, cells: ['李四', '2024-03-06 14:30', 2469, '0086 139 1234 5678', '', 'FALSE', ''] },
    ]);
  });

  it('fills a cell merged down a column into each row, but not one merged across', async () => {
    const bytes = await makeXlsx((wb) => {
      const s = wb.addWorksheet('S');
      s.addRow(['Report']);
      s.mergeCells('A1:C1');
      s.addRow(['customer', 'date', 'amount']);
      s.addRow(['Acme', '2024-03-05', 1]);
      s.addRow([null, '2024-03-06', 2]);
      s.mergeCells('A3:A4');
    });
    const table = await readXlsx(bytes);
    expect(table.issues.map((i) => i.code)).toEqual(['title_row_skipped']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Acme', '2024-03-05', 1],
      ['Acme', '2024-03-06', 2],
    ]);
  });

  it('reads a named sheet and refuses an unknown one', async () => {
    const bytes = await typedWorkbook();
    expect((await readXlsx(bytes, { sheet: 'Orders' })).rows[0]!.cells).toEqual([5]);
    await expect(readXlsx(bytes, { sheet: 'Nope' })).rejects.toMatchObject({ code: 'sheet_not_found', details: { sheetNames: ['Hidden', '客户', 'Orders'] } });
  });

  it('refuses .xls by its signature, whatever the name', async () => {
    await expect(readXlsx(fakeXls())).rejects.toMatchObject({ code: 'xls_not_supported', message: expect.stringContaining('.xlsx') });
  });

  it('refuses a damaged zip and an empty sheet', async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'xlsx_unreadable' });
    await expect(readXlsx(await makeXlsx((wb) => wb.addWorksheet('Empty')))).rejects.toMatchObject({ code: 'no_header' });
  });
});
