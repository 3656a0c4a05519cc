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
