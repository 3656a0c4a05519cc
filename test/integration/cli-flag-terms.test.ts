import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';
import { rowCountIn } from '../support/table-counts';

/**
 * What the command line says when it refuses: the flags the user typed (--due, not payment.dueDate), the values
 * an enumerated flag allows, where a page past the end is, and a day to come refused for a fit. Every refusal
 * writes nothing.
 */
let db: string;
let customerId: string;
const today = localDateOf(new Date());

const count = (table: string) => rowCountIn(db, table);

beforeAll(() => {
  db = join(tempDir(), 'flags.sqlite');
  expect(cli('demo', '--db', db, '--customers', '40', '--seed', '3').code).toBe(0);
  customerId = (JSON.parse(cli('customers', 'list', '--db', db, '--limit', '1', '--json').stdout) as { rows: { id: string }[] }).rows[0]!.id;
}, 60_000);

describe('a refusal names the flag typed, not the contract field', () => {
  it('for every command whose flags fill differently named fields', () => {
    const order = ['orders', 'add', '--db', db, '--customer', customerId, '--date', '2026-01-10', '--currency', 'CNY'];
    const cases: Array<[string[], string]> = [
      [[...order, '--amount', '10', '--due', '2026-01-01'], '--due must not be before the order date (2026-01-10): the sale would be overdue at once'],
      [[...order, '--amount', '10', '--paid', '20'], '--paid must be between 0 and the order amount'],
      [[...order, '--line', '|茶|1|5', '--line', '|水|1|5.123'], 'the unit price of the 2nd --line has more decimals than CNY takes (2 at most)'],
      [['orders', 'add', '--db', db, '--customer', customerId, '--date', '20260110', '--currency', 'CN', '--amount', '1'], '--date must be a date like 2026-03-05; --currency must be a 3-letter currency code such as CNY, USD or EUR'],
      [['orders', 'return', '--db', db, '--customer', customerId, '--amount', '5'], '--currency is required'],
      [['customers', 'add', '--db', db, '--name', 'X', '--phone', '13800138000', '--phone', 'abc', '--email', 'nope'], 'the 2nd --phone is not a valid phone number; --email is not a valid email address'],
      [['followups', 'add', '--db', db, '--customer', customerId, '--next-time', '25:00', '--at', 'yesterday'], '--at must be a date and time; --next-time must be a time like 09:30 (24-hour)'],
      [['followups', 'due', '--db', db, '--days', '1000'], '--days must be at most 60'],
      [['tiers', '--db', db, '--scheme', 'pyramid', '--class', 'golden'], '--class is not a class of this scheme: one of platinum, gold, iron, lead, none'],
      [['customers', 'list', '--db', db, '--class', 'gold'], '--scheme is required'],
      [['settings', 'set', '--db', db, '--clv-horizon', '0', '--region', 'x'.repeat(300)], '--region is 300 characters, at most 80: shorten it by 220; --clv-horizon must be a whole number of months from 1 to 120'],
      [['predict', 'holdout', '--db', db, '--split', '2026-02-01', '--until', '2026-01-01'], '--until must be after the split date'],
    ];
    const before = [count('orders'), count('customers'), count('follow_ups')];
    for (const [args, message] of cases) {
      const run = cli(...args);
      expect([run.code, run.stderr, run.stdout], args.join(' ')).toEqual([2, `error: ${message}\n`, '']);
    }
    expect([count('orders'), count('customers'), count('follow_ups')]).toEqual(before);
  });
});

