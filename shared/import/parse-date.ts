import { addDays, isIsoDate } from '../domain/dates';
import { fail, ok, type ValueResult } from './result';
import type { Cell } from './table';

/** How a column writes "day/month/year"-style dates; 'ambiguous' refuses 3/5/2024 but still reads 13/5/2024. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd' | 'ambiguous';

export interface DateOptions {
  order?: DateOrder;
  /** Workbooks made on old Macs count from 1904. */
  date1904?: boolean;
}

export interface ParsedDateTime {
  date: string;
  /** 'HH:mm' or 'HH:mm:ss'; null when only a date was given. */
  time: string | null;
  /** '+08:00' / 'Z' when the text states its offset (ISO datetimes). */
  offset: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const TIME = String.raw`(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|上午|下午)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const YMD_RE = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?${TIME}$`, 'i');
const COMPACT_RE = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`, 'i');
const DOTTED_RE = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})${TIME}$`, 'i');
const SLASHED_RE = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})${TIME}$`, 'i');
const DAY_MONTH_NAME_RE = new RegExp(String.raw`^(\d{1,2})[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]*(\d{2}|\d{4})${TIME}$`, 'i');
const MONTH_NAME_DAY_RE = new RegExp(String.raw`^([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})${TIME}$`, 'i');
/** Serial numbers written out as text: 5 digits covers 1927–2173. */
const SERIAL_TEXT_RE = /^\d{5}(?:\.\d+)?$/;

const CLOCK_RE = /^(上午|下午|早上|晚上|中午)?\s*(\d{1,2})\s*(?:[:：]|点|點|时|時)\s*(\d{2})?\s*分?(?:[:：](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
/** A time-formatted workbook cell arrives as its date-and-time on Excel's day 0 (1899-12-30, or 1904-01-01). */
const DAY_ZERO_RE = /^(?:1899-12-3[01]|1900-01-00|1904-01-01)[ T](.+)$/;

/**
 * A time of day as 'HH:MM' (24-hour, what a follow-up's next-contact time holds): 14:30, 9:05, 14:30:00,
 * 2:30 pm, 下午2:30, 14点30分, 14点, or a workbook's time cell (a fraction of a day). Seconds are dropped, as the
 * reminder goes off at the minute; an hour past 23 or a minute past 59 is refused.
 */
export function parseTimeOfDay(cell: Cell): ValueResult<string> {
  if (typeof cell === 'number') {
    if (!(cell >= 0 && cell < 1)) return fail('invalid_time');
    const minutes = Math.round(cell * 24 * 60) % (24 * 60);
    return ok(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  let text = cell.normalize('NFKC').trim();
  if (text === '') return fail('required');
  text = DAY_ZERO_RE.exec(text)?.[1] ?? text;
  const m = CLOCK_RE.exec(text);
  if (!m) return fail('invalid_time');
  const [, dayPart, hh, mm = '00', ss, meridiem] = m;
  let hours = Number(hh);
  const minutes = Number(mm);
  const pm = /^p/i.test(meridiem ?? '') || dayPart === '下午' || dayPart === '晚上' || (dayPart === '中午' && hours < 11);
  if (meridiem !== undefined || dayPart !== undefined) {
    if (hours > 12) return fail('invalid_time');
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || (ss !== undefined && Number(ss) > 59)) return fail('invalid_time');
  return ok(`${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
}

/** A calendar date ('YYYY-MM-DD') from any supported form; the time part, if any, is ignored. */
export function parseDate(cell: Cell, options: DateOptions = {}): ValueResult<string> {
  const parsed = parseDateTime(cell, options);
  return parsed.ok ? ok(parsed.value.date) : parsed;
}

/**
 * Dates as they appear in files from China and abroad: 2024-03-05, 2024/3/5, 2024年3月5日, 20240305,
 * 05.03.2024 (dots are always day-first), 3/5/2024 (order from `options.order`, or obvious when a part
 * exceeds 12), 5 Mar 2024, Mar 5, 2024, ISO datetimes, and Excel serial numbers.
 */
export function parseDateTime(cell: Cell, options: DateOptions = {}): ValueResult<ParsedDateTime> {
  if (typeof cell === 'number') return fromSerial(cell, options.date1904 ?? false);
  return isoDayOf(cell) ?? parseDateTimeText(cell, options);
}

/** Days of each month in a common year; February gains one in a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the ASCII digits of text[from, to) write; -1 when any of them is not an ASCII digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The shape nearly every date of a large file has, a day in ISO form ("2026-12-07"), read without the general path's
 * regexes and the calendar check through Date; undefined for any other text, and for a day the general path refuses
 * (no such day, a year outside 1900–2999), so parseDateTimeText says why. What it returns is what parseDateTimeText
 * returns for the same text (test/unit/import/fast-paths.test.ts holds them to it).
 */
export function isoDayOf(text: string): ValueResult<ParsedDateTime> | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > MONTH_DAYS[month - 1]! + (month === 2 && leap ? 1 : 0)) return undefined;
  return ok({ date: text, time: null, offset: null });
}

