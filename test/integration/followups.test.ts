import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const customer = (name: string) => app.call('customers:create', { name }).then((r) => r.customer.id);
const log = (customerId: string, nextContactDate: string | null, occurredAt = '2026-11-01T03:00:00.000Z') =>
  app.call('followups:create', { customerId, occurredAt, channel: 'call', content: 'hello', nextContactDate }).then((r) => r.followUp);
const dueNames = async (asOf?: string) => {
  const due = await app.call('followups:due', { asOf });
  return { overdue: due.overdue.map((i) => i.customerName), today: due.today.map((i) => i.customerName), upcoming: due.upcoming.map((i) => i.customerName) };
};

describe('follow-ups due', () => {
  it('sorts reminders into overdue, today and the next 7 days, on any given date', async () => {
    await log(await customer('过期'), '2026-11-20');
    await log(await customer('今天'), '2026-11-23');
    await log(await customer('第七天'), '2026-11-30');
    await log(await customer('第八天'), '2026-12-01');
    await log(await customer('不提醒'), null);
    expect(await dueNames()).toEqual({ overdue: ['过期'], today: ['今天'], upcoming: ['第七天'] });
    expect(await dueNames('2026-12-01')).toEqual({ overdue: ['过期', '今天', '第七天'], today: ['第八天'], upcoming: [] });
    const due = await app.call('followups:due', { asOf: '2026-11-23' });
    expect(due.overdue[0]!.daysOverdue).toBe(3);
    expect(due.upcoming[0]!.daysOverdue).toBe(-7);
  });

  it('refuses a contact logged on a day after today, and keeps nothing of it; later today is taken', async () => {
    const id = await customer('未来');
    // The test clock stands at 2026-11-23 12:00 local time.
    const at = (day: string, time: string) => new Date(`${day}T${time}`).toISOString();
    for (const occurredAt of [at('2026-11-24', '00:00:00'), at('2062-11-23', '12:00:00')]) {
      const refused = await app.dispatch('followups:create', { customerId: id, occurredAt, content: 'typo' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['occurredAt'], key: 'occurred_in_future' }] } });
    }
    expect((await app.call('followups:list', { customerId: id })).followUps).toEqual([]);
    const tonight = (await app.call('followups:create', { customerId: id, occurredAt: at('2026-11-23', '23:59:00'), content: 'tonight' })).followUp;
    expect((await app.call('followups:list', { customerId: id })).followUps.map((f) => f.content)).toEqual(['tonight']);
    // An edit moving it to another year is refused as well; an edit of its content alone is taken.
    const moved = await app.dispatch('followups:update', { id: tonight.id, followUp: { customerId: id, occurredAt: at('2062-11-23', '12:00:00'), content: 'tonight' } });
    expect(moved).toMatchObject({ ok: false, error: { issues: [{ path: ['occurredAt'], key: 'occurred_in_future' }] } });
    await app.call('followups:update', { id: tonight.id, followUp: { customerId: id, occurredAt: tonight.occurredAt, content: 'tonight, edited' } });
    expect((await app.call('followups:list', { customerId: id })).followUps.map((f) => [f.content, f.occurredAt])).toEqual([['tonight, edited', tonight.occurredAt]]);
  });

  it('logging a follow-up answers the reminders earlier contacts had set', async () => {
    const id = await customer('张三');
    const first = await log(id, '2026-11-20');
    const second = await app.call('followups:create', { customerId: id, occurredAt: '2026-11-23T02:00:00.000Z', content: '回电了', nextContactDate: '2026-11-26' });
    expect(second.answered).toEqual([first.id]);
    expect(await dueNames()).toEqual({ overdue: [], today: [], upcoming: ['张三'] });
    const history = (await app.call('followups:list', { customerId: id })).followUps;
    expect(history.map((f) => [f.content, f.done, f.answeredBy])).toEqual([
      ['回电了', false, null],
      ['hello', true, second.followUp.id],
    ]);
    const row = (await app.call('customers:list', {})).rows[0]!;
    expect([row.lastContactAt, row.nextContactDate]).toEqual(['2026-11-23T02:00:00.000Z', '2026-11-26']);
  });

  it('a back-dated entry does not close a reminder set after it', async () => {
    const id = await customer('李四');
    await log(id, '2026-11-20', '2026-11-10T00:00:00.000Z');
    const older = await app.call('followups:create', { customerId: id, occurredAt: '2026-11-01T00:00:00.000Z', content: 'old note' });
    expect(older.answered).toEqual([]);
    expect((await dueNames()).overdue).toEqual(['李四']);
  });

  it('marks done and reschedules', async () => {
    const a = await log(await customer('甲'), '2026-11-20');
    const b = await log(await customer('乙'), '2026-11-21');
    await app.call('followups:markDone', { id: a.id });
    await app.call('followups:reschedule', { id: b.id, nextContactDate: '2026-11-25' });
    expect(await dueNames()).toEqual({ overdue: [], today: [], upcoming: ['乙'] });
  });

  it('rescheduling a reminder a later contact answered opens it again, answered by nobody', async () => {
    const id = await customer('甲');
    const first = await log(id, '2026-11-20');
    const later = await log(id, null, '2026-11-10T03:00:00.000Z');
    const stored = () => app.db.$client.prepare(`SELECT done, answered_by AS answeredBy FROM follow_ups WHERE id = ?`).get(first.id);
    expect(stored()).toEqual({ done: 1, answeredBy: later.id });
    const reopened = await app.call('followups:reschedule', { id: first.id, nextContactDate: '2026-11-25' });
    expect(reopened).toMatchObject({ done: false, answeredBy: null, nextContactDate: '2026-11-25' });
    expect(stored()).toEqual({ done: 0, answeredBy: null });
    expect(await dueNames()).toEqual({ overdue: [], today: [], upcoming: ['甲'] });
  });

  it('leaves archived and deleted customers out', async () => {
    const a = await customer('甲');
    const b = await customer('乙');
    await log(a, '2026-11-23');
    await log(b, '2026-11-23');
    await app.call('customers:archive', { id: a, archived: true });
    await app.call('customers:delete', { id: b });
    expect(await dueNames()).toEqual({ overdue: [], today: [], upcoming: [] });
  });

  it('validates satisfaction, intent and dates field by field', async () => {
    const id = await customer('丙');
    const bad = await app.dispatch('followups:create', { customerId: id, satisfaction: 6, intent: 'maybe', nextContactDate: '2026-13-01' });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [
          { path: ['intent'], key: 'invalid_choice' },
          { path: ['satisfaction'], key: 'satisfaction_range' },
          { path: ['nextContactDate'], key: 'invalid_date' },
        ],
      },
    });
    expect((await app.call('followups:list', { customerId: id })).followUps).toEqual([]);
  });
});

