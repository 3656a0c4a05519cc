import { existsSync, readdirSync } from 'node:fs';
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
      expect(run.code, command.join(' ')).toBe(1);
      expect(run.stderr, command.join(' ')).toBe(`error: no database at ${db} (nothing was created; "tierbook demo", "customers add" or an import starts one)\n`);
      expect(run.stdout).toBe('');
      expect(readdirSync(dir), command.join(' ')).toEqual([]);
    }
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