/** Any date or date and time as text: the general path, for every shape isoDayOf leaves alone. */
export function parseDateTimeText(cell: string, options: DateOptions = {}): ValueResult<ParsedDateTime> {
  const text = cell.normalize('NFKC').trim();
  if (text === '') return fail('required');
  if (SERIAL_TEXT_RE.test(text)) return fromSerial(Number(text), options.date1904 ?? false);
  // A workbook's time-only cell is its time on Excel's day 0 ("1899-12-30 12:00"); a bare "14:30" is a time too.
  const time = DAY_ZERO_RE.exec(text)?.[1] ?? (CLOCK_RE.test(text) ? text : null);
  if (time !== null) return fail('time_without_date', { time });

  let m = YMD_RE.exec(text) ?? COMPACT_RE.exec(text);
  if (m) return build(m[1], m[2], m[3], m.slice(4));
  if ((m = DOTTED_RE.exec(text))) return build(m[3], m[2], m[1], m.slice(4));
  if ((m = SLASHED_RE.exec(text))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const order = a > 12 ? 'dmy' : b > 12 ? 'mdy' : a === b ? 'dmy' : options.order;
    if (order === 'dmy') return build(m[3], m[2], m[1], m.slice(4));
    if (order === 'mdy') return build(m[3], m[1], m[2], m.slice(4));
    return fail('ambiguous_date');
  }
  if ((m = DAY_MONTH_NAME_RE.exec(text))) return buildNamed(m[3], m[2], m[1], m.slice(4));
  if ((m = MONTH_NAME_DAY_RE.exec(text))) return buildNamed(m[3], m[1], m[2], m.slice(4));
  return fail('invalid_date');
}

function buildNamed(year: string | undefined, monthName: string | undefined, day: string | undefined, time: Array<string | undefined>): ValueResult<ParsedDateTime> {
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  return month ? build(year, String(month), day, time) : fail('invalid_date');
}

function build(year: string | undefined, month: string | undefined, day: string | undefined, time: Array<string | undefined>): ValueResult<ParsedDateTime> {
  let y = Number(year);
  // Two-digit years: 00–69 are this century, 70–99 the last, as Excel reads them.
  if (year?.length === 2) y += y < 70 ? 2000 : 1900;
  const date = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(date) || y < 1900 || y > 2999) return fail('invalid_date');
  const [hh, mm, ss, meridiem, offset] = time;
  if (hh === undefined) return ok({ date, time: null, offset: null });
  let hours = Number(hh);
  const pm = meridiem !== undefined && /pm|下午/i.test(meridiem);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return fail('invalid_time');
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) return fail('invalid_time');
  const clock = `${String(hours).padStart(2, '0')}:${mm}${ss !== undefined ? `:${ss}` : ''}`;
  return ok({ date, time: clock, offset: offset === undefined ? null : normalizeOffset(offset) });
}

function normalizeOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  if (offset.length === 3) return `${offset}:00`;
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/**
 * Excel serial day numbers. The 1900 system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, has a
 * fictitious 1900-02-29 as day 60, so real dates from March 1900 on are one day later than a plain count.
 */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) return null;
  const day = Math.floor(serial);
  if (date1904) return addDays('1904-01-01', day);
  if (day === 60) return null;
  return day < 60 ? addDays('1899-12-31', day) : addDays('1899-12-30', day);
}

function fromSerial(serial: number, date1904: boolean): ValueResult<ParsedDateTime> {
  const date = excelSerialToDate(serial, date1904);
  if (!date) return fail('invalid_date');
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  if (seconds === 0 || seconds === 86_400) return ok({ date, time: null, offset: null });
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = seconds % 60;
  return ok({ date, time: `${hh}:${mm}${ss ? `:${String(ss).padStart(2, '0')}` : ''}`, offset: null });
}

/**
 * Reads the day/month order off a column: a first part above 12 can only be a day (dmy), a second part
 * above 12 only a day (mdy); dotted dates are day-first. Conflicting or no evidence is 'ambiguous',
 * unless the column uses year-first dates only ('ymd'), which need no order.
 */
export function inferDateOrder(samples: readonly Cell[]): DateOrder {
  let dmy = 0;
  let mdy = 0;
  let unsettled = 0;
  let ymd = 0;
  for (const sample of samples) {
    if (typeof sample !== 'string') continue;
    const text = sample.normalize('NFKC').trim();
    if (YMD_RE.test(text) || COMPACT_RE.test(text)) ymd++;
    else if (DOTTED_RE.test(text)) dmy++;
    else {
      const m = SLASHED_RE.exec(text);
      if (!m) continue;
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a > 12 && b <= 12) dmy++;
      else if (b > 12 && a <= 12) mdy++;
      else if (a !== b) unsettled++;
    }
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  if (dmy === 0 && mdy === 0 && unsettled === 0 && ymd > 0) return 'ymd';
  return 'ambiguous';
}

/** Why a column's slashed dates were read day-first (or month-first), when that changed how some of them read. */
export interface DateOrderEvidence {
  /** The first row whose date can only be read the chosen way (13/12/2026 for day/month), and its value. */
  row: number;
  value: string;
  /** Dates of the column that read either way (07/12/2026), all read the chosen way because of it. */
  eitherWay: number;
  order: 'dmy' | 'mdy';
}

/**
 * The row that settled an inferred day/month order, for the preview and the CLI to name: a single 13/12/2026 makes
 * every 07/12/2026 of the column the 7th of December, which the user must be able to see before importing. Null
 * when no date of the column reads both ways (the order changed nothing) or none settled it (dotted dates).
 */
export function dateOrderEvidence(samples: ReadonlyArray<{ row: number; cell: Cell }>, order: DateOrder): DateOrderEvidence | null {
  if (order !== 'dmy' && order !== 'mdy') return null;
  let first: { row: number; value: string } | null = null;
  let eitherWay = 0;
  for (const { row, cell } of samples) {
    if (typeof cell !== 'string') continue;
    const m = SLASHED_RE.exec(cell.normalize('NFKC').trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a !== b && a <= 12 && b <= 12) eitherWay++;
    else if (!first && (order === 'dmy' ? a > 12 && b <= 12 : b > 12 && a <= 12)) first = { row, value: cell.trim() };
  }
  return first && eitherWay > 0 ? { ...first, eitherWay, order } : null;
}