describe('follow-ups due at scale', () => {
  it('returns at most `limit` items per section, earliest first, with the full counts', async () => {
    for (let i = 0; i < 5; i++) await log(await customer(`客户${i}`), `2026-11-1${i}`);
    const due = await app.call('followups:due', { limit: 2 });
    expect(due.counts).toEqual({ overdue: 5, today: 0, upcoming: 0 });
    expect(due.overdue.map((d) => d.dueDate)).toEqual(['2026-11-10', '2026-11-11']);
  });
});

describe('the next contact a follow-up plans', () => {
  it('is refused before the follow-up’s own day on logging, editing and rescheduling, keeping nothing; that day and later are taken', async () => {
    const id = await customer('下次联系');
    const at = (day: string, time = '09:00:00') => new Date(`${day}T${time}`).toISOString();
    const stored = () => app.db.$client.prepare('SELECT id, occurred_at, next_contact_date, done, updated_at FROM follow_ups ORDER BY id').all();
    const kept = () => app.db.$client.prepare('SELECT next_contact_date AS next, last_contact_at AS last FROM customers WHERE id = ?').get(id);
    const before = (day: string) => ({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['nextContactDate'], key: 'next_contact_before_follow_up', params: { date: day } }] } });

    expect(await app.dispatch('followups:create', { customerId: id, occurredAt: at('2026-11-06'), content: 'visit', nextContactDate: '2026-11-05' })).toMatchObject(before('2026-11-06'));
    expect(stored()).toEqual([]);
    expect(kept()).toEqual({ next: null, last: null });

    // The same day is a call back later that day.
    const visit = (await app.call('followups:create', { customerId: id, occurredAt: at('2026-11-06'), content: 'visit', nextContactDate: '2026-11-06', nextContactTime: '17:00' })).followUp;
    const input = { customerId: id, occurredAt: visit.occurredAt, content: 'visit' };
    const snapshot = [stored(), kept()];
    expect(await app.dispatch('followups:update', { id: visit.id, followUp: { ...input, nextContactDate: '2026-11-01' } })).toMatchObject(before('2026-11-06'));
    expect(await app.dispatch('followups:update', { id: visit.id, followUp: { ...input, occurredAt: at('2026-11-07'), nextContactDate: '2026-11-06' } })).toMatchObject(before('2026-11-07'));
    expect(await app.dispatch('followups:reschedule', { id: visit.id, nextContactDate: '2026-11-05' })).toMatchObject(before('2026-11-06'));
    expect([stored(), kept()]).toEqual(snapshot);

    expect((await app.call('followups:update', { id: visit.id, followUp: { ...input, nextContactDate: '2026-12-01' } })).nextContactDate).toBe('2026-12-01');
    expect((await app.call('followups:reschedule', { id: visit.id, nextContactDate: '2026-11-30' })).nextContactDate).toBe('2026-11-30');
    expect(kept()).toEqual({ next: '2026-11-30', last: visit.occurredAt });

    // One stored before the rule (an old import) keeps its dates through an edit of its content alone.
    app.db.$client.prepare('UPDATE follow_ups SET next_contact_date = ? WHERE id = ?').run('2026-11-02', visit.id);
    expect((await app.call('followups:update', { id: visit.id, followUp: { ...input, content: 'visit, notes added', nextContactDate: '2026-11-02' } })).content).toBe('visit, notes added');
  });
});

