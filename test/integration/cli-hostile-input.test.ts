import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/**
 * Input a user gets wrong: words the command does not take, flags without what they need, files that are not
 * there or are folders, an empty file as the database. Each is one clear line (never Node's ENOENT or EISDIR,
 * never a stack) and writes nothing.
 */
let dir: string;
let db: string;
let customerId: string;

const runs = () => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM segment_runs').pluck().get();
  } finally {
    raw.close();
  }
};

beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'hostile.sqlite');
  expect(cli('demo', '--db', db, '--customers', '20', '--seed', '5').code).toBe(0);
  customerId = (JSON.parse(cli('customers', 'list', '--db', db, '--limit', '1', '--json').stdout) as { rows: { id: string }[] }).rows[0]!.id;
  mkdirSync(join(dir, 'a-folder'));
}, 60_000);

describe('words a command does not take', () => {
  it('a mistyped second word is an unknown command, not the shorter command run (segment confg get stored the tiers)', () => {
    expect(runs()).toBe(0);
    expect(cli('segment', 'confg', 'get', '--db', db)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: unknown command "segment confg get" (there are: segment config get, config set, forget-future; see tierbook --help)\n',
    });
    expect(cli('predict', 'fitt', '--db', db)).toMatchObject({ code: 2, stderr: 'error: unknown command "predict fitt" (there are: predict fit, holdout; see tierbook --help)\n' });
    expect(runs()).toBe(0);
  });

  it('a group word alone lists what may follow it; a word after the flags is named', () => {
    expect(cli('customers', '--db', db)).toMatchObject({ code: 2, stderr: 'error: "customers" needs a second word: customers list, add, show (see tierbook --help)\n' });
    expect(cli('today', '--db', db, 'shop.sqlite')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: "today" takes no word but its flags, got "shop.sqlite" (a flag starts with --; the database is --db FILE)\n',
    });
  });
});

describe('a flag that lacks what it needs', () => {
  it('merge without --merge and an export of a tier without its class are usage mistakes named by their flags', () => {
    expect(cli('merge', '--db', db, '--keep', customerId)).toMatchObject({ code: 2, stderr: 'error: --merge is required\n' });
    const file = join(dir, 'tier.csv');
    expect(cli('export', 'customers', file, '--db', db, '--scheme', 'pyramid')).toMatchObject({ code: 2, stderr: 'error: --scheme and --class go together (one tier): give both, or neither; got only --scheme\n' });
    expect(existsSync(file)).toBe(false);
  });

  it('serve refuses a port that is not one, before it opens anything', () => {
    expect(cli('serve', '--db', db, '--port', 'abc')).toMatchObject({ code: 2, stderr: 'error: --port must be a whole number, got "abc"\n' });
    expect(cli('serve', '--db', db, '--port', '70000')).toMatchObject({ code: 2, stderr: 'error: --port must be a port number from 0 to 65535 (0: any free one), got 70000\n' });
  });

  it('report --xlsx refuses a name that is not a workbook before anything is written', () => {
    const pdf = join(dir, 'report.pdf');
    expect(cli('report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-02-01', '--xlsx', pdf)).toMatchObject({ code: 2, stderr: `error: --xlsx must name a .xlsx file, got "${pdf}"\n` });
    expect(existsSync(pdf)).toBe(false);
    expect(runs()).toBe(0);
  });
});

describe('files that are not there, or are folders', () => {
  it('are named with the flag that names them, in words', () => {
    const missing = join(dir, 'missing.json');
    const folder = join(dir, 'a-folder');
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'name,phone\n张三,13800138000\n');
    const list = join(dir, 'list.json');
    writeFileSync(list, '["name", "phone"]');
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '{}');
    truncateSync(huge, 17 * 1048576);
    const cases: Array<[string[], number, string]> = [
      [['segment', 'config', 'set', '--db', db, '--file', missing], 2, `--file names no file: ${missing}`],
      [['segment', 'config', 'set', '--db', db, '--file', folder], 2, `--file names a folder, not a file: ${folder}`],
      [['import', 'customers', csv, '--db', db, '--dry-run', '--mapping', missing], 2, `--mapping names no file: ${missing}`],
      [['import', 'customers', csv, '--db', db, '--dry-run', '--mapping', list], 2, '--mapping must hold a JSON object such as {"手机": "phone"}, got an array'],
      [['import', 'customers', folder, '--db', db], 2, `${folder} is a folder, not a file to import`],
      [['predict', 'fit', '--summary', folder], 2, `--summary names a folder, not a file: ${folder}`],
      // Read whole, /dev/zero never ended (the command ran until memory ran out); a huge file is no settings file.
      [['segment', 'config', 'set', '--db', db, '--file', '/dev/zero'], 2, '--file names a device, a pipe or a socket, not a file: /dev/zero'],
      [['import', 'customers', csv, '--db', db, '--dry-run', '--mapping', '/dev/zero'], 2, '--mapping names a device, a pipe or a socket, not a file: /dev/zero'],
      [['segment', 'config', 'set', '--db', db, '--file', huge], 2, `--file names a file of 17 MB; a settings file like this holds at most 16 MB: ${huge}`],
    ];
    for (const [args, code, message] of cases) {
      const run = cli(...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([code, `error: ${message}\n`]);
    }
  });

  it('a mapping saved with a byte-order mark (Windows Notepad) is read; two FILEs are named', () => {
    const csv = join(dir, 'bom.csv');
    writeFileSync(csv, '客户,手机\n张三,13800138000\n');
    const mapping = join(dir, 'bom.json');
    writeFileSync(mapping, '\uFEFF{"客户": "name", "手机": "phone"}');
    const dry = cli('import', 'customers', csv, '--db', db, '--dry-run', '--mapping', mapping, '--json');
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ added: 1, rejected: 0 });
    expect(cli('export', 'customers', 'a.csv', 'b.csv', '--db', db)).toMatchObject({ code: 2, stderr: 'error: expected exactly one export FILE, got 2 ("a.csv", "b.csv")\n' });
  });

  it('an empty file as --db is no database for a command that reads one, and stays empty', () => {
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expect(cli('today', '--db', empty)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `error: no database at ${empty} (the file is empty and was left so; "tierbook demo", "customers add" or an import starts one)\n`,
    });
    expect(statSync(empty).size).toBe(0);
    // A command that starts a workspace may start it there.
    expect(cli('customers', 'add', '--db', empty, '--name', '张三').code).toBe(0);
    expect(cli('today', '--db', empty).code).toBe(0);
  });
});
