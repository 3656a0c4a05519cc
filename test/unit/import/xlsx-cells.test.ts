import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../core/import/xlsx';
import { parseCsv } from '../../../shared/import/csv';
import { part, SHEET_HEAD, SHEET_TAIL, sheetWorkbook, workbookParts, zip } from './zip-builder';

/**
 * Cell kinds as Excel and WPS write them, in hand-written XML: the shapes exceljs never writes
 * (built-in date styles, the 1904 epoch, phonetic guides, escaped control characters, error values).
 */
const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[Red]0.00&quot;d&quot;"/></numFmts>
  <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>
</styleSheet>`;
const STRINGS = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <si><t>name</t></si><si><t>when</t></si><si><t>amount</t></si><si><t>flag</t></si><si><t>note</t></si>
  <si><r><rPr><b/></rPr><t>山田</t></r><r><t xml:space="preserve"> 太郎</t></r><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si>
  <si><t>line one_x000D_
line two</t></si>
</sst>`;

const ROWS = [
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
  '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" s="1"><v>45356</v></c><c r="C2" s="3"><v>12.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="s"><v>6</v></c></row>',
  '<row r="3"><c r="A3" t="str"><f>A1&amp;"!"</f><v>name!</v></c><c r="B3" s="2"><v>45357</v></c><c r="C3"><f>C2*2</f><v>25</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3"><f>NOW()</f></c></row>',
  '<row r="5"><c r="A5" t="inlineStr"><is><t>行内</t></is></c><c r="B5" s="4"><v>45358.75</v></c><c r="C5" t="d"><v>2024-03-09T00:00:00</v></c></row>',
].join('');