describe('a reminder time the clocks skip', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is refused on logging and editing, naming the time it would go off, keeping nothing; the hour that happens twice is taken', async () => {
    process.env.TZ = 'America/New_York';
    const id = await customer('夏令时');
    const stored = () => app.db.$client.prepare('SELECT id, next_contact_date, next_contact_time, updated_at FROM follow_ups ORDER BY id').all();
    // 02:30 does not exist on 2026-03-08 in New York: read at EST (−5) it is 07:30Z, which EDT (−4) shows as 03:30.
    const moved = new Date(Date.UTC(2026, 2, 8, 2 + 5, 30) - 4 * 3_600_000).toISOString().slice(11, 16);
    const skipped = { ok: false, error: { code: 'invalid_input', issues: [{ path: ['nextContactTime'], key: 'local_time_skipped', params: { date: '2026-03-08', time: '02:30', moved } }] } };
    const input = { customerId: id, occurredAt: '2026-03-07T15:00:00.000Z', content: 'call back Sunday night' };

    expect(await app.dispatch('followups:create', { ...input, nextContactDate: '2026-03-08', nextContactTime: '02:30' })).toMatchObject(skipped);
    expect(stored()).toEqual([]);

    const call = (await app.call('followups:create', { ...input, nextContactDate: '2026-03-08', nextContactTime: '03:30' })).followUp;
    const snapshot = stored();
    expect(await app.dispatch('followups:update', { id: call.id, followUp: { ...input, nextContactDate: '2026-03-08', nextContactTime: '02:30' } })).toMatchObject(skipped);
    expect(stored()).toEqual(snapshot);

    // 01:30 on 2026-11-01 happens twice in New York: a reminder then is a real time (its first occurrence).
    expect((await app.call('followups:update', { id: call.id, followUp: { ...input, nextContactDate: '2026-11-01', nextContactTime: '01:30' } })).nextContactTime).toBe('01:30');
    // A time stored where another zone had no gap (an import made in Shanghai) keeps through an edit of its content alone.
    app.db.$client.prepare('UPDATE follow_ups SET next_contact_date = ?, next_contact_time = ? WHERE id = ?').run('2026-03-08', '02:30', call.id);
    expect((await app.call('followups:update', { id: call.id, followUp: { ...input, content: 'notes added', nextContactDate: '2026-03-08', nextContactTime: '02:30' } })).content).toBe('notes added');
  });
});
