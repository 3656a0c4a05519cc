/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so the engine can compare and subtract
 * a million order dates with integer arithmetic instead of allocating Date objects. Pure arithmetic
 * (Howard Hinnant's civil-from-days algorithm): no time zones, no clock.
 */

const ZERO = 48; // '0'
const DASH = 45; // '-'

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a 'YYYY-MM-DD' date; throws RangeError for anything else (callers pass validated data). */
export function dayNumber(isoDate: string): number {
  if (isoDate.length !== 10 || isoDate.charCodeAt(4) !== DASH || isoDate.charCodeAt(7) !== DASH) {
    throw new RangeError(`Not a calendar date: ${isoDate}`);
  }
  // Hand-unrolled (no arrays) because this runs once per order.
  const y0 = digit(isoDate, 0), y1 = digit(isoDate, 1), y2 = digit(isoDate, 2), y3 = digit(isoDate, 3);
  const m0 = digit(isoDate, 5), m1 = digit(isoDate, 6), d0 = digit(isoDate, 8), d1 = digit(isoDate, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) throw new RangeError(`Not a calendar date: ${isoDate}`);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${isoDate}`);
  }
  return dayNumberOfCivil(year, month, day);
}

/** Day number of a valid calendar year, month (1–12) and day of month (not checked: callers pass a real date). */
export function dayNumberOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Formatted dates are memoised: explanations format a handful of dates per customer, and across 100k
 * customers they are the same few thousand days. Bounded so a pathological input cannot grow it forever.
 */
const textCache = new Map<number, string>();
const TEXT_CACHE_LIMIT = 50_000;

/** The 'YYYY-MM-DD' date of a day number (inverse of dayNumber). */
export function isoDateOf(dayNum: number): string {
  let text = textCache.get(dayNum);
  if (text === undefined) {
    text = formatDay(dayNum);
    if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
    textCache.set(dayNum, text);
  }
  return text;
}

function formatDay(dayNum: number): string {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
