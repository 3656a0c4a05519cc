import { afterAll, describe, expect, it } from 'vitest';
import { openCsvStream } from '../../../core/import/stream';
import { readXlsx } from '../../../core/import/xlsx';
import { parseCsv } from '../../../shared/import/csv';
import { MAX_TITLE_LINES } from '../../../shared/import/header-row';
import { describeIssue, type SourceRow } from '../../../shared/import/table';
import { encodeText, makeXlsx, tempDir } from './fixtures';

const files = tempDir();
afterAll(() => files.cleanup());

/** An ERP report: the company, the report's name and period, a blank line, then the table. */
const ERP_REPORT = [
  '广州市天河区XX贸易有限公司,,,',
  '客户往来明细表,,,',
  '报表日期：2024-03-01 至 2024-03-31,,,',
  ',,,',
  '客户名称,联系电话,城市,备注',
  '张三,13800138000,广州,老客户',
  '李四,13900139000,深圳,',
].join('\r\n');

const cellsOf = (rows: SourceRow[]) => rows.map((r) => r.cells);

describe('title lines above the header', () => {
  it('skips every title line of a CSV report, blank lines between them included, and says which row the header is', () => {
    const table = parseCsv(ERP_REPORT);
    expect(table).toMatchObject({ headers: ['客户名称', '联系电话', '城市', '备注'], headerRow: 5, headerLine: 5 });
    expect(cellsOf(table.rows)).toEqual([
      ['张三', '13800138000', '广州', '老客户'],
      ['李四', '13900139000', '深圳', ''],
    ]);
    expect(table.issues).toEqual([
      { code: 'title_row_skipped', row: 1, line: 1, text: '广州市天河区XX贸易有限公司', headerRow: 5 },
      { code: 'title_row_skipped', row: 2, line: 2, text: '客户往来明细表', headerRow: 5 },
      { code: 'title_row_skipped', row: 3, line: 3, text: '报表日期：2024-03-01 至 2024-03-31', headerRow: 5 },
    ]);
    expect(describeIssue(table.issues[1]!)).toBe('Row 2 ("客户往来明细表") looks like a title and was skipped; the header is row 5.');
  });

  it('takes a title line of several cells for a title too ("制表人 …  打印日期 …")', () => {
    const table = parseCsv(['销售订单汇总,,,,', '制表人：王五,,打印日期,2024-04-01,', '单号,客户,下单日期,金额,币种', 'S-1,张三,2024-03-05,100,CNY'].join('\n'));
    expect(table.headers).toEqual(['单号', '客户', '下单日期', '金额', '币种']);
    expect(table.issues.map((i) => [i.code, 'text' in i ? i.text : null])).toEqual([
      ['title_row_skipped', '销售订单汇总'],
      ['title_row_skipped', '制表人：王五 打印日期 2024-04-01'],
    ]);
    expect(cellsOf(table.rows)).toEqual([['S-1', '张三', '2024-03-05', '100', 'CNY']]);
  });

  it('reads the same header from the file streamed in small chunks', async () => {
    const path = files.write('erp.csv', encodeText(ERP_REPORT, 'gbk'));
    for (const chunkBytes of [7, 64, 256 * 1024]) {
      const stream = await openCsvStream(path, { chunkBytes });
      expect(stream.headers, String(chunkBytes)).toEqual(['客户名称', '联系电话', '城市', '备注']);
      expect(stream.headerIssues.map((i) => (i.code === 'title_row_skipped' ? i.row : null))).toEqual([1, 2, 3]);
      const rows: SourceRow[] = [];
      for await (const batch of stream) rows.push(...batch.rows);
      expect(rows.map((r) => [r.row, r.cells[0]])).toEqual([
        [6, '张三'],
        [7, '李四'],
      ]);
    }
  });

  it('skips title rows of a workbook merged across the sheet, with an empty row before the header', async () => {
    const bytes = await makeXlsx((wb) => {
      const s = wb.addWorksheet('明细');
      s.addRow(['深圳XX电子有限公司']);
      s.mergeCells('A1:D1');
      s.addRow(['订单明细  2024年第一季度']);
      s.mergeCells('A2:D2');
      s.addRow([]);
      s.addRow(['客户', '日期', '金额', '备注']);
      s.addRow(['张三', '2024-03-05', 88, '首单']);
    });
    const table = await readXlsx(bytes);
    expect(table).toMatchObject({ headers: ['客户', '日期', '金额', '备注'], headerRow: 4 });
    expect(table.issues.map((i) => (i.code === 'title_row_skipped' ? [i.row, i.text] : i.code))).toEqual([
      [1, '深圳XX电子有限公司'],
      [2, '订单明细  2024年第一季度'],
    ]);
    expect(cellsOf(table.rows)).toEqual([['张三', '2024-03-05', 88, '首单']]);
  });

  it('never takes a data row for the header, even one whose values are header words', () => {
    // A follow-up's channel "电话" and intent "有意向" are words the mapping knows; the row is no wider than the header.
    const table = parseCsv(['客户,时间,方式', '张三,2024-03-05 10:00,电话', '李四,2024-03-06 11:00,微信'].join('\n'));
    expect(table.headers).toEqual(['客户', '时间', '方式']);
    expect(table.issues).toEqual([]);
    expect(table.rows).toHaveLength(2);
  });

  it('without header words it still skips single-cell titles, and keeps a one-column file whole', () => {
    expect(parseCsv(['Report', 'Printed 2024-03-01', 'foo,bar,baz', '1,2,3'].join('\n'))).toMatchObject({ headers: ['foo', 'bar', 'baz'], rows: [{ cells: ['1', '2', '3'] }] });
    expect(parseCsv('name\nA\nB\n')).toMatchObject({ headers: ['name'], rows: [{ cells: ['A'] }, { cells: ['B'] }], issues: [] });
    // A one-cell title the mapping reads as a field ("客户列表" holds 客户) does not outrank a header it ties with.
    expect(parseCsv(['客户列表', '客户,甲,乙', '张三,1,2'].join('\n'))).toMatchObject({ headers: ['客户', '甲', '乙'], rows: [{ cells: ['张三', '1', '2'] }] });
  });

  it(`takes up to ${MAX_TITLE_LINES} title lines, and a file that is nothing but titles and a header has no rows`, () => {
    const titles = Array.from({ length: MAX_TITLE_LINES }, (_, i) => `第${i + 1}行标题,,`);
    const table = parseCsv([...titles, '客户名称,电话,城市', '张三,13800138000,广州'].join('\n'));
    expect(table).toMatchObject({ headers: ['客户名称', '电话', '城市'], headerRow: MAX_TITLE_LINES + 1, rows: [{ cells: ['张三', '13800138000', '广州'] }] });
    expect(table.issues).toHaveLength(MAX_TITLE_LINES);
    expect(parseCsv(['XX公司', '客户名单', '客户名称,电话'].join('\n'))).toMatchObject({ headers: ['客户名称', '电话'], rows: [] });
  });
});
