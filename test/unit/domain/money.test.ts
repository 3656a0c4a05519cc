import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertMinor, isCurrencyCode, minorDigits, minorToDecimal, parseAmount } from '../../../shared/domain/money';

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
});
