import { parseDateTime } from '../../shared/import/parse-date';
import { toInstant } from '../../shared/import/row-records';
import { localDateOf } from '../../shared/domain/dates';
import { skippedLocalTime } from '../../shared/domain/skipped-time';
import { invalidInput } from '../../shared/contract';

/** A day, or a day and a time of this machine's clock, as typed on a command line: no offset, no zone. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A time typed after a flag (--at) as the contract takes it, an instant. "2026-11-01 14:30" or "2026-11-01T14:30" is
 * this machine's wall clock, as a person at the keyboard means it (a day alone is its noon, as imports take it); an
 * instant with its offset or Z passes as typed. Anything else also passes as typed, for the contract to refuse in
 * its own words, so a bad value is never turned into another time; nor is a time the clocks skip, which is refused.
 */
export function localInstant(text: string | undefined): string | undefined {
  if (text === undefined || !LOCAL_TIME.test(text.trim())) return text;
  const parsed = parseDateTime(text.trim());
  if (!parsed.ok) return text;
  refuseSkippedTime(parsed.value.date, parsed.value.time);
  return toInstant(parsed.value);
}

/**
 * A wall-clock time the clocks skip when they go forward (02:30 on 2026-03-08 in New York) is refused, naming the
 * time it would have become: read as Date reads it, it would be stored an hour later than typed without a word.
 */
function refuseSkippedTime(date: string, time: string | null): void {
  const params = time === null ? null : skippedLocalTime(date, time);
  if (params !== null) throw invalidInput([{ path: ['occurredAt'], key: 'local_time_skipped', params }]);
}

/** An instant on this computer's clock, to the minute ("2026-12-07 12:25"), as the screens show when something happened. */
export function localMinute(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${localDateOf(at)} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
