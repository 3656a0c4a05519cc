import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney, parseMoneyText, plainMoney, type AmountOptions } from '../../../shared/import/parse-amount';
import { isoDayOf, parseDate, parseDateTime, parseDateTimeText, type DateOptions } from '../../../shared/import/parse-date';
import { parsePhone } from '../../../shared/import/parse-contact';
import { normalizePhone } from '../../../shared/domain/phone';

/**
 * The import reads a million rows' dates and amounts through fast paths for their commonest shapes. Each must be
 * taken for that shape, and must say exactly what the general path says: same value, same refusal.
 */

const RUNS = { numRuns: 3000 };
const digitString = (min: number, max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Text near the common shapes, and hostile text around them: other digits, separators, signs, symbols, spaces. */
const nearby = (extra: string[]) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '.', ',', ' ', '０', '１', '－', '．', 'T', ':', '/', '年', '\u00a0', '\u200b', 'e', '+', ...extra), maxLength: 16 }),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

const dateOptions: fc.Arbitrary<DateOptions> = fc.record({ order: fc.constantFrom(undefined, 'dmy', 'mdy', 'ymd', 'ambiguous'), date1904: fc.boolean() }, { requiredKeys: [] });

/** The general path's reading of an ISO day: a real calendar day, in the years it accepts. */
const isRealDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, m - 1, d);
  return y >= 1900 && y <= 2999 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

// Weighted to the edges: the years around 1900 and 3000, century and leap years, February, the last days of a month.
const year = fc.oneof(fc.integer({ min: 1895, max: 3005 }), fc.constantFrom(1900, 2000, 2023, 2024, 2100, 2400), fc.integer({ min: 0, max: 9999 }));
const month = fc.oneof(fc.integer({ min: 0, max: 13 }), fc.constant(2), fc.integer({ min: 0, max: 99 }));
const day = fc.oneof(fc.integer({ min: 27, max: 32 }), fc.integer({ min: 0, max: 99 }));

