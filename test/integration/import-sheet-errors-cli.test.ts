import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/**
 * A customer list as an office exports it: a company looked up with VLOOKUP (#N/A where the lookup found nothing), a
 * note made by a formula the writing program never calculated (no cached result), a #REF! pasted over a name. The
 * import stored "#N/A" as the company, "#REF!" as a customer's name, and an empty note, and said nothing.
 */
let dir: string;
let book: string;
beforeAll(async () => {
  dir = tempDir();
  book = join(dir, '客户.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['客户名称', '电话', '公司', '备注']);
  sheet.addRow(['张三', '13800000001', { formula: 'VLOOKUP(A2,Sheet2!A:B,2,0)', result: { error: '#N/A' } }, '老客户']);
  sheet.addRow(['李四', '13800000002', '乙公司', { formula: 'CONCAT("VIP ",A3)' }]);
  sheet.addRow([{ error: '#REF!' }, '13800000003', '丙公司', '']);
  sheet.addRow(['王五', '13800000004', '丁公司', { formula: 'CONCAT("VIP ",A5)', result: 'VIP 王五' }]);
  writeFileSync(book, new Uint8Array(await workbook.xlsx.writeBuffer()));
});

const rows = (db: string, sql: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(sql).raw().all();
  } finally {
    raw.close();
  }
};

describe('importing a workbook with error values and uncalculated formulas', () => {
  it('refuses each such row, naming its row and column, and stores only the rows whose values are in the file', () => {
    const db = join(dir, 'en.sqlite');
    const run = cli('import', 'customers', book, '--db', db, '--on-error', 'skip', '--lang', 'en');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toBe('added 1, updated 0, skipped 0, rejected 3; read as an .xlsx workbook');
    expect(lines.slice(2)).toEqual([
      '  Row 2, column "公司": "#N/A" is an error value of the spreadsheet (a formula that failed, as a lookup that found nothing), not a value; correct the formula or clear the cell, and save.',
      '  Row 3, column "备注": is a formula whose result the file does not hold (the program that wrote it never calculated it); open the file in Excel or WPS and save it, or paste the column as values.',
      '  Row 4, column "客户名称": "#REF!" is an error value of the spreadsheet (a formula that failed, as a lookup that found nothing), not a value; correct the formula or clear the cell, and save.',
      '',
    ]);
    expect(rows(db, 'SELECT name, company, notes FROM customers')).toEqual([['王五', '丁公司', 'VIP 王五']]);
  });

  it('says the same in Chinese, without an empty value in quotes', () => {
    const run = cli('import', 'customers', book, '--db', join(dir, 'zh.sqlite'), '--dry-run', '--lang', 'zh-CN');
    expect(run.stdout.split('\n').slice(2)).toEqual([
      '  第 2 行，公司 列“#N/A”：是电子表格的错误值（公式出错，比如查找没有找到），不是数据：请改正公式或清空这一格后保存',
      '  第 3 行，备注 列：是公式，但文件里没有它的计算结果（生成文件的程序没有计算过）：请在 Excel 或 WPS 中打开并保存一次，或把这一列粘贴为数值',
      '  第 4 行，客户名称 列“#REF!”：是电子表格的错误值（公式出错，比如查找没有找到），不是数据：请改正公式或清空这一格后保存',
      '',
    ]);
  });

  it('names a row-wide refusal in Chinese as the row alone, not as an unnamed column', () => {
    const db = join(dir, 'orders.sqlite');
    const customers = join(dir, 'customers.csv');
    writeFileSync(customers, '客户名称,电话\n张三,13800000001\n');
    expect(cli('import', 'customers', customers, '--db', db).code).toBe(0);
    const orders = join(dir, 'orders.csv');
    writeFileSync(orders, '客户名称,日期,金额\n张三,2026-03-05,100\n,2026-03-06,200\n');
    const run = cli('import', 'orders', orders, '--db', db, '--dry-run', '--on-error', 'skip', '--lang', 'zh-CN');
    expect(run.stdout.split('\n').slice(2)).toEqual(['  第 3 行：没有可用来找到客户的编号、名称、电话或公司', '']);
  });
});
