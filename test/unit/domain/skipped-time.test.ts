import { afterAll, describe, expect, it } from 'vitest';
import { skippedLocalTime } from '../../../shared/domain/skipped-time';

/**
 * Which typed local times the clocks skip, on the nights of 2026's clock changes in New York (forward 03-08 at
 * 02:00, back 11-01 at 02:00) and London (forward 03-29 at 01:00, back 10-25 at 02:00), and on the day Samoa skipped
 * whole (2011-12-30). Each answer is held to the local clock read back from the instant the zone's offsets give by
 * arithmetic, not to skippedLocalTime's own Date.
 */
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const HOUR = 3_600_000;
/** 'HH:MM' on the clock of `offsetHours` (local minus UTC) at `ms`. */
const clockAt = (ms: number, offsetHours: number) => new Date(ms + offsetHours * HOUR).toISOString().slice(11, 16);

describe('skippedLocalTime', () => {
  it('names the hour skipped when the clocks go forward, and where Date would have put it', () => {
    process.env.TZ = 'America/New_York';
    // 02:30 read in the old offset (EST, −5) is 07:30Z, which the new clock (EDT, −4) shows as 03:30.
    const ny = clockAt(Date.UTC(2026, 2, 8, 2 + 5, 30), -4);
    expect(ny).toBe('03:30');
    expect(skippedLocalTime('2026-03-08', '02:30')).toEqual({ date: '2026-03-08', time: '02:30', moved: ny });
    expect(skippedLocalTime('2026-03-08', '2:05')).toMatchObject({ time: '02:05', moved: '03:05' });
    process.env.TZ = 'Europe/London';
    // 01:30 in GMT (+0) is 01:30Z, which BST (+1) shows as 02:30.
    const london = clockAt(Date.UTC(2026, 2, 29, 1, 30), 1);
    expect(skippedLocalTime('2026-03-29', '01:30')).toEqual({ date: '2026-03-29', time: '01:30', moved: london });
  });

  it('takes every time that exists, including the hour that happens twice when the clocks go back', () => {
    for (const [zone, days, skipped] of [
      ['America/New_York', ['2026-03-08', '2026-11-01'], '2026-03-08 02:30'],
      ['Europe/London', ['2026-03-29', '2026-10-25'], '2026-03-29 01:30'],
      ['Asia/Shanghai', ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01'], ''],
      ['UTC', ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01'], ''],
    ] as const) {
      process.env.TZ = zone;
      for (const day of days) {
        for (const time of ['00:00', '00:30', '01:30', '02:30', '03:30', '23:59']) {
          expect(skippedLocalTime(day, time) !== null, `${zone} ${day} ${time}`).toBe(`${day} ${time}` === skipped);
        }
      }
    }
  });

  it('names the day too when the skip crosses midnight', () => {
    process.env.TZ = 'Pacific/Apia';
    // Samoa went from −10 to +14 at the end of 2011-12-29: 10:00 on the 30th at −10 is 20:00Z, 10:00 on the 31st at +14.
    expect(new Date(Date.UTC(2011, 11, 30, 20) + 14 * HOUR).toISOString().slice(0, 16)).toBe('2011-12-31T10:00');
    expect(skippedLocalTime('2011-12-30', '10:00')).toEqual({ date: '2011-12-30', time: '10:00', moved: '2011-12-31 10:00' });
  });

  it('reads the years before 100 as typed', () => {
    process.env.TZ = 'UTC';
    expect(skippedLocalTime('0050-06-01', '10:00')).toBeNull();
  });
});
