import { dayNumberOfCivil, daysInMonth } from '../segmentation/day-number';

const DAY_MS = 86_400_000;

/**
 * Stored instants ('YYYY-MM-DDTHH:MM:SS.sssZ') as epoch milliseconds and local calendar day numbers, in this
 * process's time zone, for reading hundreds of thousands of follow-ups at once: the same answers as
 * `new Date(text)` and its getFullYear / getMonth / getDate, without a Date per instant. The offset from
 * UTC is looked up once per UTC day, and used for the whole day when it is the same at its first and
 * last millisecond (every day but those a clock change falls on, where each instant asks Date). One per
 * read: a cache must not outlive a change of the process's time zone.
 */
export class LocalDays {
  /** UTC day number → the local offset in ms that holds all that day, or NaN when it changes within it. */
  private readonly offsets = new Map<number, number>();

  /** Epoch milliseconds of a stored instant: the canonical form read by hand, anything else by Date. */
  msOf(text: string): number {
    return canonicalMs(text) ?? new Date(text).getTime();
  }

  /** The local calendar day number (days since 1970-01-01) of epoch milliseconds `ms`. */
  dayOf(ms: number): number {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = this.offsets.get(utcDay);
    if (offset === undefined) {
      const first = offsetAt(utcDay * DAY_MS);
      offset = first === offsetAt(utcDay * DAY_MS + DAY_MS - 1) ? first : Number.NaN;
      this.offsets.set(utcDay, offset);
    }
    if (!Number.isNaN(offset)) return Math.floor((ms + offset) / DAY_MS);
    const moment = new Date(ms);
    return dayNumberOfCivil(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
  }
}

/**
 * Local time minus UTC at instant `ms`, in milliseconds, from the local fields Date itself reads the day from:
 * getTimezoneOffset rounds to whole minutes, and the old local mean times of many zones have seconds
 * (St John's was 3:30:52 behind), which near midnight puts an instant on the next or the previous day.
 */
function offsetAt(ms: number): number {
  const local = new Date(ms);
  const asUtc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  asUtc.setUTCFullYear(local.getFullYear(), local.getMonth(), local.getDate());
  asUtc.setUTCHours(local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds());
  return asUtc.getTime() - ms;
}

const ZERO = 48;

/** Two to four ASCII digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = text.charCodeAt(at + k) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * 'YYYY-MM-DDTHH:MM:SS.sssZ' (what the app stores: toISOString) as epoch ms; null for any other form or an
 * impossible date or time, which Date then reads (or refuses) as it always has.
 */
export function canonicalMs(text: string): number | null {
  if (text.length !== 24 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') return null;
  const year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2), milli = digits(text, 20, 3);
  if ((year | month | day | hour | minute | second | milli) < 0) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  return dayNumberOfCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
}
