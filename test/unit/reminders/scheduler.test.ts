import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTimer, settle } from '../../support/fake-timer';
import { createReminderScheduler, MAX_SLEEP_MS, type ReminderNotice, type ReminderSettings, type TimedReminder, type TodaySummary } from '../../../shared/reminders/scheduler';

/**
 * A clock the test moves by hand: timers fire in order as time passes, and the scheduler's async checks
 * are let run between them. Every test runs in a fixed zone (Europe/Berlin, set below) so that the
 * wall-clock instants written as UTC in the assertions are the ones a user in that zone would see.
 */


/** An in-memory stand-in for the database: settings, the stored "summary shown" date, timed reminders. */
function memorySource(initial: Partial<ReminderSettings> = {}) {
  const state = {
    settings: { enabled: true, dailyTime: '09:00', ...initial } as ReminderSettings,
    lastShown: null as string | null,
    summary: { total: 3, overdue: 1, first: ['王芳', 'Li Lei'] } as TodaySummary,
    timed: [] as TimedReminder[],
    summaryReads: 0,
  };
  return {
    state,
    source: {
      settings: async () => ({ ...state.settings }),
      summariseToday: async () => (state.summaryReads++, state.summary),
      timedReminders: async (from: string, to: string) => state.timed.filter((r) => r.date >= from && r.date <= to),
      lastSummaryDate: async () => state.lastShown,
      markSummaryShown: async (date: string) => void (state.lastShown = date),
    },
  };
}

function setup(start: Date, initial: Partial<ReminderSettings> = {}) {
  const timer = new FakeTimer(start.getTime());
  const { state, source } = memorySource(initial);
  const notices: { at: string; notice: ReminderNotice }[] = [];
  const scheduler = createReminderScheduler({ timer, source, notify: (notice) => void notices.push({ at: timer.now().toISOString(), notice }) });
  return { timer, state, scheduler, notices };
}

const previousTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/Berlin';
  // The zone really changed: winter is UTC+1 in Berlin. Without this the DST tests would prove nothing.
  expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(-60);
});
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

