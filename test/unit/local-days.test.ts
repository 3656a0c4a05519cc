import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalMs, LocalDays } from '../../shared/domain/local-days';

/**
 * Follow-ups' instants are read a few hundred thousand at a time as epoch milliseconds and local calendar
 * days (shared/domain/local-days.ts), without a Date per instant. Held here to Date's own answers: for any
 * instant, in time zones with clock changes at night, at midnight, by half an hour, at odd offsets, and
 * one that skipped a whole day.
 */
const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Apia', 'Africa/Casablanca', 'America/St_Johns'];
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const DAY_MS = 86_400_000;
/** Date's own local day number of `ms`: what the reader did before. */
function dateLocalDay(ms: number): number {
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('canonicalMs', () => {
  it('reads toISOString text exactly as Date does', () => {
    fc.assert(fc.property(instant, (ms) => {
      expect(canonicalMs(new Date(ms).toISOString())).toBe(ms);
    }), { numRuns: 2000 });
  });

  it('leaves every other form, and impossible dates and times, to Date', () => {
    for (const text of ['2026-11-20T08:00:00Z', '2026-11-20 08:00:00.000Z', '2026-11-20T08:00:00.000+08:00', '2026-02-30T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-11-20T24:00:00.000Z', '2026-11-20T08:60:00.000Z', '20x6-11-20T08:00:00.000Z', '']) {
      expect(canonicalMs(text), text).toBeNull();
      const days = new LocalDays();
      expect(Object.is(days.msOf(text), new Date(text).getTime()), text).toBe(true);
    }
  });
});

describe('LocalDays.dayOf', () => {
  for (const zone of ZONES) {
    it(`is Date's local calendar day in ${zone}`, () => {
      process.env.TZ = zone;
      const days = new LocalDays();
      fc.assert(fc.property(instant, (ms) => {
        expect(days.dayOf(ms)).toBe(dateLocalDay(ms));
      }), { numRuns: 1500 });
      // Around local midnights, where an offset off by seconds (old local mean times: St John's was 3:30:52
      // behind UTC until 1935) puts an instant on the wrong day.
      const nearMidnight = fc.tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: -120_000, max: 120_000 }));
      fc.assert(fc.property(nearMidnight, ([year, month, day, shift]) => {
        const ms = new Date(year, month, day).getTime() + shift;
        expect(days.dayOf(ms)).toBe(dateLocalDay(ms));
      }), { numRuns: 1500 });
      expect(days.dayOf(-1_760_300_948_001)).toBe(dateLocalDay(-1_760_300_948_001));
      // Every quarter hour of two years with clock changes (and Apia's missing 30 December 2011).
      for (const year of [2011, 2024]) {
        for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 15 * 60_000) {
          if (days.dayOf(ms) !== dateLocalDay(ms)) expect({ zone, at: new Date(ms).toISOString(), day: days.dayOf(ms) }).toEqual({ zone, at: new Date(ms).toISOString(), day: dateLocalDay(ms) });
        }
      }
    });
  }
});
