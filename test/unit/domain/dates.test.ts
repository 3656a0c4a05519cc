import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, isIsoDate, isIsoInstant } from '../../../shared/domain/dates';
import { deriveLocality } from '../../../shared/domain/locality';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-1', '20260101', ''].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });
  it('adds days across months, years and daylight-saving changes', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-11-30', '2026-11-23')).toBe(-7);
  });
  it('answers as plain date arithmetic however often a date is asked, and refuses a date that is not one even after the real ones were read', () => {
    const dayArb = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: -400, max: 400 }), (from, to, days) => {
        for (let again = 0; again < 2; again++) {
          expect(daysBetween(from, to)).toBe(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
          expect(addDays(from, days)).toBe(new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10));
        }
      }),
    );
    addDays('2026-12-03', 3);
    // Would be the same text as the date above and its 3 days, were the two not kept apart.
    expect(() => addDays('2026-12-0', 33)).toThrow(RangeError);
    expect(() => daysBetween('2026-02-29', '2026-03-01')).toThrow(RangeError);
  });
  it('recognises ISO instants', () => {
    expect(isIsoInstant('2026-11-23T02:00:00.000Z')).toBe(true);
    expect(isIsoInstant('2026-11-23T10:00+08:00')).toBe(true);
    expect(isIsoInstant('2026-11-23')).toBe(false);
  });
});

describe('locality from the business’s home', () => {
  const home = { homeCountry: 'CN', homeRegion: '广东' };
  it('is local, non-local, overseas or unknown', () => {
    expect(deriveLocality({ country: 'CN', region: '广东省' }, home)).toBe('local');
    expect(deriveLocality({ country: 'CN', region: '湖南' }, home)).toBe('non_local');
    expect(deriveLocality({ country: 'US', region: null }, home)).toBe('overseas');
    expect(deriveLocality({ country: 'CN', region: null }, home)).toBeNull();
    expect(deriveLocality({ country: null, region: '广东' }, home)).toBeNull();
    expect(deriveLocality({ country: 'CN', region: '广东' }, { homeCountry: 'CN', homeRegion: null })).toBeNull();
  });
});
