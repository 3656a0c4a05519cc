import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../shared/domain/dates';
import { dayNumber, isoDateOf } from '../../../shared/segmentation/day-number';

describe('day numbers', () => {
  it('counts days from 1970-01-01, leap years included', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(dayNumber('2026-06-30') - dayNumber('2025-07-01')).toBe(364);
  });

  it('rejects anything that is not a real calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026/01/01', 'abcd-ef-gh', '2026-06-31', '']) {
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
    }
  });

  it('agrees with the shared date helpers and round-trips', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (iso, delta) => {
        expect(isoDateOf(dayNumber(iso))).toBe(iso);
        expect(isoDateOf(dayNumber(iso) + delta)).toBe(addDays(iso, delta));
        expect(dayNumber(addDays(iso, delta)) - dayNumber(iso)).toBe(daysBetween(iso, addDays(iso, delta)));
      }),
    );
  });
});
