import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { timedRemindersQuery } from '../../db/repos/reminders';
import { AppError } from '../../shared/contract';
import { contractReminderSource, summariseToday } from '../../shared/reminders/source';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const sql = <T>(query: string, ...params: unknown[]) => app.db.$client.prepare(query).pluck().get(...params) as T;
const issuesOf = async (run: Promise<unknown>) => {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).issues?.map((i) => [i.path.join('.'), i.key]);
};
const customer = (name: string) => app.call('customers:create', { name }).then((r) => r.customer.id);

describe('reminder settings through dispatch', () => {
  it('are on at 09:00 by default, and saved and read back', async () => {
    expect(await app.call('settings:get', {})).toMatchObject({ remindersEnabled: true, reminderTime: '09:00' });
    expect(await app.call('settings:update', { remindersEnabled: false, reminderTime: '07:45' })).toMatchObject({ remindersEnabled: false, reminderTime: '07:45' });
    expect([sql('SELECT reminders_enabled FROM settings'), sql('SELECT reminder_time FROM settings')]).toEqual([0, '07:45']);
    // A change of something else keeps them.
    await app.call('settings:update', { businessName: '小店' });
    expect(await app.call('settings:get', {})).toMatchObject({ remindersEnabled: false, reminderTime: '07:45' });
  });

  it.each(['9:00', '24:00', '09:60', '0900', '09:00:00', 'nine', '', '09:00 ', '１０:００'])('refuses the time %j with invalid_time and keeps the old one', async (time) => {
    expect(await issuesOf(app.call('settings:update', { reminderTime: time }))).toEqual([['reminderTime', 'invalid_time']]);
    expect(sql('SELECT reminder_time FROM settings')).toBe('09:00');
  });

  it('refuses a non-boolean switch', async () => {
    expect(await issuesOf(app.call('settings:update', { remindersEnabled: 'yes' as unknown as boolean }))).toEqual([['remindersEnabled', 'invalid_value']]);
  });

  it('the database refuses a bad time even from a caller that skips the contract', () => {
    expect(() => app.db.$client.prepare(`UPDATE settings SET reminder_time = '25:00'`).run()).toThrow(/settings_reminder_time_valid/);
    expect(() => app.db.$client.prepare(`UPDATE settings SET reminder_time = '9:00'`).run()).toThrow(/settings_reminder_time_valid/);
  });

  it('records the day the summary was shown', async () => {
    expect(await app.call('reminders:state', {})).toEqual({ summaryShownOn: null });
    await app.call('reminders:markSummaryShown', { date: '2026-11-23' });
    expect(await app.call('reminders:state', {})).toEqual({ summaryShownOn: '2026-11-23' });
    expect(await issuesOf(app.call('reminders:markSummaryShown', { date: '2026-02-30' }))).toEqual([['date', 'invalid_date']]);
  });
});

