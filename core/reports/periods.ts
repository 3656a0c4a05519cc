import type { ReportPeriod } from '../../shared/contract/reports';

/**
 * Calendar periods on ISO dates ("YYYY-MM-DD", the business's local calendar). A period is always a whole
 * calendar month, quarter or year, so a month of a report compares like with like against the month
 * before and the same month a year earlier.
 */
export interface Period {
  start: string;
  end: string;
}

const MONTHS: Record<ReportPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** Months since year 0 (January of year 0 = 0): the one integer the period arithmetic works in. */
export const monthIndexOf = (day: string): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** The first day of month `index` (monthIndexOf's inverse). */
export const firstDayOfMonth = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;

function lastOfMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = index % 12;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${firstDayOfMonth(index).slice(0, 8)}${String(days).padStart(2, '0')}`;
}

/** The first month (index) of the period that holds `day`. */
const periodMonthOf = (day: string, kind: ReportPeriod): number => {
  const m = monthIndexOf(day);
  return m - (m % MONTHS[kind]);
};

/** The period of `kind` holding `day`, moved by `shift` periods (−1: the one before). */
export function periodOf(day: string, kind: ReportPeriod, shift = 0): Period {
  const first = periodMonthOf(day, kind) + shift * MONTHS[kind];
  return { start: firstDayOfMonth(first), end: lastOfMonth(first + MONTHS[kind] - 1) };
}

/** Whole periods from the one holding `from` to the one holding `to`, oldest first. */
export function periodsCovering(from: string, to: string, kind: ReportPeriod): Period[] {
  return Array.from({ length: periodCount(from, to, kind) }, (_, i) => periodOf(from, kind, i));
}

export function periodCount(from: string, to: string, kind: ReportPeriod): number {
  return (periodMonthOf(to, kind) - periodMonthOf(from, kind)) / MONTHS[kind] + 1;
}

/** How many periods of `kind` make a year: the shift to the same period last year. */
export const periodsPerYear = (kind: ReportPeriod): number => 12 / MONTHS[kind];