describe('readXlsx cell kinds', () => {
  it('reads shared, rich and inline strings, built-in and custom date styles, booleans, errors and cached formula results', async () => {
    const bytes = zip([...workbookParts({ sharedStrings: true, styles: true }), part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROWS}${SHEET_TAIL}`), part('xl/sharedStrings.xml', STRINGS), part('xl/styles.xml', STYLES)]);
    const table = await readXlsx(bytes);
    expect(table.headers).toEqual(['name', 'when', 'amount', 'flag', 'note']);
    expect(table.rows).toEqual([
      // The colour-bracketed "d" is text in brackets and quotes, not a day: 12.5 stays a number. Excel's CR LF
      // ("_x000D_" and a line feed) is one line break, kept as LF as a CSV cell's is.
      { row: 2, line: 2, cells: ['山田 太郎', '2024-03-05', 12.5, 'TRUE', 'line one\nline two'] },
      // An error value keeps its text and a formula with no cached result is empty, both marked as holding no value
      // of their own: a row importing either is refused (sheet-error-cells.test.ts).
      {
        row: 3,
        line: 3,
        cells: ['name!', '2024-03-06', 25, '#N/A', ''],
        unreadCells: [
          { column: 3, reason: 'sheet_error' },
          { column: 4, reason: 'formula_without_value' },
        ],
      },
      { row: 5, line: 5, cells: ['行内', '2024-03-07 18:00', '2024-03-09', '', ''] },
    ]);
  });

  it('marks the numbers a percentage format shows, by column, and only those', async () => {
    // Built-in 9 ("0%") and 10 ("0.00%"), a custom "0.0%"; a quoted or escaped "%" is text beside the number, not a scaling.
    const styles = part(
      'xl/styles.xml',
      `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/><numFmt numFmtId="166" formatCode="0\\%"/></numFmts>
      <cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>`,
    );
    const header = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
    const rows = [
      `<row r="1">${header}</row>`,
      '<row r="2"><c r="A2" s="1"><v>0.12</v></c><c r="B2" s="2"><v>0.5</v></c><c r="C2" s="3"><v>0.075</v></c><c r="D2" s="4"><v>5</v></c><c r="E2" s="5"><v>5</v></c><c r="F2"><v>0.12</v></c><c r="G2" s="1" t="inlineStr"><is><t>12%</t></is></c></row>',
      '<row r="3"><c r="B3" s="1"><v>1</v></c></row>',
    ].join('');
    // A2 merged down over A3: the copy in A3 is the same percentage.
    const sheet = part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows}</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>`);
    const table = await readXlsx(zip([...workbookParts({ styles: true }), sheet, styles]));
    expect(table.rows).toEqual([
      { row: 2, line: 2, cells: [0.12, 0.5, 0.075, 5, 5, 0.12, '12%'], percentCells: [0, 1, 2] },
      { row: 3, line: 3, cells: [0.12, 1, '', '', '', '', ''], percentCells: [1, 0] },
    ]);
  });

  it('counts serial dates from 1904 when the workbook says so', async () => {
    const styles = part('xl/styles.xml', '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>');
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>d</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row><row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2"><v>0</v></c></row>';
    const table = await readXlsx(sheetWorkbook(rows, [styles], { styles: true, date1904: true }));
    expect(table.rows[0]!.cells).toEqual(['1904-01-01', 0]);
  });

  it('picks the first visible sheet, or one by name, and names them all', async () => {
    const parts = workbookParts({ sheets: ['Hidden', 'Data'] });
    const workbook = parts.find((p) => p.name === 'xl/workbook.xml')!;
    const hidden = part(
      workbook.name,
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hidden" state="hidden" r:id="rId1"/><sheet name="Data" r:id="rId2"/></sheets></workbook>',
    );
    const sheet = (text: string) => `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row>${SHEET_TAIL}`;
    const bytes = zip([...parts.filter((p) => p !== workbook), hidden, part('xl/worksheets/sheet1.xml', sheet('secret')), part('xl/worksheets/sheet2.xml', sheet('data'))]);
    expect(await readXlsx(bytes)).toMatchObject({ sheetName: 'Data', sheetNames: ['Hidden', 'Data'], rows: [{ cells: ['data'] }] });
    expect(await readXlsx(bytes, { sheet: 'Hidden' })).toMatchObject({ rows: [{ cells: ['secret'] }] });
  });

  it('copies a merged value down a column and blanks its copies across a row', async () => {
    const sheet = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Report</t></is></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>customer</t></is></c><c r="B2" t="inlineStr"><is><t>amount</t></is></c><c r="C2" t="inlineStr"><is><t>note</t></is></c></row>
      <row r="3"><c r="A3" t="inlineStr"><is><t>Acme</t></is></c><c r="B3"><v>1</v></c><c r="C3" t="inlineStr"><is><t>wide</t></is></c></row>
      <row r="4"><c r="B4"><v>2</v></c></row>
    </sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A5"/><mergeCell ref="C3:C3"/></mergeCells></worksheet>`;
    const table = await readXlsx(zip([...workbookParts(), part('xl/worksheets/sheet1.xml', sheet)]));
    // Rows 4 and 5 end early in the file (no cell in C): in a workbook that is an empty cell, not a missing column.
    expect(table.issues.map((i) => i.code)).toEqual(['title_row_skipped']);
    expect(table.rows.map((r) => [r.row, r.cells])).toEqual([
      [3, ['Acme', 1, 'wide']],
      [4, ['Acme', 2, '']],
      [5, ['Acme', '', '']],
    ]);
  });
});

describe('rows whose last cells are empty', () => {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

  it('are whole rows in a workbook, which stores no empty cell: padded without a "has 2 of 3 columns" issue', async () => {
    // As Excel saves it: row 2 has no note, row 3 neither phone nor note; no element stands for the empty cells.
    const sheet = `${SHEET_HEAD}<row r="1">${inline('A1', '客户名称')}${inline('B1', '电话')}${inline('C1', '备注')}</row>
      <row r="2">${inline('A2', '张三')}${inline('B2', '13800138000')}</row>
      <row r="3">${inline('A3', '李四')}</row>
      <row r="4">${inline('A4', '王五')}${inline('B4', '13900139000')}${inline('C4', '老客户')}</row>${SHEET_TAIL}`;
    const table = await readXlsx(zip([...workbookParts(), part('xl/worksheets/sheet1.xml', sheet)]));
    expect(table.issues).toEqual([]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['张三', '13800138000', ''],
      ['李四', '', ''],
      ['王五', '13900139000', '老客户'],
    ]);
  });

  it('are still reported in a CSV file, where a short row has lost its delimiters', () => {
    const table = parseCsv('客户名称,电话,备注\n张三,13800138000\n王五,13900139000,老客户\n');
    expect(table.issues).toEqual([{ code: 'missing_columns', row: 2, line: 2, expected: 3, actual: 2 }]);
    expect(table.rows[0]!.cells).toEqual(['张三', '13800138000', '']);
  });
});