describe('isoDayOf: the fast path for ISO days', () => {
  it('is taken for every real day written YYYY-MM-DD, and reads it as the general path does', () => {
    fc.assert(
      fc.property(year, month, day, dateOptions, (y, m, d, options) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const fast = isoDayOf(text);
        const general = parseDateTimeText(text, options);
        if (isRealDay(y, m, d)) {
          expect(fast).toEqual({ ok: true, value: { date: text, time: null, offset: null } });
          expect(general).toEqual(fast);
        } else {
          // Not a day the general path takes (2023-02-29, month 13, year 1899): the general path gives the reason.
          expect(fast).toBeUndefined();
          expect(general).toEqual({ ok: false, reason: 'invalid_date' });
        }
        expect(parseDateTime(text, options)).toEqual(general);
      }),
      RUNS,
    );
  });

  it('agrees with the general path on hostile text, and leaves every other shape to it', () => {
    fc.assert(
      fc.property(fc.oneof(nearby(['日', '月']), digitString(8, 12).map((s) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`)), dateOptions, (text, options) => {
        const fast = isoDayOf(text);
        const general = parseDateTimeText(text, options);
        if (fast !== undefined) expect(fast).toEqual(general);
        expect(parseDateTime(text, options)).toEqual(general);
      }),
      RUNS,
    );
  });

  it('leaves the other forms, and the leap days, where they were', () => {
    for (const [text, date] of [
      ['2024-02-29', '2024-02-29'],
      ['2000-02-29', '2000-02-29'],
      ['2024-3-5', '2024-03-05'],
      ['２０２４－０３－０５', '2024-03-05'],
      [' 2024-03-05 ', '2024-03-05'],
      ['2024/03/05', '2024-03-05'],
      ['20240305', '2024-03-05'],
      ['05.03.2024', '2024-03-05'],
    ]) {
      expect(parseDate(text!)).toEqual({ ok: true, value: date });
    }
    for (const text of ['1900-02-29', '2023-02-29', '2100-02-29', '2024-04-31', '2024-00-10', '1899-12-31', '3000-01-01']) {
      expect(isoDayOf(text)).toBeUndefined();
      expect(parseDate(text)).toEqual({ ok: false, reason: 'invalid_date' });
    }
    expect(isoDayOf('2024-03-05')).toBeDefined();
    expect(isoDayOf('2024-3-05')).toBeUndefined();
  });
});

const moneyOptions: fc.Arbitrary<AmountOptions> = fc.record(
  {
    defaultCurrency: fc.constantFrom('CNY', 'JPY', 'KWD', 'EUR', 'XXX'),
    statedCurrency: fc.constantFrom(undefined, null, '', 'USD', 'JPY', 'BHD', 'CLF'),
    decimal: fc.constantFrom(undefined, '.', ','),
    dollar: fc.constantFrom(undefined, 'HKD'),
    yen: fc.constantFrom(undefined, 'JPY', 'CNY'),
  },
  { requiredKeys: ['defaultCurrency'] },
) as fc.Arbitrary<AmountOptions>;

describe('plainMoney: the fast path for plain amounts', () => {
  it('is taken for digits with up to two decimals the currency holds, and reads them as the general path does', () => {
    fc.assert(
      fc.property(digitString(1, 12), fc.option(digitString(1, 2), { nil: undefined }), moneyOptions, (whole, fraction, options) => {
        const text = fraction === undefined ? whole : `${whole}.${fraction}`;
        const fast = plainMoney(text, options);
        const general = parseMoneyText(text, options);
        const currency = options.statedCurrency || options.defaultCurrency;
        const digits = currency === 'JPY' ? 0 : currency === 'KWD' || currency === 'BHD' ? 3 : 2;
        const decimals = (fraction ?? '').replace(/0+$/, '').length;
        if (decimals <= digits && whole.length + digits <= 15) {
          expect(fast).toBeDefined();
          expect(fast).toEqual(general);
          // The value itself, worked out another way: the digits as a decimal number, in minor units.
          expect(fast?.ok && fast.value.minor).toBe(Math.round(Number(text) * 10 ** digits));
        } else {
          expect(fast).toBeUndefined();
          if (decimals > digits) expect(general).toEqual({ ok: false, reason: 'too_many_decimals' });
        }
        expect(parseMoney(text, options)).toEqual(general);
      }),
      RUNS,
    );
  });

  it('agrees with the general path on hostile text, and leaves every other shape to it', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearby(['(', ')', '¥', '$', '€', '万', '%', "'", '3', '4']), digitString(13, 20), fc.tuple(digitString(1, 16), digitString(0, 4)).map(([w, f]) => `${w}.${f}`)),
        moneyOptions,
        (text, options) => {
          const fast = plainMoney(text, options);
          const general = parseMoneyText(text, options);
          if (fast !== undefined) expect(fast).toEqual(general);
          expect(parseMoney(text, options)).toEqual(general);
        },
      ),
      RUNS,
    );
  });

  it('leaves grouped, signed, symbolled and ambiguous amounts to the general path', () => {
    const cny = { defaultCurrency: 'CNY' };
    for (const text of ['1,234', '1.234', '-5', '¥5', '5 ', '５', '12345678901234', '1.', '.5', '12.345']) expect(plainMoney(text, cny)).toBeUndefined();
    expect(parseMoney('1.234', cny)).toEqual({ ok: false, reason: 'ambiguous_amount' });
    expect(parseMoney('-5', cny)).toEqual({ ok: true, value: { minor: -500, currency: 'CNY', decimal: '-5.00', currencyFrom: 'default' } });
    expect(parseMoney('0012.50', { defaultCurrency: 'CNY', statedCurrency: 'USD' })).toEqual({ ok: true, value: { minor: 1250, currency: 'USD', decimal: '12.50', currencyFrom: 'column' } });
  });
});

describe('parsePhone: numbers remembered by home country', () => {
  it('reads the same cell under each home country as that country reads it, in any order', () => {
    const expected = (cell: string, country: string) => {
      const read = normalizePhone(cell, country);
      return read.ok ? { ok: true, value: read.e164 } : expect.objectContaining({ ok: false });
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('2025550123', '13800138000', '020 7946 0958', '+8613800138000', '0612345678'), fc.constantFrom('CN', 'US', 'GB', 'FR')), { minLength: 1, maxLength: 12 }), (asks) => {
        for (const [cell, country] of asks) expect(parsePhone(cell, country)).toEqual(expected(cell, country));
      }),
      { numRuns: 200 },
    );
  });
});
