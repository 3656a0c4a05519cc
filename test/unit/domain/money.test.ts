import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor, isCurrencyCode, isFxRateInRange, isStorableMinor, MAX_FX_RATE, MIN_FX_RATE, minorDigits, minorToDecimal, parseAmount } from '../../../shared/domain/money';

describe('money in integer minor units', () => {
  it('knows each currency’s own minor digits', () => {
    expect([minorDigits('CNY'), minorDigits('USD'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 2, 0, 3]);
    expect([isCurrencyCode('EUR'), isCurrencyCode('XYZ'), isCurrencyCode('usd')]).toEqual([true, false, false]);
  });
  it('parses typed decimals exactly, without floating point', () => {
    expect(parseAmount('1234.5', 'CNY')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmount('0.1', 'CNY')).toEqual({ ok: true, minor: 10 });
    expect(parseAmount('19.99', 'USD')).toEqual({ ok: true, minor: 1999 });
    expect(parseAmount('1000', 'JPY')).toEqual({ ok: true, minor: 1000 });
    expect(parseAmount('1.005', 'KWD')).toEqual({ ok: true, minor: 1005 });
    expect(parseAmount('-3', 'CNY')).toEqual({ ok: true, minor: -300 });
  });
  it('reads the digits, point and minus a Chinese input method types', () => {
    expect(parseAmount('１２３４．５', 'CNY')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmount('12。34', 'CNY')).toEqual({ ok: true, minor: 1234 });
    expect(parseAmount(' －３ ', 'CNY')).toEqual({ ok: true, minor: -300 });
    expect(parseAmount('−3', 'CNY')).toEqual({ ok: true, minor: -300 });
    expect(parseAmount('１２。３４５', 'CNY')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseAmount('１２。３。４', 'CNY')).toEqual({ ok: false, reason: 'not_a_number' });
    // Other scripts' digits are not folded to these: NFKC leaves them as they are, and they stay refused.
    expect(parseAmount('١٢٣', 'CNY')).toEqual({ ok: false, reason: 'not_a_number' });
  });
  it('names what is wrong with a bad amount', () => {
    expect(parseAmount('', 'CNY')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAmount('12,3x', 'CNY')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseAmount('1.5', 'JPY')).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(parseAmount('99999999999999999999', 'CNY')).toEqual({ ok: false, reason: 'too_large' });
  });
  it('round-trips minor units through their decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('CNY', 'JPY', 'KWD'), (minor, currency) => {
        expect(parseAmount(minorToDecimal(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });
  it('converts at a locked rate, rounding half away from zero to the base currency', () => {
    expect(convertMinor(10000, 'USD', 7.1234, 'CNY')).toBe(71234);
    expect(convertMinor(1, 'USD', 0.5, 'CNY')).toBe(1); // 0.005 CNY → 0.01
    expect(convertMinor(10000, 'JPY', 0.048, 'CNY')).toBe(48000);
    expect(convertMinor(12345, 'CNY', 1, 'CNY')).toBe(12345);
  });
  it('rounds an exact half cent of a large amount up, as decimal arithmetic does', () => {
    // USD 663,154.69 × 0.5 = CNY 331,577.345 → 331,577.35; binary floats land just below the half.
    expect(convertMinor(66_315_469, 'USD', 0.5, 'CNY')).toBe(33_157_735);
    expect(convertMinor(-66_315_469, 'USD', 0.5, 'CNY')).toBe(-33_157_735);
    // KWD 1,000.001 × 23.456789 = 23,456.812456789; JPY 12,345,678,901 × 0.045 = 555,555,550.545.
    expect(convertMinor(1_000_001, 'KWD', 23.456789, 'CNY')).toBe(2_345_681);
    expect(convertMinor(12_345_678_901, 'JPY', 0.045, 'CNY')).toBe(55_555_555_055);
    // A rate that prints in exponent form: USD 74,402,330.25 × 0.0000001 = CNY 7.440233025.
    expect(convertMinor(7_440_233_025, 'USD', 1e-7, 'CNY')).toBe(744);
  });
  it('agrees with decimal arithmetic on every amount and two-decimal rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: 1, max: 99_999 }), (minor, hundredths) => {
        // minor/100 USD × hundredths/100 = minor × hundredths / 10^4 CNY = that / 100 in fen, rounded half away.
        const product = BigInt(Math.abs(minor)) * BigInt(hundredths);
        const fen = Number((product + 50n) / 100n) * Math.sign(minor);
        expect(convertMinor(minor, 'USD', hundredths / 100, 'CNY')).toBe(fen === 0 ? 0 : fen);
      }),
    );
  });
  it('agrees with decimal arithmetic at and beside the half, for rates of up to eight decimals', () => {
    // A rate as digits × 10^-places: ones whose products often end in exactly half a minor unit (0.5, 0.25, 0.125 …),
    // and any decimal. The floating-point shortcut must hand every product near a half to the exact path.
    const halves = fc.constantFrom<[number, number]>([5, 1], [25, 2], [125, 3], [375, 3], [15, 1], [25, 1], [5, 2], [5, 3], [125, 1]);
    const any = fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 8 }));
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.oneof(halves, any), (minor, [digits, places]) => {
        // minor/100 USD × digits/10^places in fen is minor × digits / 10^places, rounded half away from zero.
        const denominator = 10n ** BigInt(places);
        const product = BigInt(Math.abs(minor)) * BigInt(digits);
        const fen = Number((2n * product + denominator) / (2n * denominator)) * Math.sign(minor);
        expect(convertMinor(minor, 'USD', Number(`${digits}e-${places}`), 'CNY')).toBe(fen === 0 ? 0 : fen);
      }),
      { numRuns: 2000 },
    );
  });
  it('accepts FX rates real currencies can have, and nothing a typo or a hostile caller makes of them', () => {
    for (const rate of [MIN_FX_RATE, 0.0000073, 0.048, 1, 7.1234, 25_000, 3_000_000, MAX_FX_RATE]) expect(isFxRateInRange(rate), String(rate)).toBe(true);
    for (const rate of [0, -1, 1e-12, MAX_FX_RATE * 1.0001, 1e300, NaN, Infinity, -Infinity]) expect(isFxRateInRange(rate), String(rate)).toBe(false);
  });
  it('calls a converted amount storable only while it is an exact integer', () => {
    expect(isStorableMinor(convertMinor(10000, 'USD', 7.1234, 'CNY'))).toBe(true);
    expect(isStorableMinor(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isStorableMinor(convertMinor(Number.MAX_SAFE_INTEGER, 'USD', 7, 'CNY'))).toBe(false);
    expect(isStorableMinor(convertMinor(1200, 'USD', 1e300, 'CNY'))).toBe(false);
    expect(isStorableMinor(0.5)).toBe(false);
  });
});
