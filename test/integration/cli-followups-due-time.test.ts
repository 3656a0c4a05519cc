import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * `followups due` printed a reminder's day only, so "call back at 14:30" read as "some time today". A timed reminder
 * shows its time beside the day, the wall-clock "HH:MM" the screens show; one without a time shows the day alone.
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

async function remind(name: string, nextContactDate: string, nextContactTime: string | null) {
  const customerId = (await app.call('customers:create', { name })).customer.id;
  await app.call('followups:create', { customerId, occurredAt: '2026-11-20T03:00:00.000Z', content: `call ${name}`, nextContactDate, nextContactTime });
}

/** The reminder's day and time as stored, read with plain SQL rather than through the app. */
const stored = (name: string) =>
  app.db.$client
    .prepare(`SELECT f.next_contact_date AS day, f.next_contact_time AS time FROM follow_ups f JOIN customers c ON c.id = f.customer_id WHERE c.name = ?`)
    .get(name) as { day: string; time: string | null };

describe('followups due', () => {
  it.each(['en', 'zh-CN'])('prints a timed reminder’s local time beside its day, and a day alone for one without (%s)', async (lang) => {
    await remind('Timed Overdue', '2026-11-21', '09:05');
    await remind('Timed Today', '2026-11-23', '14:30');
    await remind('Untimed Today', '2026-11-23', null);
    await remind('Timed Upcoming', '2026-11-25', '18:45');

    const run = cli('followups', 'due', '--db', app.dbPath, '--as-of', '2026-11-23', '--lang', lang);
    expect(run.code, run.stderr).toBe(0);
    const lineOf = (name: string) => run.stdout.split('\n').find((line) => line.includes(name))!;
    for (const name of ['Timed Overdue', 'Timed Today', 'Timed Upcoming']) {
      const { day, time } = stored(name);
      expect(time).toMatch(/^\d\d:\d\d$/);
      expect(lineOf(name)).toMatch(new RegExp(`^  ${day} ${time}  ${name} `));
    }
    expect(lineOf('Untimed Today')).toMatch(/^ {2}2026-11-23 {8}Untimed Today /);
    // The names stand in one column whether or not a time precedes them.
    expect(new Set(['Timed Today', 'Untimed Today'].map((name) => lineOf(name).indexOf(name))).size).toBe(1);
  });

  it.each(['en', 'zh-CN'])('lists a day’s reminders by their time, the untimed ones of the day first (%s)', async (lang) => {
    // Logged in an order that is not the day's: 14:30 before 09:00, so the order they were written in shows through.
    await remind('Today Afternoon', '2026-11-23', '14:30');
    await remind('Today Morning', '2026-11-23', '09:00');
    await remind('Today Any Time', '2026-11-23', null);
    await remind('Today Noon', '2026-11-23', '12:00');
    await remind('Overdue Late', '2026-11-21', '17:00');
    await remind('Overdue Early', '2026-11-21', '08:15');
    await remind('Overdue Day Before', '2026-11-20', '18:00');

    // The expected order, by day and then by time with a day's untimed ones first, said in SQL of its own.
    const expected = (app.db.$client
      .prepare(`SELECT c.name FROM follow_ups f JOIN customers c ON c.id = f.customer_id
        ORDER BY f.next_contact_date, CASE WHEN f.next_contact_time IS NULL THEN 0 ELSE 1 END, f.next_contact_time`)
      .pluck()
      .all() as string[]);
    const run = cli('followups', 'due', '--db', app.dbPath, '--as-of', '2026-11-23', '--lang', lang);
    expect(run.code, run.stderr).toBe(0);
    const printed = run.stdout.split('\n').flatMap((line) => expected.filter((name) => line.includes(name)));
    expect(printed).toEqual(expected);
    expect(printed.slice(3)).toEqual(['Today Any Time', 'Today Morning', 'Today Noon', 'Today Afternoon']);

    // Scripts get the same order.
    const json = JSON.parse(cli('followups', 'due', '--db', app.dbPath, '--as-of', '2026-11-23', '--json').stdout) as Record<'overdue' | 'today', Array<{ customerName: string }>>;
    expect([...json.overdue, ...json.today].map((i) => i.customerName)).toEqual(expected);
  });

  it('gives the time in its JSON too', async () => {
    await remind('Timed Today', '2026-11-23', '14:30');
    await remind('Untimed Today', '2026-11-23', null);
    const run = cli('followups', 'due', '--db', app.dbPath, '--as-of', '2026-11-23', '--json');
    expect(run.code, run.stderr).toBe(0);
    const today = (JSON.parse(run.stdout) as { today: Array<{ customerName: string; dueTime: string | null }> }).today;
    expect(Object.fromEntries(today.map((i) => [i.customerName, i.dueTime]))).toEqual({ 'Timed Today': stored('Timed Today').time, 'Untimed Today': null });
  });
});
