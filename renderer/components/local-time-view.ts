import type { CustomerTimeZone, SeveralZonesReason } from '../../shared/domain/customer-time-zone-types';
import { clockText, isNight, isWeekend, offsetText, ownOffsetMinutes, zoneClock } from '../../shared/domain/zone-clock';

/** What to show of a customer's local time at an instant: their clock, a hint to add the city, or nothing. */
export type LocalTimeView =
  | { kind: 'time'; zone: string; time: string; weekday: string; offset: string; night: boolean; weekend: boolean }
  | { kind: 'hint'; reason: SeveralZonesReason };

const weekdayReaders = new Map<string, Intl.DateTimeFormat>();

/** The short name of the day in the zone, in the user's language (Tue, 周二). */
export function weekdayText(zone: string, ms: number, language: string): string {
  const key = `${language}|${zone}`;
  let reader = weekdayReaders.get(key);
  if (!reader) weekdayReaders.set(key, (reader = new Intl.DateTimeFormat(language, { timeZone: zone, weekday: 'short' })));
  return reader.format(ms);
}

/**
 * Nothing for a customer with no country, or whose clock shows the user's own time now (same offset: a
 * Hong Kong client seen from Guangzhou); a hint only when the country has several times.
 */
export function localTimeView(timeZone: CustomerTimeZone | null, ms: number, language: string, ownOffset = ownOffsetMinutes(ms)): LocalTimeView | null {
  if (!timeZone) return null;
  if (timeZone.status === 'several') return { kind: 'hint', reason: timeZone.reason };
  const clock = zoneClock(timeZone.zone, ms);
  if (!clock || clock.offsetMinutes === ownOffset) return null;
  return {
    kind: 'time',
    zone: timeZone.zone,
    time: clockText(clock),
    weekday: weekdayText(timeZone.zone, ms, language),
    offset: offsetText(clock.offsetMinutes),
    night: isNight(clock),
    weekend: isWeekend(clock, timeZone.weekend),
  };
}
