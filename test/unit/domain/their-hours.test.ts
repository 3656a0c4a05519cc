import { describe, expect, it } from 'vitest';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';
import { instantOf, ownTimeFor, theirTimeOf, THEIR_CALL_TIME } from '../../../shared/domain/their-hours';

const MINUTE = 60_000;

/**
 * The expected answers come from arithmetic on instants with offsets written by hand from the zones' 2026 rules,
 * never from Intl: the United States move their clocks on 8 March and 1 November, the United Kingdom on 29 March
 * and 25 October, Sydney (southern summer) back on 5 April; Shanghai and Abu Dhabi never do.
 */
const SHANGHAI = 480;
const known = (zone: string, weekend = [6, 7]): CustomerTimeZone => ({ status: 'known', zone, weekend });

/** The instant a clock `offset` minutes from UTC reads `date` `time`. */
const instantAt = (date: string, time: string, offset: number) => Date.parse(`${date}T${time}:00Z`) - offset * MINUTE;
/** What a clock `offset` minutes from UTC reads at `ms`. */
const wallAt = (ms: number, offset: number) => {
  const iso = new Date(ms + offset * MINUTE).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};
/** The user's wall time (offset `own`) that is `theirTime` on `theirDate` for a customer at offset `theirs`. */
const userTimeFor = (theirDate: string, theirs: number, own: number, theirTime = '09:00') => wallAt(instantAt(theirDate, theirTime, theirs), own);

describe('"their 09:00": the user\'s time that is 09:00 on that day for the customer', () => {
  it.each([
    // New York moved to summer time (UTC-4) on 8 March: 09:00 there is 21:00 in Shanghai, a week earlier 22:00.
    ['Asia/Shanghai', SHANGHAI, 'America/New_York', '2026-03-10', -240],
    ['Asia/Shanghai', SHANGHAI, 'America/New_York', '2026-03-06', -300],
    // Both zones' rules: London keeps GMT until 29 March while New York is already on summer time, and goes back
    // on 25 October, a week before New York: 13:00 in London those weeks, 14:00 between.
    ['Europe/London', 0, 'America/New_York', '2026-03-10', -240],
    ['Europe/London', 60, 'America/New_York', '2026-04-07', -240],
    ['Europe/London', 0, 'America/New_York', '2026-10-27', -240],
    ['Europe/London', 0, 'America/New_York', '2026-11-03', -300],
    // Sydney's summer ends on 5 April: 06:00 in Shanghai before, 07:00 after.
    ['Asia/Shanghai', SHANGHAI, 'Australia/Sydney', '2026-04-03', 660],
    ['Asia/Shanghai', SHANGHAI, 'Australia/Sydney', '2026-04-07', 600],
    // Los Angeles' Tuesday 09:00 is Wednesday midnight in Shanghai: the user's date moves too.
    ['Asia/Shanghai', SHANGHAI, 'America/Los_Angeles', '2026-07-07', -420],
    ['Asia/Shanghai', SHANGHAI, 'Asia/Kathmandu', '2026-07-07', 345],
  ])('user in %s (UTC%s min), client in %s on %s (UTC%s min)', (userZone, own, zone, date, theirs) => {
    expect(ownTimeFor({ date, time: null }, known(zone), userZone)).toEqual(userTimeFor(date, theirs, own));
  });

  it('takes the day the client is on at the time already set, so a second click changes nothing', () => {
    // 10:00 Tuesday in Shanghai is 22:00 Monday in New York: their Monday's 09:00, 21:00 Monday in Shanghai.
    const first = ownTimeFor({ date: '2026-03-10', time: '10:00' }, known('America/New_York'), 'Asia/Shanghai');
    expect(first).toEqual(userTimeFor('2026-03-09', -240, SHANGHAI));
    expect(ownTimeFor({ date: first!.date, time: first!.time }, known('America/New_York'), 'Asia/Shanghai')).toEqual(first);
    // Los Angeles: the first click moves the date to Wednesday, the second keeps it.
    const la = ownTimeFor({ date: '2026-07-07', time: null }, known('America/Los_Angeles'), 'Asia/Shanghai')!;
    expect(la).toEqual({ date: '2026-07-08', time: '00:00' });
    expect(ownTimeFor({ date: la.date, time: la.time }, known('America/Los_Angeles'), 'Asia/Shanghai')).toEqual(la);
    expect(THEIR_CALL_TIME).toBe('09:00');
  });

  it('offers nothing for a client whose zone is not known', () => {
    expect(ownTimeFor({ date: '2026-03-10', time: null }, null, 'Asia/Shanghai')).toBeNull();
    expect(ownTimeFor({ date: '2026-03-10', time: null }, { status: 'several', reason: 'no_city' }, 'Asia/Shanghai')).toBeNull();
  });
});

