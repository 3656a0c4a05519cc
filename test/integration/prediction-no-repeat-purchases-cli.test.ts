import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The command line on a book where nobody has bought on a second day: `predict`, `predict fit --db` and
 * `predict holdout` print no figures and say why, naming the day and how many customers bought (exit 2: the data
 * allows no fit, as a day without orders is refused); `predict fit --summary` refuses a summary of one-time buyers.
 * The command line runs with the machine's own clock, so the days here are the machine's.
 */
const today = localDateOf(new Date());
const WHY = 'has bought on a second day, and purchase likelihood is learned from repeat purchases spread over time';
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(today);
  // Seven customers buying today only, two of them twice today (one purchase day each); three more bought 40 days ago.
  for (let i = 0; i < 10; i++) {
    const { customer } = await app.call('customers:create', { name: `客户${i}` });
    const day = i < 7 ? today : addDays(today, -40);
    for (let k = 0; k < (i < 2 ? 2 : 1); k++) await app.call('orders:create', { customerId: customer.id, orderDate: day, amount: '88.00', currency: 'CNY' });
  }
  await app.call('segments:recompute', {});
  app.close();
}, 60_000);
afterAll(() => rmSync(app.dir, { recursive: true, force: true }));

describe('nobody bought on a second day', () => {
  it.each([
    ['predict', ['predict']],
    ['predict --json', ['predict', '--json']],
    ['predict --as-of', ['predict', '--as-of', today]],
    ['predict fit', ['predict', 'fit']],
  ])('%s prints no figures and says why', (_name, words) => {
    const run = cli(...words, '--db', app.dbPath);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr.trim()).toBe(`error: nothing to predict from as of ${today}: none of the customers who bought on or before it (10) ${WHY}`);
  });

  it('predict holdout: a split before which nobody bought twice is refused with the same reason', () => {
    const split = addDays(today, -20);
    const run = cli('predict', 'holdout', '--db', app.dbPath, '--split', split);
    expect([run.code, run.stdout]).toEqual([2, '']);
    // Bought on or before the split: the three customers of 40 days ago.
    expect(run.stderr.trim()).toBe(`error: nothing to predict from as of ${split}: none of the customers who bought on or before it (3) ${WHY}`);
  });

  it('predict fit --summary: a file of one-time buyers only is refused, not fitted', () => {
    const file = join(app.dir, 'once.csv');
    writeFileSync(file, 'frequency,recency,T\n0,0,30\n0,0,12\n0,0,0\n');
    const run = cli('predict', 'fit', '--summary', file);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`--summary ${file}: no customer has a repeat purchase (frequency is 0 on every row)`);
  });
});
