import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../core/import/xlsx';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { validateRows } from '../../../shared/import/validate-rows';
import { sheetWorkbook } from './zip-builder';

/**
 * Cells whose value is not in the file, as Excel and WPS write them: an error value (a VLOOKUP that found nothing is
 * #N/A, with its formula), and a formula with no cached result (files written by programs that never calculate, and
 * by Excel when saved with calculation off). Both were read as plain cells: "#N/A" became a customer's company, "#REF!"
 * a customer's name, and the formula an empty note, with nothing said.
 */
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const ROWS = [
  `<row r="1">${inline('A1', '客户名称')}${inline('B1', '电话')}${inline('C1', '公司')}${inline('D1', '备注')}${inline('E1', '辅助')}</row>`,
  // A lookup that found nothing, in the company column.
  `<row r="2">${inline('A2', '张三')}${inline('B2', '13800000001')}<c r="C2" t="e"><f>VLOOKUP(A2,Sheet2!A:B,2,0)</f><v>#N/A</v></c>${inline('D2', '老客户')}</row>`,
  // A note made by a formula whose result the file does not hold.
  `<row r="3">${inline('A3', '李四')}${inline('B3', '13800000002')}${inline('C3', '乙公司')}<c r="D3"><f>CONCAT("VIP ",A3)</f></c></row>`,
  // An error value typed over the name (a pasted #REF!).
  `<row r="4"><c r="A4" t="e"><v>#REF!</v></c>${inline('B4', '13800000003')}${inline('C4', '丙公司')}</row>`,
  // A formula whose result is the empty text is a blank cell, and an error in a column nothing reads costs nothing.
  `<row r="5">${inline('A5', '王五')}${inline('B5', '13800000004')}<c r="C5" t="str"><f>IF(1,"")</f><v></v></c>${inline('D5', 'ok')}<c r="E5" t="e"><v>#DIV/0!</v></c></row>`,
].join('');

async function readAndValidate() {
  const table = await readXlsx(sheetWorkbook(ROWS));
  const mapping = autoMapHeaders(table.headers, 'customers');
  return { table, validation: validateRows('customers', table.headers, table.rows, mapping.mapping, { homeCountry: 'CN', defaultCurrency: 'CNY' }) };
}

describe('workbook cells without a value', () => {
  it('refuses the row of an error value or an uncalculated formula in a column it imports, naming the row and the column', async () => {
    const { validation } = await readAndValidate();
    expect(validation.errors.map((e) => ({ row: e.row, header: e.header, value: e.value, reason: e.reason }))).toEqual([
      { row: 2, header: '公司', value: '#N/A', reason: 'sheet_error' },
      { row: 3, header: '备注', value: '', reason: 'formula_without_value' },
      { row: 4, header: '客户名称', value: '#REF!', reason: 'sheet_error' },
    ]);
    expect(validation.errors[0]!.message).toBe('Row 2, column "公司": "#N/A" is an error value of the spreadsheet (a formula that failed, as a lookup that found nothing), not a value; correct the formula or clear the cell, and save.');
    expect(validation.errors[1]!.message).toMatch(/^Row 3, column "备注": is a formula whose result the file does not hold/);
    expect(validation.records.map((r) => [r.row, r.record.name, r.record.company, r.record.notes])).toEqual([[5, '王五', null, 'ok']]);
  });

  it('keeps what the sheet shows in the cells, so the preview and the rejects file show it too', async () => {
    const { table } = await readAndValidate();
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['张三', '13800000001', '#N/A', '老客户', ''],
      ['李四', '13800000002', '乙公司', '', ''],
      ['#REF!', '13800000003', '丙公司', '', ''],
      ['王五', '13800000004', '', 'ok', '#DIV/0!'],
    ]);
  });
});
