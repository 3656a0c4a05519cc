import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/** Commands that only read or change what is there, each with the flags it needs besides --db. */
const NEEDS_A_DATABASE: string[][] = [
  ['today'],
  ['customers', 'list'],
  ['segment'],
  ['tiers', '--scheme', 'pyramid'],
  ['followups', 'due'],
  ['export', 'customers', 'out.csv'],
  ['backup', '--to', 'copy.sqlite'],
  ['settings', 'get'],
  ['repair'],
];

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe('a --db that names no file', () => {
  it('is refused by every command that only reads or changes what is there, and nothing is created', () => {
    for (const command of NEEDS_A_DATABASE) {
      const db = join(dir, 'shpo.sqlite');
      const run = cli(...command.map((word) => (word.endsWith('.csv') || word.startsWith('copy') ? join(dir, word) : word)), '--db', db);
      expect(run.code, command.join(' ')).toBe(2);
      expect(run.stderr, command.join(' ')).toBe(`error: no database at ${db} (nothing was created; "tierbook demo", "customers add" or an import starts one)\n`);
      expect(run.stdout).toBe('');
      expect(readdirSync(dir), command.join(' ')).toEqual([]);
    }
  });

  it("an import's dry run reads it as a new, empty workspace and leaves no file behind; the import itself starts one", () => {
    const folder = join(dir, 'dry');
    mkdirSync(folder);
    const csv = join(dir, 'first-customers.csv');
    writeFileSync(csv, '客户名称,手机\n张三,13800138000\n李四,abc\n');
    const db = join(folder, 'shop.sqlite');
    const dry = cli('import', 'customers', csv, '--db', db, '--dry-run', '--on-error', 'skip', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, added: 1, rejected: 1 });
    expect(readdirSync(folder)).toEqual([]);
    // Refused (all or nothing, a bad row): still nothing left.
    expect(cli('import', 'customers', csv, '--db', db, '--dry-run').code).toBe(0);
    expect(cli('import', 'customers', csv, '--db', db).code).toBe(1);
    expect(readdirSync(folder)).toEqual([]);
    expect(cli('import', 'customers', csv, '--db', db, '--on-error', 'skip').code).toBe(0);
    expect(JSON.parse(cli('customers', 'list', '--db', db, '--json').stdout)).toMatchObject({ total: 1, rows: [{ name: '张三' }] });
  });

  it('a command that starts one but is refused leaves no new file', () => {
    const folder = join(dir, 'refused');
    mkdirSync(folder);
    const db = join(folder, 'shop.sqlite');
    expect(cli('customers', 'add', '--db', db, '--name', 'x', '--phone', '12345').code).toBe(2);
    expect(cli('settings', 'set', '--db', db, '--base-currency', 'XYZ').code).toBe(2);
    expect(cli('restore', '--db', db, '--from', join(folder, 'no-such-backup.sqlite')).code).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('is a new workspace for the commands that start one', () => {
    const added = join(dir, 'first-customer.sqlite');
    expect(cli('customers', 'add', '--db', added, '--name', '张三').code).toBe(0);
    expect(JSON.parse(cli('customers', 'list', '--db', added, '--json').stdout)).toMatchObject({ total: 1, rows: [{ name: '张三' }] });
    const set = join(dir, 'settings-first.sqlite');
    expect(cli('settings', 'set', '--db', set, '--language', 'en').code).toBe(0);
    expect(existsSync(set)).toBe(true);
  });
});

describe('a --db that is not a TierBook database', () => {
  it('is refused on one line naming the file, by reading and by starting commands alike, and the file is left as it was', () => {
    const text = join(dir, 'contacts.sqlite');
    writeFileSync(text, 'name,phone\n');
    const foreign = join(dir, 'other-app.sqlite');
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, nm TEXT); INSERT INTO customers (nm) VALUES (1);');
    raw.close();
    const before = readFileSync(foreign);
    const cases = [
      [text, `${text} is not a database file (file is not a database)`],
      [foreign, `${foreign} is another program's database, not TierBook's (its tables: customers)`],
    ] as const;
    for (const [db, why] of cases) {
      for (const command of [['customers', 'list'], ['customers', 'add', '--name', '张三'], ['segment']]) {
        const run = cli(...command, '--db', db);
        expect(run.code, command.join(' ')).toBe(1);
        expect(run.stderr, command.join(' ')).toBe(`error: ${why}; it was left as it is. Choose a TierBook database, or a new file name to start one.\n`);
        expect(run.stdout).toBe('');
      }
    }
    expect(readFileSync(text, 'utf8')).toBe('name,phone\n');
    expect(readFileSync(foreign).equals(before)).toBe(true);
    expect(existsSync(`${foreign}-wal`) || existsSync(`${foreign}-shm`)).toBe(false);
  });
});
