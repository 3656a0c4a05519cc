import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/test-app';
import { cli } from '../support/cli';
import { rowCountIn } from '../support/table-counts';

let db: string;
beforeAll(() => {
  db = join(tempDir(), 'cli.sqlite');
});
const count = (table: string) => rowCountIn(db, table);

describe('the tierbook CLI', () => {
  it('fills a database with the demo workspace', () => {
    const run = cli('demo', '--db', db, '--customers', '40', '--seed', '3', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { customers: number; orders: number };
    expect(out.customers).toBe(40);
    expect(count('customers')).toBe(40);
    expect(count('orders')).toBe(out.orders);
  });

  it('adds a customer with contacts and warns about a likely duplicate on stderr-free stdout', () => {
    const first = cli('customers', 'add', '--db', db, '--name', '张三', '--phone', '138 0013 8000', '--tags', '老客户,月结', '--json');
    expect(first.code).toBe(0);
    const added = JSON.parse(first.stdout) as { customer: { id: string; contacts: { value: string }[]; tags: string[] } };
    expect(added.customer.contacts[0]!.value).toBe('+8613800138000');
    expect(added.customer.tags).toEqual(['老客户', '月结']);
    const second = cli('customers', 'add', '--db', db, '--name', '张三丰', '--phone', '+86 138-0013-8000');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`warning: possible duplicate — 张三 ${added.customer.id} has the same phone +8613800138000`);
  });

  it('lists customers found by pinyin, as text and as stable JSON', () => {
    const json = cli('customers', 'list', '--db', db, '--search', 'zs', '--json');
    const out = JSON.parse(json.stdout) as { total: number; rows: { name: string }[] };
    expect(out.rows.map((r) => r.name)).toContain('张三');
    expect(Object.keys(out)).toEqual(['total', 'rows']);
    const text = cli('customers', 'list', '--db', db, '--search', 'zhangsan');
    expect(text.stdout).toMatch(/张三 .*\+86 138 0013 8000/);
    expect(text.stdout).toMatch(/\d+ of \d+ customers/);
  });

  it('records orders and follow-ups and lists what is due on a given date', () => {
    const id = (JSON.parse(cli('customers', 'list', '--db', db, '--search', 'zhangsanfeng', '--json').stdout) as { rows: { id: string }[] }).rows[0]!.id;
    const order = cli('orders', 'add', '--db', db, '--customer', id, '--date', '2026-11-20', '--amount', '1234.50', '--currency', 'CNY');
    expect([order.code, order.stdout]).toEqual([0, expect.stringContaining('1234.50 CNY on 2026-11-20')]);
    const follow = cli('followups', 'add', '--db', db, '--customer', id, '--content', '报价', '--next', '2099-01-05', '--json');
    expect(follow.code).toBe(0);
    const due = JSON.parse(cli('followups', 'due', '--db', db, '--as-of', '2099-01-05', '--json').stdout) as { today: { customerId: string }[] };
    expect(due.today.map((d) => d.customerId)).toEqual([id]);
  });

  it('refuses bad input with one clear line on stderr, a non-zero exit, and nothing written', () => {
    const before = count('orders');
    const id = (JSON.parse(cli('customers', 'list', '--db', db, '--search', 'zhangsan', '--json').stdout) as { rows: { id: string }[] }).rows[0]!.id;
    for (const [amount, message] of [
      ['12,3x', 'error: --amount must be a positive amount such as 12.34'],
      ['-5', 'error: --amount must not be negative (0 is a free order)'],
    ] as const) {
      const run = cli('orders', 'add', '--db', db, '--customer', id, '--date', '2026-11-20', `--amount=${amount}`, '--currency', 'CNY');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`${message}\n`);
      expect(run.stdout).toBe('');
    }
    const noRate = cli('orders', 'add', '--db', db, '--customer', id, '--date', '2020-01-01', '--amount', '5', '--currency', 'GBP');
    // No --fx-rate was typed: the refusal names what is missing and the ways to give it, not the flag as if given.
    expect(noRate.stderr).toBe('error: no exchange rate for GBP is stored on or before 2020-01-01: give the rate with --fx-rate (what 1 GBP is worth in the base currency), or add it under FX rates in the app\n');
    expect(cli('orders', 'add', '--db', db, '--customer', 'nobody', '--date', '2026-11-20', '--amount', '5', '--currency', 'CNY').stderr).toBe('error: No customer with id nobody\n');
    expect(count('orders')).toBe(before);
  });

  it('treats unknown commands, unknown flags and missing flags as usage errors (exit 2)', () => {
    expect(cli('customers', 'lst', '--db', db)).toMatchObject({ code: 2, stderr: 'error: unknown command "customers lst" (there are: customers list, add, show; see tierbook --help)\n' });
    expect(cli('customers', 'list', '--db', db, '--bogus').code).toBe(2);
    expect(cli('orders', 'add', '--db', db)).toMatchObject({ code: 2, stderr: 'error: --customer is required\n' });
    // A negative number after a flag is its value (node:util parseArgs would read it as a flag), refused as a count.
    expect(cli('tiers', '--db', db, '--scheme', 'rfm', '--limit', '-1')).toMatchObject({ code: 2, stderr: 'error: --limit must be 1 or more, got -1\n' });
    expect(cli('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: tierbook <command> --db FILE') });
  });

  it('prints one command\'s usage and flags for <command> --help, -h or help <command>, and nothing runs', () => {
    const before = count('orders');
    const help = cli('orders', 'add', '--db', db, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tierbook orders add --db FILE \[flags\]\n\nRecord an order: /);
    expect(help.stdout).toContain('Flags: --db FILE, --customer VALUE, --date VALUE, --amount VALUE, --currency VALUE');
    expect(help.stdout).toContain('--line VALUE (repeatable)');
    expect(help.stdout.trimEnd().endsWith('--json')).toBe(true);
    expect(cli('help', 'orders', 'add').stdout).toBe(help.stdout);
    expect(cli('segment', '-h').stdout).toContain('Usage: tierbook segment --db FILE [flags]');
    expect(cli('import', 'orders', '--help').stdout).toContain('Usage: tierbook import orders FILE --db FILE [flags]');
    expect(cli('help', 'serve').stdout).toContain('Usage: tierbook serve --db FILE [--port N] [--open-url]');
    expect(cli('nonsense', '--help')).toMatchObject({ code: 2, stderr: 'error: unknown command "nonsense" (see tierbook --help)\n' });
    expect(count('orders')).toBe(before);
  });

  it('prints its version for --version, -V, -v or version, alone or with --json, and nothing else runs', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const asked of ['--version', '-V', '-v', 'version']) expect(cli(asked)).toMatchObject({ code: 0, stdout: `TierBook ${version}\n`, stderr: '' });
    expect(JSON.parse(cli('--version', '--json').stdout)).toEqual({ version });
    expect(JSON.parse(cli('--json', '-V').stdout)).toEqual({ version });
    // Beside a command it is no version question: the command's own flags decide, as before.
    expect(cli('customers', 'list', '--db', db, '--version').code).toBe(2);
    expect(cli('--help').stdout).toContain('tierbook --version');
  });
});