// Berlin in winter is UTC+1, in summer UTC+2: 09:00 local is 08:00Z in January, 07:00Z in July.
describe('daily summary', () => {
  it('fires at 09:00 once, not twice, then again the next day at 09:00', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T06:30:00Z')); // 07:30 local
    await scheduler.start();
    expect(notices).toEqual([]);
    await timer.advanceTo(new Date('2026-01-15T07:59:59Z'));
    expect(notices).toEqual([]);
    await timer.advanceTo(new Date('2026-01-15T08:00:00Z'));
    expect(notices).toEqual([{ at: '2026-01-15T08:00:00.000Z', notice: { kind: 'summary', date: '2026-01-15', summary: state.summary } }]);
    // The rest of the day, a refresh and a restart-like second scheduler: nothing more.
    await scheduler.refresh();
    await timer.advanceTo(new Date('2026-01-15T22:59:00Z'));
    expect(notices).toHaveLength(1);
    await timer.advanceTo(new Date('2026-01-16T08:00:00Z'));
    expect(notices.map((n) => n.at)).toEqual(['2026-01-15T08:00:00.000Z', '2026-01-16T08:00:00.000Z']);
    expect(state.lastShown).toBe('2026-01-16');
    expect(Math.max(...timer.delays)).toBeLessThanOrEqual(MAX_SLEEP_MS);
  });

  it('started at 10:00 with today not shown yet: once at start-up, and not again that day', async () => {
    const { timer, scheduler, notices } = setup(new Date('2026-01-15T09:00:00Z')); // 10:00 local
    await scheduler.start();
    expect(notices.map((n) => [n.at, n.notice.kind])).toEqual([['2026-01-15T09:00:00.000Z', 'summary']]);
    await timer.advanceTo(new Date('2026-01-15T22:30:00Z'));
    expect(notices).toHaveLength(1);
  });

  it('a restart on a day it was already shown shows nothing (the day is stored, not kept in memory)', async () => {
    const first = setup(new Date('2026-01-15T08:30:00Z'));
    await first.scheduler.start();
    expect(first.notices).toHaveLength(1);
    first.scheduler.stop();
    expect(first.timer.armed).toBe(0);

    const timer = new FakeTimer(new Date('2026-01-15T10:00:00Z').getTime());
    const notices: ReminderNotice[] = [];
    const again = createReminderScheduler({ timer, source: memorySourceWith(first.state), notify: (n) => void notices.push(n) });
    await again.start();
    await timer.advanceTo(new Date('2026-01-15T22:00:00Z'));
    expect(notices).toEqual([]);
  });

  it('nothing due: no notification, and the day counts as done', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T07:00:00Z'));
    state.summary = { total: 0, overdue: 0, first: [] };
    await scheduler.start();
    await timer.advanceTo(new Date('2026-01-15T08:00:00Z'));
    expect(notices).toEqual([]);
    expect(state.lastShown).toBe('2026-01-15');
    state.summary = { total: 2, overdue: 0, first: ['A'] };
    await timer.advanceTo(new Date('2026-01-15T20:00:00Z'));
    expect(notices).toEqual([]);
  });

  it('a changed time re-arms: moved from 09:00 to 11:30 before 09:00, it fires at 11:30 only', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T06:00:00Z')); // 07:00 local
    await scheduler.start();
    state.settings.dailyTime = '11:30';
    await scheduler.refresh();
    await timer.advanceTo(new Date('2026-01-15T10:29:00Z'));
    expect(notices).toEqual([]);
    await timer.advanceTo(new Date('2026-01-15T10:30:00Z'));
    expect(notices.map((n) => n.at)).toEqual(['2026-01-15T10:30:00.000Z']);
  });

  it('a changed time earlier than now shows the summary at once (after a refresh, not an hour later)', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T06:00:00Z')); // 07:00 local
    await scheduler.start();
    await timer.advanceTo(new Date('2026-01-15T06:20:00Z'));
    state.settings.dailyTime = '07:15';
    await scheduler.refresh();
    expect(notices.map((n) => n.at)).toEqual(['2026-01-15T06:20:00.000Z']);
  });

  it('disabled: never notifies and leaves no timer armed; enabled again, it resumes', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T06:00:00Z'), { enabled: false });
    state.timed = [{ followUpId: 'f1', customerId: 'c1', customerName: 'Li Lei', date: '2026-01-15', time: '08:00' }];
    await scheduler.start();
    expect(timer.armed).toBe(0);
    await timer.advanceTo(new Date('2026-01-17T12:00:00Z'));
    expect(notices).toEqual([]);
    expect(state.summaryReads).toBe(0);

    state.settings.enabled = true;
    await scheduler.refresh();
    // 13:00 local on the 17th: that day's summary at once (its 09:00 has passed).
    expect(notices.map((n) => n.notice.kind)).toEqual(['summary']);
    // Switched off while armed: the armed timer is dropped.
    state.settings.enabled = false;
    await scheduler.refresh();
    expect(timer.armed).toBe(0);
  });

  it('a failing data source is retried, not abandoned', async () => {
    const timer = new FakeTimer(new Date('2026-01-15T09:00:00Z').getTime());
    const { source } = memorySource();
    let fail = true;
    const errors: unknown[] = [];
    const notices: ReminderNotice[] = [];
    const scheduler = createReminderScheduler({
      timer,
      source: { ...source, summariseToday: async () => (fail ? Promise.reject(new Error('busy')) : source.summariseToday()) },
      notify: (n) => void notices.push(n),
      onError: (e) => errors.push(e),
    });
    await scheduler.start();
    expect([errors.length, notices.length]).toEqual([1, 0]);
    fail = false;
    await timer.advanceTo(new Date('2026-01-15T09:01:00Z'));
    expect(notices.map((n) => n.kind)).toEqual(['summary']);
  });
});

describe('timed reminders', () => {
  const reminder = (id: string, date: string, time: string): TimedReminder => ({ followUpId: id, customerId: `c-${id}`, customerName: `Customer ${id}`, date, time });

  it('fires at its minute, once; minutes already past at start-up are left to the summary', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T08:00:00Z')); // 09:00 local
    state.lastShown = '2026-01-15';
    state.timed = [reminder('early', '2026-01-15', '08:30'), reminder('a', '2026-01-15', '14:25'), reminder('b', '2026-01-15', '16:00')];
    await scheduler.start();
    await timer.advanceTo(new Date('2026-01-15T13:24:59Z'));
    expect(notices).toEqual([]);
    await timer.advanceTo(new Date('2026-01-15T13:25:00Z'));
    expect(notices).toEqual([{ at: '2026-01-15T13:25:00.000Z', notice: { kind: 'timed', reminder: state.timed[1] } }]);
    await scheduler.refresh();
    await timer.advanceTo(new Date('2026-01-15T16:00:00Z'));
    expect(notices.map((n) => [n.at, n.notice.kind === 'timed' ? n.notice.reminder.followUpId : ''])).toEqual([
      ['2026-01-15T13:25:00.000Z', 'a'],
      ['2026-01-15T15:00:00.000Z', 'b'],
    ]);
  });

  it('a reminder added while running is picked up on refresh and fires at its minute', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T09:00:00Z'));
    await scheduler.start();
    notices.length = 0;
    state.timed.push(reminder('new', '2026-01-15', '10:45'));
    await scheduler.refresh();
    await timer.advanceTo(new Date('2026-01-15T09:45:00Z'));
    expect(notices.map((n) => [n.at, n.notice.kind])).toEqual([['2026-01-15T09:45:00.000Z', 'timed']]);
  });

  it('a machine asleep across the minute shows it on waking (late, once), not never', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-01-15T09:00:00Z'));
    state.timed = [reminder('x', '2026-01-15', '15:00')];
    await scheduler.start();
    notices.length = 0;
    // The armed timer fires long after it was due (the machine slept until 15:40 local).
    timer.ms = new Date('2026-01-15T14:40:00Z').getTime();
    await timer.advanceTo(new Date('2026-01-15T14:40:00Z'));
    expect(notices.map((n) => [n.at, n.notice.kind])).toEqual([['2026-01-15T14:40:00.000Z', 'timed']]);
  });
});

