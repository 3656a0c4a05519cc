import type { CustomerTimeZone } from './customer-time-zone-types';
import { isWeekend, ownOffsetMinutes, zoneClock } from './zone-clock';

/** Working hours in the customer's own clock: from 08:00 up to (not including) 20:00. */
export const REACHABLE_FROM_HOUR = 8;
export const REACHABLE_UNTIL_HOUR = 20;

/**
 * Whether a call now finds the customer at work: their clock on a working day between 08:00 and 20:00. A customer
 * whose clock is the user's own is reachable (the user knows their own hours), and so is one whose zone is not
 * known (no country, or a country of several times without the city): the filter hides only those known to be
 * asleep or off for the weekend, never someone it cannot place.
 */
export function isReachableNow(timeZone: CustomerTimeZone | null, ms: number, ownOffset = ownOffsetMinutes(ms)): boolean {
  if (timeZone?.status !== 'known') return true;
  const clock = zoneClock(timeZone.zone, ms);
  if (!clock || clock.offsetMinutes === ownOffset) return true;
  return clock.hour >= REACHABLE_FROM_HOUR && clock.hour < REACHABLE_UNTIL_HOUR && !isWeekend(clock, timeZone.weekend);
}
