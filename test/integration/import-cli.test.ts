import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli, runCli } from '../support/cli';

let dir: string;
let db: string;
const count = (table: string, file = db) => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;
  } finally {
    raw.close();
  }
};
beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'shop.sqlite');
});

describe('import, export and backup on the command line', () => {
  it('imports a GBK file as one batch, prints the documented JSON, and undoes it', () => {
    const file = join(dir, '客户.csv');
    writeFileSync(file, iconv.encode('客户名称\t手机\t负责人\r\n张三\t13800138000\t小王\r\n李四\t13900139000\t小李\r\n', 'gbk'));
    const dry = cli('import', 'customers', file, '--db', db, '--encoding', 'gbk', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ batchId: null, dryRun: true, rowsTotal: 2, added: 2, updated: 0, skipped: 0, rejected: 0, customersCreated: 0, encoding: 'gb18030', delimiter: '\t', rejectsPath: null, headerRow: 1, inferredPlaces: { countryFromPhone: 2, countryFromRegion: 0, countryFromCity: 0, regionFromCity: 0 }, errors: [], missing: { all: [], anyOf: [] }, tableIssues: [] });
    // The dry run read a new, empty workspace and left none behind.
    expect(existsSync(db)).toBe(false);

    const run = cli('import', 'customers', file, '--db', db, '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { batchId: string };
    expect(out).toEqual({ batchId: expect.stringMatching(/^[0-9a-f-]{36}$/), dryRun: false, rowsTotal: 2, added: 2, updated: 0, skipped: 0, rejected: 0, customersCreated: 0, encoding: 'gb18030', delimiter: '\t', rejectsPath: null, headerRow: 1, inferredPlaces: { countryFromPhone: 2, countryFromRegion: 0, countryFromCity: 0, regionFromCity: 0 }, errors: [], missing: { all: [], anyOf: [] }, tableIssues: [] });
    expect(count('customers')).toBe(2);

    const undo = cli('import', 'undo', '--db', db, '--batch', out.batchId);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('removed 2 customers');
    expect(count('customers')).toBe(0);
  });

  it('an all-or-nothing import with a bad row exits 1 and writes nothing; --on-error skip writes the rejects file', () => {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, ['Customer,Phone,Date,Amount,Currency', '王五,13700137000,2026-01-05,"1,234.50",CNY', '王五,13700137000,2026-13-45,10,CNY'].join('\n'));
    const failed = cli('import', 'orders', file, '--db', db, '--create-customers', '--json');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: Nothing was imported: 1 of 2 rows have errors/);
    // Nothing written, and the JSON names the row, the column and the reason.
    expect(JSON.parse(failed.stdout)).toMatchObject({ batchId: null, rowsTotal: 2, rejected: 1, errors: [{ row: 3, column: 'Date', field: 'date', value: '2026-13-45', reason: 'invalid_date' }] });
    expect(count('orders')).toBe(0);
    expect(count('customers')).toBe(0);

    const rejects = join(dir, 'rejects.csv');
    const skipped = cli('import', 'orders', file, '--db', db, '--create-customers', '--on-error', 'skip', '--rejects', rejects, '--date-order', 'ymd', '--json');
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ added: 1, rejected: 1, delimiter: ',' });
    expect(readFileSync(rejects, 'utf8')).toContain('2026-13-45');
    expect(count('orders')).toBe(1);
  });

  it('a file whose headers name no field it needs: the dry run and the refusal say which, show the columns, and name --mapping', () => {
    const file = join(dir, 'unmapped.csv');
    writeFileSync(file, 'when;how much;who\n2026-01-01;5;x\n');
    const before = count('orders');
    const dry = cli('import', 'orders', file, '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[1]).toBe(
      'no column is mapped to date, amount, customerCode or customerName or customerPhone or customerCompany: map a column to each with --mapping FILE.json ({"header": "field"}), or rename the headers',
    );
    expect(JSON.parse(cli('import', 'orders', file, '--db', db, '--dry-run', '--json').stdout).missing).toEqual({ all: ['date', 'amount'], anyOf: ['customerCode', 'customerName', 'customerPhone', 'customerCompany'] });
    const refused = cli('import', 'orders', file, '--db', db);
    expect(refused).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        "error: The mapping leaves out required fields: date, amount, customerCode or customerName or customerPhone or customerCompany (the file's columns: when, how much, who). Map a column to each with --mapping FILE.json ({\"header\": \"field\"}), or rename the headers.\n",
    });
    // The flag it names does it.
    const mapping = join(dir, 'unmapped.json');
    writeFileSync(mapping, JSON.stringify({ when: 'date', 'how much': 'amount', who: 'customerName' }));
    expect(JSON.parse(cli('import', 'orders', file, '--db', db, '--mapping', mapping, '--dry-run', '--json').stdout).missing).toEqual({ all: [], anyOf: [] });
    expect(count('orders')).toBe(before);
  });

  it('imports and undoes with the database and the file named relative to the folder the command runs in', () => {
    // The import runs in a worker process started in another folder: a relative --db must still name this file.
    const here = join(dir, 'relative');
    mkdirSync(here);
    writeFileSync(join(here, 'orders.csv'), 'Customer,Phone,Date,Amount,Currency\n赵六,13600136000,2026-02-03,88.80,CNY\n赵六,13600136000,2026-02-04,11.20,CNY\n');
    const run = runCli(['import', 'orders', 'orders.csv', '--db', 'shop.sqlite', '--create-customers', '--json'], here);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { batchId: string; added: number };
    expect(out.added).toBe(2);
    const file = join(here, 'shop.sqlite');
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT sum(amount_minor) FROM orders WHERE deleted_at IS NULL').pluck().get()).toBe(8880 + 1120);
    } finally {
      raw.close();
    }
    const undo = runCli(['import', 'undo', '--db', 'shop.sqlite', '--batch', out.batchId], here);
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    expect(count('orders', file)).toBe(0);
  });

  it('exports to .xlsx and .csv, backs up and restores', () => {
    const xlsx = join(dir, 'customers.xlsx');
    const exported = cli('export', 'customers', xlsx, '--db', db, '--lang', 'en', '--json');
    expect(exported.code).toBe(0);
    // Nothing on stderr: no warning from a library the workbook is written with (a Buffer() deprecation was).
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toEqual({ path: xlsx, format: 'xlsx', rows: 1, classesAsOf: null });

    const copy = join(dir, 'copy.sqlite');
    expect(cli('backup', '--db', db, '--to', copy).code).toBe(0);
    const raw = new Database(db);
    raw.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('later', 'n', 'n', 'Later', 'individual')`).run();
    raw.close();
    expect(count('customers')).toBe(2);
    const restored = cli('restore', '--db', db, '--from', copy, '--json');
    expect(restored.code).toBe(0);
    expect(existsSync(JSON.parse(restored.stdout).safetyBackup.path)).toBe(true);
    expect(count('customers')).toBe(1);

    const refused = cli('restore', '--db', db, '--from', xlsx);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not a database file, or it is damaged/);
    // A workbook has no delimiter (nor a text encoding): the summary says what was read instead of "delimiter null".
    const dry = cli('import', 'customers', xlsx, '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[1]).toBe('added 0, updated 0, skipped 1, rejected 0; read as an .xlsx workbook');
    const csv = join(dir, 'customers-again.csv');
    writeFileSync(csv, 'Name;Phone\nAnn;+4420 7946 0000\n');
    expect(cli('import', 'customers', csv, '--db', db, '--dry-run').stdout.split('\n')[1]).toBe('added 1, updated 0, skipped 0, rejected 0; encoding utf-8, delimiter ";"');
    const usage = cli('import', 'customers', xlsx, '--db', db, '--encoding', 'ebcdic');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--encoding must be one of');
  });
});
