import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestRunDay } from '../../db/repos/segmentation';
import { keepDailySnapshots, recomputeIfDayChanged } from '../../core/segmentation/daily';
import { FakeTimer } from '../support/fake-timer';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const clock = movableClock('2026-11-23');
beforeEach(async () => {
  clock.moveTo('2026-11-23');
  app = openTestApp('2026-11-23', { clock });
  await app.call('workspace:loadDemo', { customers: 60 });
});
afterEach(() => app.cleanup());

describe('the start-up tier snapshot', () => {
  it('stores today once, and again only when the day has changed', async () => {
    expect(latestRunDay(app.db)).toBeNull();
    expect(await recomputeIfDayChanged(app, '2026-11-23')).toBe(true);
    expect(latestRunDay(app.db)).toBe('2026-11-23');
    expect(await recomputeIfDayChanged(app, '2026-11-23')).toBe(false);
    clock.moveTo('2026-11-24');
    expect(await recomputeIfDayChanged(app, '2026-11-24')).toBe(true);
    expect(latestRunDay(app.db)).toBe('2026-11-24');
  });
});

describe('the tier snapshot while the app stays open', () => {
  it('stores the day a moment after start, and the next day at midnight without a restart', async () => {
    const previousTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      // 23:59:30 in Shanghai on the 23rd; the app started then and left running overnight.
      const timer = new FakeTimer(Date.parse('2026-11-23T15:59:30Z'));
      const errors: unknown[] = [];
      const daily = keepDailySnapshots(app, { delayMs: 1000, timer, onError: (error) => errors.push(error) });
      await timer.advanceTo('2026-11-23T15:59:31Z');
      await daily.settled();
      expect(latestRunDay(app.db)).toBe('2026-11-23');
      // Nothing more before midnight; the first millisecond of the 24th stores it.
      await timer.advanceTo('2026-11-23T15:59:59.999Z');
      await daily.settled();
      expect(latestRunDay(app.db)).toBe('2026-11-23');
      clock.moveTo('2026-11-24');
      await timer.advanceTo('2026-11-23T16:00:00.001Z');
      await daily.settled();
      expect(latestRunDay(app.db)).toBe('2026-11-24');
      const days = () => app.db.$client.prepare(`SELECT as_of FROM segment_runs ORDER BY as_of`).pluck().all();
      expect(days()).toEqual(['2026-11-23', '2026-11-24']);
      // Stopped (the app quitting): the next midnight stores nothing and leaves no timer.
      daily.stop();
      expect(timer.armed).toBe(0);
      await timer.advanceTo('2026-11-24T16:00:00.001Z');
      await daily.settled();
      expect(days()).toEqual(['2026-11-23', '2026-11-24']);
      expect(errors).toEqual([]);
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });
});

describe('the tier snapshot when the clock goes back', () => {
  it('a clock set back a day (corrected by hand, or a zone west of the last one) leaves the stored days as they were', async () => {
    const runs = () => app.db.$client.prepare(`SELECT as_of AS day, computed_at AS at FROM segment_runs ORDER BY as_of`).all();
    await recomputeIfDayChanged(app, '2026-11-23');
    clock.moveTo('2026-11-24');
    await recomputeIfDayChanged(app, '2026-11-24');
    const before = runs();
    expect(before.map((r) => (r as { day: string }).day)).toEqual(['2026-11-23', '2026-11-24']);

    // The clock set back to the 23rd: the day watch says a new day (day-watch.ts), and the snapshot is asked for it.
    clock.moveTo('2026-11-23');
    expect(await recomputeIfDayChanged(app, '2026-11-23')).toBe(false);
    expect(runs()).toEqual(before);
    expect(latestRunDay(app.db)).toBe('2026-11-24');
  });
});
