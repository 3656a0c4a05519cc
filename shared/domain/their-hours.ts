import type { CustomerTimeZone } from './customer-time-zone-types';
import { isNight, isWeekend, zoneClock, type ZoneClock } from './zone-clock';

/**
 * Planning a call in the customer's hours: a wall-clock date and time in one zone is an instant, and that instant
 * is another date and time in the customer's zone. Every conversion goes through zoneClock's offsets, so both
 * zones' daylight-saving rules apply on the day itself (not today's offsets). Zones are IANA names; the user's is
 * this machine's (ownZone()).
 */

export interface WallTime {
  /** YYYY-MM-DD. */
  date: string;
  /** HH:mm. */
  time: string;
}

const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The zone this machine keeps: the user's, as for every date and time the app shows. */
export const ownZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

/** What a zone's wall clock reads at `ms` (null for a zone Intl does not know). */
export function wallTimeAt(zone: string, ms: number): (WallTime & { clock: ZoneClock }) | null {
  const clock = zoneClock(zone, ms);
  if (!clock) return null;
  const shifted = new Date(ms + clock.offsetMinutes * MINUTE);
  return { date: shifted.toISOString().slice(0, 10), time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`, clock };
}

/**
 * The instant a zone's clock reads `wall`. An hour the clock skips (spring forward) is read with the offset before
 * the change, landing just after it, as a clock set by hand would; an hour it shows twice (autumn) is the first.
 */
export function instantOf(zone: string, wall: WallTime): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(wall.date);
  const hm = /^(\d{2}):(\d{2})$/.exec(wall.time);
  if (!match || !hm) return null;
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(hm[1]), Number(hm[2]));
  // The offsets a day either side bound those in force at the wall time: try each, keep one that reads back.
  const offsets = [-1, 1].map((days) => zoneClock(zone, asUtc + days * 1440 * MINUTE)?.offsetMinutes);
  if (offsets.some((o) => o === undefined)) return null;
  const candidates = [...new Set(offsets as number[])].map((offset) => asUtc - offset * MINUTE).sort((a, b) => a - b);
  const exact = candidates.find((ms) => {
    const read = wallTimeAt(zone, ms);
    return read?.date === wall.date && read.time === wall.time;
  });
  return exact ?? candidates[candidates.length - 1]!;
}

/** The customer's clock at the moment the user set, when it differs from the user's own (null otherwise). */
export interface TheirTime extends WallTime {
  isoWeekday: number;
  night: boolean;
  weekend: boolean;
  /** The instant, for naming its weekday in the user's language. */
  ms: number;
  zone: string;
}

/** What the user's date and time will be for the customer; null when the zone is unknown or keeps the user's time then. */
export function theirTimeOf(own: WallTime, timeZone: CustomerTimeZone | null, userZone: string): TheirTime | null {
  if (timeZone?.status !== 'known') return null;
  const ms = instantOf(userZone, own);
  if (ms === null) return null;
  const theirs = wallTimeAt(timeZone.zone, ms);
  const mine = zoneClock(userZone, ms);
  if (!theirs || !mine || theirs.clock.offsetMinutes === mine.offsetMinutes) return null;
  return { date: theirs.date, time: theirs.time, isoWeekday: theirs.clock.isoWeekday, night: isNight(theirs.clock), weekend: isWeekend(theirs.clock, timeZone.weekend), ms, zone: timeZone.zone };
}

/** The hour "their 09:00" sets. */
export const THEIR_CALL_TIME = '09:00';

/**
 * The user's date and time that is `theirTime` on the customer's day: the day they are on at the moment set, or,
 * with no time set yet, the date picked (the same button twice gives the same answer). null when the zone is unknown.
 */
export function ownTimeFor(picked: { date: string; time: string | null }, timeZone: CustomerTimeZone | null, userZone: string, theirTime = THEIR_CALL_TIME): WallTime | null {
  if (timeZone?.status !== 'known') return null;
  let theirDate = picked.date;
  if (picked.time) {
    const ms = instantOf(userZone, { date: picked.date, time: picked.time });
    const theirs = ms === null ? null : wallTimeAt(timeZone.zone, ms);
    if (!theirs) return null;
    theirDate = theirs.date;
  }
  const ms = instantOf(timeZone.zone, { date: theirDate, time: theirTime });
  if (ms === null) return null;
  const mine = wallTimeAt(userZone, ms);
  return mine ? { date: mine.date, time: mine.time } : null;
}
