import { addDays, localDateOf } from '../domain/dates';

/** "HH:MM", 24-hour, as the settings and follow-up reminders store a time of day. */
export const TIME_OF_DAY_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The instant a local calendar date and wall-clock time name, in the machine's current time zone.
 * Built from local fields on every call (never by adding hours to an earlier instant), so a daylight-saving
 * change or a moved time zone is picked up the next time it is asked. A time that does not exist (the hour
 * skipped when clocks go forward) comes out as the same minute an hour later, as the Date constructor does;
 * a time that exists twice (clocks going back) is its first occurrence.
 */
export function localInstant(isoDate: string, time: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  // setFullYear, not the constructor: the constructor reads the years 0–99 as 1900–1999.
  const at = new Date(0);
  at.setFullYear(y, m - 1, d);
  at.setHours(hh, mm, 0, 0);
  return at;
}

/** The first instant of the next local calendar day. */
export function nextLocalMidnight(moment: Date): Date {
  return localInstant(addDays(localDateOf(moment), 1), '00:00');
}
