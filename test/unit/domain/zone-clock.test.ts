import { describe, expect, it } from 'vitest';
import { clockText, isNight, isWeekend, offsetText, zoneClock, type ZoneClock } from '../../../shared/domain/zone-clock';

const MINUTE = 60_000;

/**
 * What a clock `offsetMinutes` from UTC shows at `utc`, by arithmetic on the instant (never by Intl): the
 * expected answers below come from the offsets the zones' rules give, written by hand.
 */
function byArithmetic(utc: string, offsetMinutes: number): ZoneClock {
  const shifted = new Date(Date.parse(utc) + offsetMinutes * MINUTE);
  return { hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), isoWeekday: shifted.getUTCDay() || 7, offsetMinutes };
}

describe("a clock in the customer's zone", () => {
  it.each([
    // Chicago keeps CDT (UTC-5) in summer and CST (UTC-6) in winter: noon UTC is 07:00, then 06:00.
    ['America/Chicago', '2026-07-01T12:00:00Z', -300, '07:00'],
    ['America/Chicago', '2026-01-15T12:00:00Z', -360, '06:00'],
    // Abu Dhabi, UTC+4 all year: 01:12 UTC is 05:12 there.
    ['Asia/Dubai', '2026-07-01T01:12:00Z', 240, '05:12'],
    ['Asia/Kolkata', '2026-07-01T12:00:00Z', 330, '17:30'],
    ['Asia/Kathmandu', '2026-07-01T12:00:00Z', 345, '17:45'],
    ['America/St_Johns', '2026-07-01T12:00:00Z', -150, '09:30'],
    ['America/St_Johns', '2026-01-15T12:00:00Z', -210, '08:30'],
    // Across the date line: Kiritimati is a day ahead of Honolulu at the same instant.
    ['Pacific/Kiritimati', '2026-07-01T12:00:00Z', 840, '02:00'],
    ['Pacific/Honolulu', '2026-07-01T12:00:00Z', -600, '02:00'],
    // Sydney's summer is in January.
    ['Australia/Sydney', '2026-01-15T12:00:00Z', 660, '23:00'],
    ['Australia/Sydney', '2026-07-01T12:00:00Z', 600, '22:00'],
  ])('%s at %s is UTC%s minutes, %s', (zone, utc, offset, text) => {
    const clock = zoneClock(zone, Date.parse(utc))!;
    expect(clock).toEqual(byArithmetic(utc, offset));
    expect(clockText(clock)).toBe(text);
  });

  it('follows the clock change to the minute (Chicago springs forward at 02:00 on 8 March 2026)', () => {
    const change = Date.parse('2026-03-08T08:00:00Z');
    expect(zoneClock('America/Chicago', change - MINUTE)).toEqual(byArithmetic('2026-03-08T07:59:00Z', -360));
    expect(clockText(zoneClock('America/Chicago', change - MINUTE)!)).toBe('01:59');
    expect(zoneClock('America/Chicago', change)).toEqual(byArithmetic('2026-03-08T08:00:00Z', -300));
    expect(clockText(zoneClock('America/Chicago', change)!)).toBe('03:00');
  });

  it('the day of the week is the one there (noon UTC on Wednesday 1 July 2026 is Thursday in Kiritimati, still Wednesday in Honolulu)', () => {
    expect(zoneClock('Pacific/Kiritimati', Date.parse('2026-07-01T12:00:00Z'))!.isoWeekday).toBe(4);
    expect(zoneClock('Pacific/Honolulu', Date.parse('2026-07-01T12:00:00Z'))!.isoWeekday).toBe(3);
  });

  it('an unknown zone gives no clock', () => {
    expect(zoneClock('Mars/Olympus_Mons', Date.now())).toBeNull();
  });

  it.each([
    [240, 'UTC+4'],
    [-300, 'UTC-5'],
    [330, 'UTC+5:30'],
    [-150, 'UTC-2:30'],
    [345, 'UTC+5:45'],
    [0, 'UTC+0'],
  ])('the offset %i minutes reads %s', (minutes, text) => {
    expect(offsetText(minutes)).toBe(text);
  });

  it('night there is 22:00 to 07:59', () => {
    // Dubai is UTC+4: 17:59 UTC is 21:59 there, 18:00 is 22:00, 03:59 is 07:59 and 04:00 is 08:00.
    const at = (utc: string) => isNight(zoneClock('Asia/Dubai', Date.parse(utc))!);
    expect(at('2026-07-01T17:59:00Z')).toBe(false);
    expect(at('2026-07-01T18:00:00Z')).toBe(true);
    expect(at('2026-07-02T03:59:00Z')).toBe(true);
    expect(at('2026-07-02T04:00:00Z')).toBe(false);
  });

  it("the weekend is the customer's country's days, on their calendar", () => {
    // Friday 3 July 2026, noon in Riyadh (UTC+3): a weekend day in Saudi Arabia, a working day in the Emirates.
    const friday = zoneClock('Asia/Riyadh', Date.parse('2026-07-03T09:00:00Z'))!;
    expect(friday.isoWeekday).toBe(5);
    expect(isWeekend(friday, [5, 6])).toBe(true);
    expect(isWeekend(zoneClock('Asia/Dubai', Date.parse('2026-07-03T09:00:00Z'))!, [6, 7])).toBe(false);
    // Saturday 4 July 00:30 in Dubai is 20:30 UTC on Friday: their weekend has begun, UTC's has not.
    const saturday = zoneClock('Asia/Dubai', Date.parse('2026-07-03T20:30:00Z'))!;
    expect(saturday.isoWeekday).toBe(6);
    expect(isWeekend(saturday, [6, 7])).toBe(true);
  });
});
