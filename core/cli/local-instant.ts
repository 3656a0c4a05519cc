import { parseDateTime } from '../../shared/import/parse-date';
import { toInstant } from '../../shared/import/row-records';
import { localDateOf } from '../../shared/domain/dates';

/** A day, or a day and a time of this machine's clock, as typed on a command line: no offset, no zone. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A time typed after a flag (--at) as the contract takes it, an instant. "2026-11-01 14:30" or "2026-11-01T14:30" is
 * this machine's wall clock, as a person at the keyboard means it (a day alone is its noon, as imports take it); an
 * instant with its offset or Z passes as typed. Anything else also passes as typed, for the contract to refuse in
 * its own words, so a bad value is never turned into another time.
 */
export function localInstant(text: string | undefined): string | undefined {
  if (text === undefined || !LOCAL_TIME.test(text.trim())) return text;
  const parsed = parseDateTime(text.trim());
  return parsed.ok ? toInstant(parsed.value) : text;
}

/** An instant on this computer's clock, to the minute ("2026-12-07 12:25"), as the screens show when something happened. */
export function localMinute(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${localDateOf(at)} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
