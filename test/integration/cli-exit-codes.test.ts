import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, invalidInput, ISSUE_MESSAGES } from '../../shared/contract';
import { UsageError } from '../../core/cli/args';
import { exitCodeOf, NOT_THE_INPUT } from '../../core/cli/exit-codes';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/**
 * Bad input from the command line exits 2 with one line naming the flag, whether the command line checks the value
 * or the contract does; a negative count is such a value, not a flag. Failures that are not the input exit 1.
 */
let db: string;
let customerId: string;
beforeAll(() => {
  db = join(tempDir(), 'exit-codes.sqlite');
  expect(cli('customers', 'add', '--db', db, '--name', '张三').code).toBe(0);
  customerId = (JSON.parse(cli('customers', 'list', '--db', db, '--json').stdout) as { rows: { id: string }[] }).rows[0]!.id;
});

const refused = (...args: string[]) => {
  const run = cli(...args, '--db', db);
  return [run.code, run.stdout, run.stderr];
};

describe('bad input from the command line', () => {
  it('exits 2 naming the flag, whichever side checks the value, a negative count given either way', () => {
    const cases: Array<[string[], string]> = [
      // The contract's checks.
      [['customers', 'list', '--limit', '-1'], '--limit must be at least 1'],
      [['customers', 'list', '--limit=-1'], '--limit must be at least 1'],
      [['today', '--offset', '-2'], '--offset must be at least 0'],
      [['products', 'search', '--limit', '-5'], '--limit must be at least 1'],
      [['orders', 'add', '--customer', customerId, '--date', '2026-11-20', '--currency', 'CNY', '--amount', '-5'], '--amount must not be negative (0 is a free order)'],
      // The command line's own.
      [['customers', 'list', '--limit', '1.5'], '--limit must be a whole number, got "1.5"'],
      [['customers', 'list', '--limit', '99999999999999999999'], '--limit is too large, got 99999999999999999999'],
      [['tiers', '--scheme', 'pyramid', '--limit', '-1'], '--limit must be 1 or more, got -1'],
    ];
    for (const [args, message] of cases) expect(refused(...args), args.join(' ')).toEqual([2, '', `error: ${message}\n`]);
  });

  it("says what node:util parseArgs would refuse in the command line's words, naming the flag", () => {
    const cases: Array<[string[], string]> = [
      [['customers', 'list', '--bogus'], 'unknown flag --bogus (tierbook customers list --help lists the flags it takes)'],
      [['customers', 'list', '-x'], 'unknown flag -x: flags start with -- (tierbook customers list --help lists them)'],
      [['customers', 'list', '--json=yes'], '--json takes no value, got "yes"'],
      [['customers', 'list', '--search', '--json'], '--search needs a value before --json'],
      [['customers', 'list', '--search', '-zs'], '--search needs a value: "-zs" reads as a flag (if it is the value, write --search=-zs)'],
    ];
    for (const [args, message] of cases) expect(refused(...args), args.join(' ')).toEqual([2, '', `error: ${message}\n`]);
    // Last on the line, with nothing after it.
    const run = cli('customers', 'list', '--db', db, '--limit');
    expect([run.code, run.stderr]).toEqual([2, 'error: --limit needs a value\n']);
  });

  it('a number already used is refused input too; a record that is not there is not', () => {
    const order = ['orders', 'add', '--customer', customerId, '--date', '2026-11-20', '--currency', 'CNY', '--amount', '5', '--number', 'INV-1'];
    expect(refused(...order)[0]).toBe(0);
    expect(refused(...order)).toEqual([2, '', 'error: --number is already used by the order of 张三 dated 2026-11-20 (entered there as INV-1)\n']);
    expect(refused('orders', 'add', '--customer', 'nobody', '--date', '2026-11-20', '--currency', 'CNY', '--amount', '5')).toEqual([1, '', 'error: No customer with id nobody\n']);
  });

  it("an amount that fits but would take the customer's total past what is counted exactly is refused input (2), nothing written", () => {
    const order = (amount: string) => ['orders', 'add', '--customer', customerId, '--date', '2026-11-21', '--currency', 'CNY', '--amount', amount];
    expect(refused(...order('50000000000000'))[0]).toBe(0);
    const [code, stdout, stderr] = refused(...order('50000000000000'));
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain("would bring the customer's total past the largest sum that can be counted exactly");
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare(`SELECT count(*) FROM orders WHERE amount_minor = 5000000000000000`).pluck().get()).toBe(1);
    raw.close();
  });

  it('lists the exit codes in the help', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 done. 2 the input was refused and nothing changed');
    expect(help.stdout).toContain('1 any other failure');
  });
});

describe('the exit code of a failure', () => {
  it('is 1 for what the contract reports as invalid input but is no fault of it (a crashed worker), and for other codes', () => {
    expect(exitCodeOf(new UsageError(() => 'x'))).toBe(2);
    expect(exitCodeOf(invalidInput([{ path: ['amount'], key: 'amount_negative' }]))).toBe(2);
    expect(exitCodeOf(invalidInput([{ path: ['source'], key: 'import_worker_crashed', params: { reason: 'killed' } }]))).toBe(1);
    for (const code of ['not_found', 'conflict', 'busy', 'internal', 'db_too_new'] as const) expect(exitCodeOf(new AppError(code, 'x')), code).toBe(1);
    expect(exitCodeOf(new Error('x'))).toBe(1);
    // Each key named there is one the contract has: a renamed key would otherwise silently exit 2.
    for (const key of NOT_THE_INPUT) expect(ISSUE_MESSAGES[key], key).toBeDefined();
  });
});