describe("the time set, in the client's hours", () => {
  it.each([
    // 15:00 Tuesday in Shanghai is 03:00 Tuesday in New York: night there.
    ['Asia/Shanghai', SHANGHAI, '2026-03-10', '15:00', known('America/New_York'), -240, 2, true, false],
    // 21:00 Saturday in Shanghai is 09:00 Saturday in New York: the weekend there, not night.
    ['Asia/Shanghai', SHANGHAI, '2026-03-14', '21:00', known('America/New_York'), -240, 6, false, true],
    // Friday is the weekend in Riyadh (Friday and Saturday there), UTC+3.
    ['Asia/Shanghai', SHANGHAI, '2026-03-13', '15:00', known('Asia/Riyadh', [5, 6]), 180, 5, false, true],
    // Sunday is a working day there.
    ['Asia/Shanghai', SHANGHAI, '2026-03-15', '15:00', known('Asia/Riyadh', [5, 6]), 180, 7, false, false],
    // Abidjan keeps UTC: a London user in summer (UTC+1) is an hour ahead.
    ['Europe/London', 60, '2026-07-15', '12:00', known('Africa/Abidjan'), 0, 3, false, false],
  ])('%s %s %s → the client', (userZone, own, date, time, timeZone, theirs, isoWeekday, night, weekend) => {
    const ms = instantAt(date, time, own);
    expect(theirTimeOf({ date, time }, timeZone, userZone)).toEqual({ ...wallAt(ms, theirs), isoWeekday, night, weekend, ms, zone: (timeZone as { zone: string }).zone });
  });

  it("says nothing when the client's clock reads the user's at that moment, or is not known", () => {
    expect(theirTimeOf({ date: '2026-03-10', time: '15:00' }, known('Asia/Hong_Kong'), 'Asia/Shanghai')).toBeNull();
    // London and Abidjan agree in winter only.
    expect(theirTimeOf({ date: '2026-01-15', time: '12:00' }, known('Africa/Abidjan'), 'Europe/London')).toBeNull();
    expect(theirTimeOf({ date: '2026-03-10', time: '15:00' }, null, 'Asia/Shanghai')).toBeNull();
    expect(theirTimeOf({ date: '2026-03-10', time: '15:00' }, { status: 'several', reason: 'ambiguous_city' }, 'Asia/Shanghai')).toBeNull();
  });
});

describe('a wall time as an instant', () => {
  it('reads an hour the clock skips with the offset before the change, and an hour shown twice as the first', () => {
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT; 02:30 is read as UTC-5, 03:30 EDT.
    expect(instantOf('America/New_York', { date: '2026-03-08', time: '02:30' })).toBe(instantAt('2026-03-08', '02:30', -300));
    // 1 November 2026: 01:30 comes first in EDT (UTC-4), then again in EST.
    expect(instantOf('America/New_York', { date: '2026-11-01', time: '01:30' })).toBe(instantAt('2026-11-01', '01:30', -240));
    expect(instantOf('America/New_York', { date: '2026-11-01', time: '03:30' })).toBe(instantAt('2026-11-01', '03:30', -300));
    expect(instantOf('Mars/Olympus_Mons', { date: '2026-11-01', time: '03:30' })).toBeNull();
    expect(instantOf('Asia/Shanghai', { date: '2026-11', time: '03:30' })).toBeNull();
  });
});
