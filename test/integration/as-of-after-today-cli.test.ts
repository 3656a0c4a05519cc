import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Every command reading tiers or activity as of a day refuses a day to come, as `segment` and `predict` do: read as
 * of a day that has not come, a customer who bought today would show as churned with no class (`explain`), and
 * Today's list would be built from those classes. `followups due` is a calendar of reminders (their own dates), so a
 * day to come stays its to show. The command line runs with the machine's own clock, so the days here are the machine's.
 */
let app: TestApp;
let customerId: string;
const today = localDateOf(new Date());
const tomorrow = addDays(today, 1);
beforeAll(async () => {
  app = openTestApp(today);
  customerId = (await app.call('customers:create', { name: '张三' })).customer.id;
  await app.call('orders:create', { customerId, orderDate: today, amount: '120.00', currency: 'CNY' });
  app.close();
});
afterAll(() => rmSync(app.dir, { recursive: true, force: true }));

describe('--as-of a day to come', () => {
  const reading: Array<[string, string[]]> = [
    ['explain', ['explain', '--customer', 'ID']],
    ['tiers', ['tiers', '--scheme', 'value']],
    ['today', ['today']],
  ];

  it.each(reading)('%s refuses it, naming today, and computes nothing', (_name, words) => {
    const args = words.map((w) => (w === 'ID' ? customerId : w));
    const run = cli(...args, '--db', app.dbPath, '--as-of', tomorrow);
    expect([run.code, run.stdout, run.stderr.trim()]).toEqual([
      2,
      '',
      `error: --as-of must not be after today (${today}): a day to come has no orders or follow-ups yet, so every customer would read as gone quiet`,
    ]);
  });

  it.each(reading)('%s still reads today', (_name, words) => {
    const args = words.map((w) => (w === 'ID' ? customerId : w));
    const run = cli(...args, '--db', app.dbPath, '--as-of', today);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(today);
  });

  it('followups due still shows what falls due on a day to come', async () => {
    const run = cli('followups', 'add', '--db', app.dbPath, '--customer', customerId, '--content', '报价', '--next', tomorrow);
    expect(run.code).toBe(0);
    const due = JSON.parse(cli('followups', 'due', '--db', app.dbPath, '--as-of', tomorrow, '--json').stdout) as { today: { customerId: string }[] };
    expect(due.today.map((d) => d.customerId)).toEqual([customerId]);
  });

  it('segment and predict keep their own reasons', () => {
    expect(cli('segment', '--db', app.dbPath, '--as-of', tomorrow).stderr.trim()).toBe(
      `error: --as-of must not be after today (${today}): tiers are stored for days that have come, one after another`,
    );
    expect(cli('predict', '--db', app.dbPath, '--as-of', tomorrow).stderr.trim()).toBe(
      `error: --as-of must not be after today (${today}): the model would read the days to come as days without orders`,
    );
  });
});
