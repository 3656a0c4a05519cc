/**
 * One convention for time: calendar dates are ISO "YYYY-MM-DD" strings in the business's local calendar,
 * instants are ISO 8601 UTC strings. Date arithmetic here works on calendar dates only (no time zones),
 * so "overdue" never flips because of daylight saving.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Dates already read, with their instant: Today works out the days since each of 100k customers' last order and
 * follow-up after every write, over a few thousand distinct dates — checked and split each time, that was 140 ms of
 * a 700 ms list. Emptied when it grows past any real book's span of days, so it cannot hold a process's memory.
 */
const readDates = new Map<string, number>();
const READ_DATES_KEPT = 50_000;

function toUtcMs(isoDate: string): number {
  const known = readDates.get(isoDate);
  if (known !== undefined) return known;
  if (!isIsoDate(isoDate)) throw new RangeError(`Not a calendar date: ${isoDate}`);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  if (readDates.size >= READ_DATES_KEPT) readDates.clear();
  readDates.set(isoDate, ms);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Dates moved by a number of days, as worked out before: Today moves each customer's last contact by their policy's cadence. */
const movedDates = new Map<string, string>();

export function addDays(isoDate: string, days: number): string {
  const key = `${isoDate}|${days}`;
  let moved = movedDates.get(key);
  if (moved === undefined) {
    moved = fromUtcMs(toUtcMs(isoDate) + days * 86_400_000);
    if (movedDates.size >= READ_DATES_KEPT) movedDates.clear();
    movedDates.set(key, moved);
  }
  return moved;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

/** The calendar date of a moment in the machine's local time zone. */
export function localDateOf(moment: Date): string {
  const y = moment.getFullYear();
  const m = String(moment.getMonth() + 1).padStart(2, '0');
  const d = String(moment.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function isIsoInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}