describe('timed follow-up reminders', () => {
  it('a follow-up takes an optional time on its next-contact date, and reminders:timed lists open ones in time order', async () => {
    const li = await customer('Li Lei');
    const wang = await customer('王芳');
    const archived = await customer('Archived');
    const make = (customerId: string, nextContactDate: string | null, nextContactTime: string | null) =>
      app.call('followups:create', { customerId, occurredAt: '2026-11-20T02:00:00.000Z', nextContactDate, nextContactTime }).then((r) => r.followUp);
    const a = await make(li, '2026-11-23', '15:30');
    const b = await make(wang, '2026-11-23', '09:05');
    await make(archived, '2026-11-23', '10:00');
    await app.call('customers:archive', { id: archived, archived: true });
    const untimed = await make(await customer('No time'), '2026-11-23', null);
    expect([a.nextContactTime, untimed.nextContactTime]).toEqual(['15:30', null]);

    const { items } = await app.call('reminders:timed', { from: '2026-11-23', to: '2026-11-23' });
    expect(items).toEqual([
      { followUpId: b.id, customerId: wang, customerName: '王芳', date: '2026-11-23', time: '09:05' },
      { followUpId: a.id, customerId: li, customerName: 'Li Lei', date: '2026-11-23', time: '15:30' },
    ]);
    // Counted another way: open, timed, live and unarchived, on that day.
    expect(items.length).toBe(
      sql<number>(`SELECT count(*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id
        WHERE f.done = 0 AND f.deleted_at IS NULL AND f.next_contact_time IS NOT NULL AND f.next_contact_date = '2026-11-23'
          AND c.deleted_at IS NULL AND c.archived_at IS NULL`),
    );

    // Done, or answered by a later contact: no longer announced.
    await app.call('followups:markDone', { id: b.id });
    expect((await app.call('reminders:timed', { from: '2026-11-23', to: '2026-11-23' })).items.map((i) => i.customerName)).toEqual(['Li Lei']);
    // Rescheduling moves the date and keeps the time.
    await app.call('followups:reschedule', { id: a.id, nextContactDate: '2026-11-24' });
    expect((await app.call('reminders:timed', { from: '2026-11-24', to: '2026-11-24' })).items.map((i) => [i.customerName, i.time])).toEqual([['Li Lei', '15:30']]);
  });

  it('reads the day’s timed reminders through the due index, not by scanning every follow-up', async () => {
    await app.call('workspace:loadDemo', { customers: 200 });
    const query = timedRemindersQuery(app.db, '2026-11-23', '2026-11-23', 500).toSQL();
    const detail = (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(detail).toContain('INDEX follow_ups_due');
    expect(detail).not.toMatch(/SCAN follow_ups(?! USING)/);
  });

  it('a time needs a date, and must be HH:MM', async () => {
    const id = await customer('Li Lei');
    expect(await issuesOf(app.call('followups:create', { customerId: id, nextContactTime: '10:00' }))).toEqual([['nextContactTime', 'time_without_date']]);
    expect(await issuesOf(app.call('followups:create', { customerId: id, nextContactDate: '2026-11-24', nextContactTime: '10h' }))).toEqual([['nextContactTime', 'invalid_time']]);
    expect(sql('SELECT count(*) FROM follow_ups')).toBe(0);
    expect(() => app.db.$client.prepare(`INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, next_contact_time) VALUES ('x', 'a', 'a', ?, '2026-11-23T00:00:00Z', 'call', '10:00')`).run(id)).toThrow(/follow_ups_next_time_valid/);
  });
});

describe("today's summary", () => {
  it('counts due and overdue reminders and policy-due customers, as plain SQL counts them', async () => {
    const names = ['过期', '今天', '以后', '从未联系'];
    const ids: string[] = [];
    for (const name of names) ids.push(await customer(name));
    const log = (i: number, next: string) => app.call('followups:create', { customerId: ids[i]!, occurredAt: '2026-11-01T03:00:00.000Z', nextContactDate: next });
    await log(0, '2026-11-20');
    await log(1, '2026-11-23');
    await log(2, '2026-11-25');

    // No policies: only the follow-up reminders count.
    for (const p of (await app.call('policies:list', {})).policies) await app.call('policies:delete', { scheme: p.scheme, classKey: p.classKey });
    const reminderCount = (op: '<' | '<=') =>
      sql<number>(`SELECT count(*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id
        WHERE f.done = 0 AND f.deleted_at IS NULL AND c.deleted_at IS NULL AND c.archived_at IS NULL AND f.next_contact_date ${op} '2026-11-23'`);
    expect(await summariseToday(app.call)).toEqual({ total: reminderCount('<='), overdue: reminderCount('<'), first: ['过期', '今天'] });
    expect([reminderCount('<='), reminderCount('<')]).toEqual([2, 1]);

    // Every pyramid class (customers without orders are 'none') to be contacted daily: everyone not
    // contacted today is due by policy too.
    for (const classKey of ['platinum', 'gold', 'iron', 'lead', 'none']) await app.call('policies:save', { scheme: 'pyramid', classKey, cadenceDays: 1 });
    const notContactedToday = sql<number>(
      `SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL AND substr(f.occurred_at, 1, 10) >= '2026-11-23')`,
    );
    expect(notContactedToday).toBe(4);
    const summary = await summariseToday(app.call);
    expect(summary).toMatchObject({ total: reminderCount('<=') + notContactedToday, overdue: 1 });
    expect(summary.first).toHaveLength(3);
    expect(summary.first.slice(0, 2)).toEqual(['过期', '今天']);
  });

  it('the scheduler source reads settings and records the shown day through the contract', async () => {
    const source = contractReminderSource(app.call);
    await app.call('settings:update', { reminderTime: '18:15' });
    expect(await source.settings()).toEqual({ enabled: true, dailyTime: '18:15' });
    await source.markSummaryShown('2026-11-23');
    expect(await source.lastSummaryDate()).toBe('2026-11-23');
    expect(sql('SELECT reminder_summary_shown_on FROM settings')).toBe('2026-11-23');
  });
});
