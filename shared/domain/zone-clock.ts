/**
 * What a clock shows in another time zone at an instant: the hour, minute, day of the week and offset from UTC,
 * read from Intl (the zone's rules come with the browser or Node, never from a table of ours). Small and without
 * dependencies: the screens tick it every minute.
 */

export interface ZoneClock {
  hour: number;
  minute: number;
  /** 1 Monday … 7 Sunday. */
  isoWeekday: number;
  /** Local time minus UTC, in minutes (Abu Dhabi +240, Chicago in July −300). */
  offsetMinutes: number;
}

const readers = new Map<string, Intl.DateTimeFormat>();

/** One reader per zone: making a DateTimeFormat costs far more than using one. */
function readerOf(zone: string): Intl.DateTimeFormat {
  let reader = readers.get(zone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    readers.set(zone, reader);
  }
  return reader;
}

/** The zone's clock at epoch milliseconds `ms`; null for a zone name Intl does not know. */
export function zoneClock(zone: string, ms: number): ZoneClock | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = readerOf(zone).formatToParts(ms);
  } catch {
    return null;
  }
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const [year, month, day, hour, minute, second] = [field('year'), field('month'), field('day'), field('hour'), field('minute'), field('second')];
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, month - 1, day);
  asUtc.setUTCHours(hour, minute, second, 0);
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return { hour, minute, isoWeekday: asUtc.getUTCDay() || 7, offsetMinutes: Math.round((asUtc.getTime() - wholeSecond) / 60_000) };
}

/** The offset as people write it: UTC+4, UTC-5, UTC+5:30, UTC+0. */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const whole = Math.abs(offsetMinutes);
  const minutes = whole % 60;
  return `UTC${sign}${Math.floor(whole / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** "05:12". */
export const clockText = (clock: ZoneClock): string => `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;

/** Night there: 22:00 to 07:59, when a call wakes someone. */
export const isNight = (clock: ZoneClock): boolean => clock.hour >= 22 || clock.hour < 8;

/** The customer's weekend (their country's days, 1 Monday … 7 Sunday). */
export const isWeekend = (clock: ZoneClock, weekend: readonly number[]): boolean => weekend.includes(clock.isoWeekday);

/** This machine's offset from UTC at `ms`, in minutes (the zone the user works in, as everywhere in the app). */
export const ownOffsetMinutes = (ms: number): number => -new Date(ms).getTimezoneOffset();
