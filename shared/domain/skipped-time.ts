import { localInstant } from '../reminders/wall-clock';

/**
 * A local day and wall-clock time that this machine's clock never shows: the hour skipped when the clocks go
 * forward (02:30 on 2026-03-08 in New York, 01:30 on 2026-03-29 in London). Date reads such a time as the same
 * minute of the old offset, an hour later on the new clock (03:30), so a typed time would be stored or announced
 * an hour off without a word; the places where a person types one ask here first and refuse it, in words.
 *
 * Returns what a refusal says (issue key local_time_skipped): the day, the time as typed ('HH:MM') and `moved`,
 * where Date would put it on the clock after the change ('03:30', with its day when that is another). Null when
 * the time exists. A time that exists twice (clocks going back) exists: Date takes its first occurrence, which is
 * what the clock showed first.
 */
export function skippedLocalTime(isoDate: string, time: string): { date: string; time: string; moved: string } | null {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  // Built as a reminder's instant is built: a time that does not exist comes out moved on.
  const at = localInstant(isoDate, time);
  if (at.getFullYear() === y && at.getMonth() === m - 1 && at.getDate() === d && at.getHours() === hh && at.getMinutes() === mm) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  const movedDate = `${String(at.getFullYear()).padStart(4, '0')}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  const movedTime = `${two(at.getHours())}:${two(at.getMinutes())}`;
  return { date: isoDate, time: `${two(hh)}:${two(mm)}`, moved: movedDate === isoDate ? movedTime : `${movedDate} ${movedTime}` };
}
