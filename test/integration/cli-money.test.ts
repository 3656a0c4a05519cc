/**
 * The command line's readable lines show money as people read it, in the workspace's base currency
 * ("120.50 USD"), where they used to print minor units (`12050 (minor units)`); `--json` keeps the contract's
 * minor units. Each amount shown is checked against the JSON's, converted here by arithmetic.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { baseMoney } from '../../core/cli/base-money';
import { cli } from '../support/cli';
import { tempDir } from '../support/test-app';

/** Cents as dollars with two digits, by integer arithmetic (not the product's formatter). */
const dollars = (minor: number) => {
  const cents = Math.round(minor);
  const sign = cents < 0 ? '-' : '';
  return `${sign}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')} USD`;
};

function json<T>(...args: string[]): T {
  const run = cli(...args, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('money on the command line', () => {
  it('tiers, explain and predict show amounts in the base currency; --json keeps minor units', () => {
    const db = join(tempDir(), 'usd.sqlite');
    expect(cli('settings', 'set', '--db', db, '--base-currency', 'USD').code).toBe(0);
    const today = localDateOf(new Date());
    const ids: string[] = [];
    for (const [k, name] of ['Ada', 'Bo', 'Cy'].entries()) {
      const id = json<{ customer: { id: string } }>('customers', 'add', '--db', db, '--name', name).customer.id;
      ids.push(id);
      // Repeat buyers, so the prediction has something to say about each.
      for (let n = 0; n < 3 + k; n++) {
        const run = cli('orders', 'add', '--db', db, '--customer', id, '--date', addDays(today, -20 * n - k - 1), '--amount', `${120 + k}.${n}5`, '--currency', 'USD');
        expect(run.code, run.stderr).toBe(0);
      }
    }
    expect(cli('segment', '--db', db).code).toBe(0);

    const members = json<{ rows: { id: string; revenueMinor: number }[] }>('tiers', '--db', db, '--scheme', 'pyramid');
    const tiers = cli('tiers', '--db', db, '--scheme', 'pyramid');
    expect(members.rows).toHaveLength(3);
    for (const row of members.rows) {
      expect(Number.isInteger(row.revenueMinor)).toBe(true);
      // The customer's name first, the id last (for --customer), as predict prints them.
      const name = ['Ada', 'Bo', 'Cy'][ids.indexOf(row.id)]!;
      expect(tiers.stdout).toMatch(new RegExp(`^${name} .* revenue ${dollars(row.revenueMinor).replace('.', '\\.')} +${row.id}$`, 'm'));
    }
    expect(tiers.stdout).not.toContain('minor units');

    const explained = json<{ metrics: { revenueMinor: number } }>('explain', '--db', db, '--customer', ids[2]!);
    const explain = cli('explain', '--db', db, '--customer', ids[2]!);
    // Cy's five orders: 122.05 + 122.15 + 122.25 + 122.35 + 122.45 USD.
    expect(explained.metrics.revenueMinor).toBe(5 * 12200 + 5 + 15 + 25 + 35 + 45);
    expect(explain.stdout).toContain(`5 orders, revenue ${dollars(explained.metrics.revenueMinor)} in the window`);
    expect(explain.stdout).toContain('revenue 611.25 USD in the window');
    expect(explain.stdout).not.toContain('minor units');

    const predicted = json<{ id: string; expectedOrderValueMinor: number; clvMinor: number }[]>('predict', '--db', db);
    const predict = cli('predict', '--db', db);
    expect(predicted).toHaveLength(3);
    for (const row of predicted) {
      expect(predict.stdout).toContain(`Expected order value ${dollars(row.expectedOrderValueMinor)}  Customer value (CLV) ${dollars(row.clvMinor)}`);
      // Each row names its customer first and keeps the id last; the confidence and method are the screen's words.
      const line = predict.stdout.split('\n').find((l) => l.endsWith(`  ${row.id}`))!;
      expect(line.split(/\s+/)[0]).toBe(['Ada', 'Bo', 'Cy'][ids.indexOf(row.id)]);
      expect(line).toMatch(/ (fairly|somewhat|not very) sure · (BG\/NBD model|Little data: pulled toward typical values) {2}/);
    }
    expect(predict.stdout).not.toMatch(/\b(high|medium|low) (bgnbd|shrunk)\b/);
    expect(predict.stdout).not.toContain('minor units');

    // Highest first by the sort asked for; a sort it does not know names the choices.
    const byValue = json<{ clvMinor: number }[]>('predict', '--db', db, '--sort', 'clv').map((r) => r.clvMinor);
    expect(byValue).toEqual([...byValue].sort((a, b) => b - a));
    const bogus = cli('predict', '--db', db, '--sort', 'bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('error: --sort must be one of score, pAlive, expectedValue, clv, likelyValue, got "bogus"\n');
  });

  it('writes each currency with its own digits, rounds an average, and says so without one', () => {
    expect(baseMoney('USD')(12050)).toBe('120.50 USD');
    expect(baseMoney('USD')(-5)).toBe('-0.05 USD');
    expect(baseMoney('USD')(1234.5)).toBe('12.35 USD');
    expect(baseMoney('JPY')(12050)).toBe('12050 JPY');
    expect(baseMoney('KWD')(12050)).toBe('12.050 KWD');
    expect(baseMoney('USD')(null)).toBe('–');
    expect(baseMoney('USD')(Number.NaN)).toBe('–');
    expect(baseMoney(undefined)(12050)).toBe('12050 (minor units)');
  });
});
