import { afterEach, describe, expect, it } from 'vitest';
import { watchLocalDay } from '../../../shared/reminders/day-watch';
import { MAX_SLEEP_MS } from '../../../shared/reminders/scheduler';
import { FakeTimer } from '../../support/fake-timer';

const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

function watch(zone: string, startIso: string) {
  process.env.TZ = zone;
  const timer = new FakeTimer(Date.parse(startIso));
  const days: { at: string; day: string }[] = [];
  const watcher = watchLocalDay(timer, (day) => days.push({ at: timer.now().toISOString(), day }));
  return { timer, days, watcher };
}

describe('watchLocalDay: a screen left open sees the new day', () => {
  it('Asia/Shanghai: says the new day in the first millisecond after midnight, once, and not at 23:59:59.999', async () => {
    // 23:59:59.999 on Dec 6 in Shanghai (UTC+8) is 15:59:59.999Z.
    const { timer, days } = watch('Asia/Shanghai', '2026-12-06T15:59:59.000Z');
    await timer.advanceTo('2026-12-06T15:59:59.999Z');
    expect(days).toEqual([]);
    await timer.advanceTo('2026-12-06T16:00:00.001Z');
    expect(days).toEqual([{ at: '2026-12-06T16:00:00.001Z', day: '2026-12-07' }]);
    await timer.advanceTo('2026-12-07T15:59:00.000Z');
    expect(days).toHaveLength(1);
    expect(Math.max(...timer.delays)).toBeLessThanOrEqual(MAX_SLEEP_MS);
  });

  it('Europe/Berlin across both clock changes: the 23-hour and the 25-hour day each end at their own midnight', async () => {
    // Clocks go forward on 2026-03-29 (CET → CEST) and back on 2026-10-25 (CEST → CET).
    const { timer, days } = watch('Europe/Berlin', '2026-03-28T22:30:00Z'); // 23:30 CET on the 28th
    await timer.advanceTo('2026-03-30T23:00:00Z');
    // Midnight of the 29th is 23:00Z on the 28th (CET); of the 30th, 22:00Z on the 29th (CEST, a 23-hour day).
    expect(days).toEqual([
      { at: '2026-03-28T23:00:00.001Z', day: '2026-03-29' },
      { at: '2026-03-29T22:00:00.001Z', day: '2026-03-30' },
      { at: '2026-03-30T22:00:00.001Z', day: '2026-03-31' },
    ]);
    const back = watch('Europe/Berlin', '2026-10-24T21:00:30Z'); // 23:00:30 CEST on the 24th
    await back.timer.advanceTo('2026-10-26T23:30:00Z');
    // The 25th has 25 hours: its midnight is 22:00Z on the 24th (CEST) and the 26th's is 23:00Z on the 25th (CET).
    expect(back.days).toEqual([
      { at: '2026-10-24T22:00:00.001Z', day: '2026-10-25' },
      { at: '2026-10-25T23:00:00.001Z', day: '2026-10-26' },
      { at: '2026-10-26T23:00:00.001Z', day: '2026-10-27' },
    ]);
  });

  it('a laptop flown from Shanghai to Los Angeles: the day goes back, and is said when the clock is read again', async () => {
    // 2026-12-07 02:00 in Shanghai is 2026-12-06 10:00 in Los Angeles.
    const { timer, days, watcher } = watch('Asia/Shanghai', '2026-12-06T18:00:00Z');
    process.env.TZ = 'America/Los_Angeles';
    watcher.check();
    expect(days).toEqual([{ at: '2026-12-06T18:00:00.000Z', day: '2026-12-06' }]);
    // The next wake is Los Angeles' midnight (08:00Z on the 7th), at most an hour's sleep at a time.
    await timer.advanceTo('2026-12-07T08:00:00.001Z');
    expect(days.map((d) => d.day)).toEqual(['2026-12-06', '2026-12-07']);
  });

  it('a machine that slept across midnight says the day when it wakes (the window shown again), and stop leaves no timer', async () => {
    const { timer, days, watcher } = watch('Pacific/Kiritimati', '2026-12-06T09:00:00Z'); // 23:00 on the 6th at UTC+14
    // Asleep: no timer ran, the wall clock moved on by nine hours.
    timer.ms = Date.parse('2026-12-06T18:00:00Z');
    watcher.check();
    expect(days).toEqual([{ at: '2026-12-06T18:00:00.000Z', day: '2026-12-07' }]);
    watcher.stop();
    expect(timer.armed).toBe(0);
    watcher.check();
    expect(timer.armed).toBe(0);
  });
});