describe('daylight saving and time zones (Europe/Berlin)', () => {
  it('on the spring-forward day (29 Mar 2026) the summary is at 09:00 summer time, not 10:00 or 08:00', async () => {
    // Started Saturday 28 Mar 12:00 local (UTC+1), summary already shown that day.
    const { timer, scheduler, notices, state } = setup(new Date('2026-03-28T11:00:00Z'));
    state.lastShown = '2026-03-28';
    await scheduler.start();
    await timer.advanceTo(new Date('2026-03-29T06:59:59Z'));
    expect(notices).toEqual([]);
    await timer.advanceTo(new Date('2026-03-29T07:00:00Z')); // 09:00 CEST
    expect(notices.map((n) => n.at)).toEqual(['2026-03-29T07:00:00.000Z']);
    expect(new Date(notices[0]!.at).getHours()).toBe(9);
  });

  it('on the fall-back day (25 Oct 2026) a 02:30 reminder fires once, and the summary is at 09:00 winter time', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-10-24T20:00:00Z')); // 22:00 CEST
    state.lastShown = '2026-10-24';
    // 02:30 happens twice that night; it is shown the first time only.
    state.timed = [{ followUpId: 'night', customerId: 'c1', customerName: 'Night owl', date: '2026-10-25', time: '02:30' }];
    await scheduler.start();
    await timer.advanceTo(new Date('2026-10-25T12:00:00Z'));
    expect(notices.map((n) => [n.at, n.notice.kind])).toEqual([
      ['2026-10-25T00:30:00.000Z', 'timed'], // 02:30 CEST, the first of the two
      ['2026-10-25T08:00:00.000Z', 'summary'], // 09:00 CET
    ]);
  });

  it('a 02:30 reminder on the spring-forward night (an hour that does not exist) fires once, at 03:30', async () => {
    const { timer, scheduler, notices, state } = setup(new Date('2026-03-28T21:00:00Z'));
    state.lastShown = '2026-03-28';
    state.timed = [{ followUpId: 'gap', customerId: 'c1', customerName: 'Gap', date: '2026-03-29', time: '02:30' }];
    await scheduler.start();
    await timer.advanceTo(new Date('2026-03-29T05:00:00Z'));
    expect(notices.map((n) => n.at)).toEqual(['2026-03-29T01:30:00.000Z']);
    expect(new Date(notices[0]!.at).getHours()).toBe(3);
  });

  it('the machine moving to another zone is followed at the next wake, because no timer sleeps past an hour', async () => {
    const { timer, scheduler, notices } = setup(new Date('2026-01-15T06:00:00Z')); // 07:00 Berlin
    await scheduler.start();
    // The laptop travels to Shanghai (UTC+8): it is 14:00 there, past 09:00, so the summary is shown
    // within the hour rather than at 09:00 Berlin time.
    process.env.TZ = 'Asia/Shanghai';
    expect(new Date('2026-01-15T06:00:00Z').getHours()).toBe(14);
    await timer.advanceTo(new Date('2026-01-15T07:00:00Z'));
    expect(notices.map((n) => n.at)).toEqual(['2026-01-15T07:00:00.000Z']);
    expect(Math.max(...timer.delays)).toBeLessThanOrEqual(MAX_SLEEP_MS);
  });
});

function memorySourceWith(state: ReturnType<typeof memorySource>['state']) {
  return {
    settings: async () => ({ ...state.settings }),
    summariseToday: async () => state.summary,
    timedReminders: async () => state.timed,
    lastSummaryDate: async () => state.lastShown,
    markSummaryShown: async (date: string) => void (state.lastShown = date),
  };
}