describe('an unknown value of an enumerated flag', () => {
  it('is refused naming the values there are, on every command that takes one', () => {
    const cases: Array<[string[], string]> = [
      [['report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-03-01', '--period', 'week'], '--period must be one of month, quarter, year, got "week"'],
      [['customers', 'add', '--db', db, '--name', 'X', '--type', 'shop', '--level', 'D'], '--type must be one of individual, enterprise, government, distributor, internal, got "shop"; --level must be one of A, B, C, got "D"'],
      [['followups', 'add', '--db', db, '--customer', customerId, '--channel', 'fax', '--intent', 'maybe'], '--channel must be one of call, visit, wechat, whatsapp, email, meeting, other, got "fax"; --intent must be one of interested, hesitant, not_now, never, got "maybe"'],
      [['customers', 'list', '--db', db, '--view', 'deleted'], '--view must be one of active, archived, trash, got "deleted"'],
      [['tiers', '--db', db, '--scheme', 'pyramid', '--sort', 'money'], '--sort must be one of name, revenue, orders, recency, followUps, lastOrder, aov, likelihood, pAlive, expectedValue, clv, got "money"'],
    ];
    for (const [args, message] of cases) {
      const run = cli(...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([2, `error: ${message}\n`]);
    }
    // The command line's own choices (checked before any call) name theirs too, and exit the same way.
    const usage: Array<[string[], string]> = [
      [['settings', 'set', '--db', db, '--language', 'fr'], '--language must be one of zh-CN, en, system, got "fr"'],
      [['report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-03-01', '--xlsx', join(tempDir(), 'r.xlsx'), '--language', 'fr'], '--language must be one of zh-CN, en, got "fr"'],
      [['export', 'customers', join(tempDir(), 'c.csv'), '--db', db, '--lang', 'fr'], '--lang must be zh-CN|en, got "fr"'],
      [['predict', '--db', db, '--sort', 'best'], '--sort must be one of score, pAlive, expectedValue, clv, likelyValue, got "best"'],
    ];
    for (const [args, message] of usage) {
      const run = cli(...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([2, `error: ${message}\n`]);
    }
  });
});

describe('a page past the end', () => {
  it('says the offset is past the last of them, where it said there was no one', () => {
    const all = JSON.parse(cli('predict', '--db', db, '--limit', '5000', '--json').stdout) as { id: string }[];
    expect(all.length).toBeGreaterThan(0);
    const past = cli('predict', '--db', db, '--offset', String(all.length));
    expect([past.code, past.stdout]).toEqual([0, `--offset ${all.length} is past the last of the ${all.length} customers with orders as of ${today}.\n`]);
    // Scripts still read the rows alone: none.
    expect(JSON.parse(cli('predict', '--db', db, '--offset', String(all.length), '--json').stdout)).toEqual([]);
    const served = JSON.parse(cli('today', '--db', db, '--json').stdout) as { total: number };
    expect(served.total).toBeGreaterThan(0);
    expect(cli('today', '--db', db, '--offset', '9999').stdout).toBe(`Today ${today}\n--offset 9999 is past the last of the ${served.total} to serve\n`);
    expect(Object.keys(JSON.parse(cli('today', '--db', db, '--offset', '9999', '--json').stdout))).toEqual(['asOf', 'total', 'items']);
    expect(cli('tiers', '--db', db, '--scheme', 'pyramid', '--offset', '9999').stdout).toBe(`--offset 9999 is past the last of the 40 customers as of ${today}\n`);
  });

  it('for one customer with no orders by then, says so', () => {
    expect(cli('predict', '--db', db, '--customer', customerId, '--as-of', '2000-01-01').stdout).toBe(`Customer ${customerId} has no orders on or before 2000-01-01 to predict from.\n`);
  });
});

describe('a fit as of a day to come', () => {
  it('is refused by predict fit and predict, as the holdout refuses a split that has not passed', () => {
    const tomorrow = addDays(today, 1);
    for (const args of [['predict', 'fit'], ['predict']]) {
      const run = cli(...args, '--db', db, '--as-of', tomorrow);
      expect([run.code, run.stderr, run.stdout], args.join(' ')).toEqual([2, `error: --as-of must not be after today (${today}): the model would read the days to come as days without orders\n`, '']);
    }
    expect(cli('predict', 'fit', '--db', db, '--as-of', today).code).toBe(0);
  });
});
