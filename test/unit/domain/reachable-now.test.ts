import { describe, expect, it } from 'vitest';
import type { CustomerTimeZone } from '../../../shared/domain/customer-time-zone-types';
import { isReachableNow } from '../../../shared/domain/reachable-now';

/**
 * Whom a call finds at work, for a user in Shanghai (UTC+8). Each case names the instant in UTC and, in the
 * comment, the client's clock then by the zone's offset written by hand (New York UTC-5 in November).
 */
const SHANGHAI = 480;
const known = (zone: string, weekend = [6, 7]): CustomerTimeZone => ({ status: 'known', zone, weekend });
const at = (utc: string) => Date.parse(utc);

describe('reachable now', () => {
  it.each([
    // Monday 23 November 2026.
    ['Asia/Dubai', '2026-11-23T12:00:00Z', true], // 16:00 Monday
    ['Asia/Tokyo', '2026-11-23T12:00:00Z', false], // 21:00
    ['America/New_York', '2026-11-23T12:00:00Z', false], // 07:00
    ['America/New_York', '2026-11-23T13:00:00Z', true], // 08:00, the first working minute
    ['America/New_York', '2026-11-24T00:59:00Z', true], // 19:59 Monday
    ['America/New_York', '2026-11-24T01:00:00Z', false], // 20:00
    ['Asia/Kolkata', '2026-11-23T14:29:00Z', true], // 19:59 (UTC+5:30)
    ['Asia/Kolkata', '2026-11-23T14:30:00Z', false], // 20:00
    ['Asia/Dubai', '2026-11-22T08:00:00Z', false], // 12:00 Sunday: the weekend there
  ])('%s at %s: %s', (zone, utc, reachable) => {
    expect(isReachableNow(known(zone), at(utc), SHANGHAI)).toBe(reachable);
  });

  it("keeps the client's own weekend: Friday and Saturday in Riyadh (UTC+3)", () => {
    expect(isReachableNow(known('Asia/Riyadh', [5, 6]), at('2026-11-22T08:00:00Z'), SHANGHAI)).toBe(true); // 11:00 Sunday
    expect(isReachableNow(known('Asia/Riyadh', [5, 6]), at('2026-11-20T08:00:00Z'), SHANGHAI)).toBe(false); // 11:00 Friday
  });

  it("keeps clients on the user's own clock, and those it cannot place", () => {
    // Midnight in Hong Kong, as in Shanghai: the user's own hours, the user's own call.
    expect(isReachableNow(known('Asia/Hong_Kong'), at('2026-11-23T16:00:00Z'), SHANGHAI)).toBe(true);
    // The same midnight, seen by a user in London (UTC+0 in November): Hong Kong is asleep.
    expect(isReachableNow(known('Asia/Hong_Kong'), at('2026-11-23T16:00:00Z'), 0)).toBe(false);
    expect(isReachableNow(null, at('2026-11-23T16:00:00Z'), SHANGHAI)).toBe(true);
    expect(isReachableNow({ status: 'several', reason: 'no_city' }, at('2026-11-23T16:00:00Z'), SHANGHAI)).toBe(true);
  });
});
