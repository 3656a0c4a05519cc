import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli, runCli } from '../support/cli';

/** Refusals of the import, export and report commands as the tester met them: clear, exit 1, nothing written. */
let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = join(dir, 'shop.sqlite');
});

const sql = (query: string, file = db) => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(query).pluck().get() as number;
  } finally {
    raw.close();
  }
};
const intact = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.pragma('integrity_check', { simple: true });
  } finally {
    raw.close();
  }
};
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ordersFile = () => write('f.csv', ['Customer,Phone,Date,Amount,Currency', '王五,13700137000,2026-01-05,12.50,CNY', '王五,13700137000,2026-13-45,10,CNY'].join('\n'));
const partials = () => readdirSync(dir).filter((n) => n.includes('.partial'));

describe('files the command line writes', () => {
  it('--rejects naming the database, the file imported, a folder or a missing folder is refused before anything is written', () => {
    expect(cli('demo', '--db', db, '--customers', '5').code).toBe(0);
    const orders = sql('SELECT count(*) FROM orders');
    const source = ordersFile();
    const text = readFileSync(source, 'utf8');
    mkdirSync(join(dir, 'folder'));
    const refusals: Array<[string, RegExp]> = [
      [db, /is the open database or one of its working files; writing there would destroy it/],
      [source, /is the file being imported; writing the rejected rows there would replace it/],
      [join(dir, 'folder'), /is not a regular file \(a folder, link, device or pipe\)/],
      [join(dir, 'missing', 'r.csv'), /the folder .*missing does not exist/],
    ];
    for (const [rejects, message] of refusals) {
      const run = cli('import', 'orders', source, '--db', db, '--create-customers', '--date-order', 'ymd', '--rejects', rejects);
      expect(run.code, rejects).toBe(2);
      expect(run.stderr, rejects).toMatch(message);
      expect(run.stderr).not.toMatch(/EBADF/);
    }
    expect(intact(db)).toBe('ok');
    expect(sql('SELECT count(*) FROM orders')).toBe(orders);
    expect(sql('SELECT count(*) FROM import_batches')).toBe(0);
    expect(readFileSync(source, 'utf8')).toBe(text);
    expect(partials()).toEqual([]);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    // A rejects file of its own: the valid row goes in once, the bad one to the file.
    const ok = cli('import', 'orders', source, '--db', db, '--create-customers', '--date-order', 'ymd', '--rejects', join(dir, 'r.csv'), '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ added: 1, rejected: 1, rejectsPath: join(dir, 'r.csv') });
    expect(sql('SELECT count(*) FROM orders')).toBe(orders + 1);
    expect(partials()).toEqual([]);
  });

  it('an export or a report onto the database file is refused and the database stays whole', () => {
    const asCsv = join(dir, 'X.csv');
    expect(cli('demo', '--db', asCsv, '--customers', '5').code).toBe(0);
    const customers = sql('SELECT count(*) FROM customers', asCsv);
    const exported = cli('export', 'customers', asCsv, '--db', asCsv);
    expect([exported.code, exported.stderr]).toEqual([2, expect.stringMatching(/X\.csv is the open database or one of its working files; writing there would destroy it/)]);
    // --xlsx takes only a workbook's name, so the database the report would overwrite is named as one.
    const asXlsx = join(dir, 'Y.xlsx');
    expect(cli('demo', '--db', asXlsx, '--customers', '5').code).toBe(0);
    const report = cli('report', '--db', asXlsx, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-03-31', '--xlsx', asXlsx);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/Y\.xlsx is the open database/);
    expect(cli('report', '--db', asCsv, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-03-31', '--xlsx', asCsv)).toMatchObject({ code: 2, stderr: `error: --xlsx must name a .xlsx file, got "${asCsv}"\n` });
    for (const file of [asCsv, asXlsx]) expect(intact(file)).toBe('ok');
    expect(sql('SELECT count(*) FROM customers', asCsv)).toBe(customers);
    expect(sql('SELECT count(*) FROM customers', asXlsx)).toBe(customers);
    // Beside it, both are written.
    expect(cli('export', 'customers', join(dir, 'out.csv'), '--db', asCsv).code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n').length).toBe(customers + 2);
  });
});

describe('imports the command line refuses or explains', () => {
  it('an unterminated quote is refused with its line; nothing is written', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `客户${i},138000020${String(i).padStart(2, '0')},`);
    const file = write('q.csv', ['客户名称,手机,备注', '甲,13800001000,"他说 好的', ...rows].join('\n'));
    for (const args of [[], ['--dry-run'], ['--on-error', 'skip']]) {
      const run = cli('import', 'customers', file, '--db', db, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: The quoted value "他说 好的" opening on line 2 is never closed/);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('a device given as the file (/dev/zero) is refused as no file to import, in either language; nothing is written', () => {
    expect(cli('customers', 'add', '--db', db, '--name', '甲').code).toBe(0);
    // /dev/zero's size is 0, so it was called an empty file; reading it as a stream would never end.
    expect(cli('import', 'customers', '/dev/zero', '--db', db)).toMatchObject({ code: 2, stderr: 'error: zero is a device, a pipe or a socket, not a file to import.\n' });
    const chinese = runCli(['import', 'orders', '/dev/zero', '--db', db], undefined, { LANG: 'zh_CN.UTF-8' });
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toContain('这是设备、管道或套接字，不是可导入的文件');
    expect(sql('SELECT count(*) FROM customers')).toBe(1);
    expect(sql('SELECT count(*) FROM import_batches')).toBe(0);
  });

  it('prints what the reader noticed about the table, in words and in --json', () => {
    const file = write('t.csv', ['客户名单 2026年3月', '客户名称,手机,手机', '甲,13800001000,13800001001'].join('\n'));
    const human = cli('import', 'customers', file, '--db', db, '--dry-run');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('the file as a table:\n  Row 1 ("客户名单 2026年3月") looks like a title and was skipped; the header is row 2.\n  Column "手机" appears more than once; this one is called "手机 (2)".');
    const json = JSON.parse(cli('import', 'customers', file, '--db', db, '--dry-run', '--json').stdout) as { tableIssues: unknown[] };
    expect(json.tableIssues).toEqual([
      { code: 'title_row_skipped', row: 1, line: 1, text: '客户名单 2026年3月', headerRow: 2, message: expect.stringContaining('looks like a title') },
      { code: 'duplicate_header', column: 2, header: '手机', renamedTo: '手机 (2)', message: expect.stringContaining('appears more than once') },
    ]);
  });

  it('a refused all-or-nothing import says so, lists the rows, and claims no dry run and nothing added', () => {
    const file = ordersFile();
    const human = cli('import', 'orders', file, '--db', db, '--create-customers', '--date-order', 'ymd');
    expect(human.code).toBe(1);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Refused: nothing was imported, because 1 of 2 rows have errors (all or nothing; --on-error skip imports the valid rows).');
    expect(lines.slice(1)).toEqual(['  Row 3, column "Date": "2026-13-45" is not a date.']);
    expect(human.stderr).toMatch(/^error: Nothing was imported: 1 of 2 rows have errors/);
    expect(human.stdout).not.toMatch(/Dry run|added/);
    const json = cli('import', 'orders', file, '--db', db, '--create-customers', '--date-order', 'ymd', '--json');
    const out = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ refused: true, batchId: null, rowsTotal: 2, rejected: 1, errors: [{ row: 3, column: 'Date', reason: 'invalid_date' }] });
    expect(Object.keys(out)).not.toContain('dryRun');
    expect(Object.keys(out)).not.toContain('added');
    expect(existsSync(db)).toBe(false);
  });

  it('a --mapping naming an unknown field or a header the file lacks is refused, listing what exists, and nothing is remembered', () => {
    expect(cli('demo', '--db', db, '--customers', '5').code).toBe(0);
    const customers = sql('SELECT count(*) FROM customers');
    const file = write('c.csv', '客户名称,手机\n新客,13800009999\n');
    const typo = cli('import', 'customers', file, '--db', db, '--mapping', write('typo.json', '{"手机":"phnoe"}'));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/The mapping names fields that customers do not have: "手机" → "phnoe" \(the fields: name, company, .*phone.*\)/);
    const header = cli('import', 'customers', file, '--db', db, '--mapping', write('header.json', '{"电话":"phone"}'));
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(/The mapping names columns the file does not have: "电话" \(the file's columns: 客户名称, 手机\)/);
    expect(sql('SELECT count(*) FROM customers')).toBe(customers);
    expect(sql('SELECT count(*) FROM import_mappings')).toBe(0);
    // Spelled right, the mapping is followed and remembered: the next file with these headers keeps its phone.
    expect(cli('import', 'customers', file, '--db', db, '--mapping', write('ok.json', '{"手机":"phone"}')).code).toBe(0);
    const next = write('c2.csv', '客户名称,手机\n又一位,13800008888\n');
    expect(cli('import', 'customers', next, '--db', db).code).toBe(0);
    expect(sql(`SELECT count(*) FROM contact_channels WHERE value IN ('+8613800009999', '+8613800008888')`)).toBe(2);
  });

  it('a Big5 file with Traditional Chinese headers imports', () => {
    const file = write('big5.csv', iconv.encode('客戶名稱,手機,公司名稱,備註\r\n陳大文,+886912345678,台北貿易,老客戶\r\n', 'big5'));
    const run = cli('import', 'customers', file, '--db', db, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ encoding: 'big5', added: 1, rejected: 0 });
    expect(sql(`SELECT count(*) FROM customers WHERE name = '陳大文' AND company = '台北貿易' AND notes = '老客戶'`)).toBe(1);
    expect(sql(`SELECT count(*) FROM contact_channels WHERE kind = 'phone'`)).toBe(1);
  });
});
