import { describe, expect, it } from 'vitest';
import { formatRate } from '../../../shared/domain/money';
import { MAX_FX_RATE, MIN_FX_RATE } from '../../../shared/domain/money';

describe('an FX rate as shown', () => {
  it('shows every digit of the rate that converts the amounts, however small', () => {
    // 1 IDR in USD, 1 IRR in KWD: cut to 6 decimals these read 0.000062 and 0.000007.
    expect(formatRate(0.0000617, 'en')).toBe('0.0000617');
    expect(formatRate(0.0000073, 'zh-CN')).toBe('0.0000073');
    expect(formatRate(MIN_FX_RATE, 'en')).toBe('0.000000001');
    expect(formatRate(MAX_FX_RATE, 'en')).toBe('1000000000.0000');
    expect(formatRate(123456.1234567, 'en')).toBe('123456.1234567');
  });

  it('keeps four decimals for a round rate, in the language’s own point', () => {
    expect(formatRate(7, 'en')).toBe('7.0000');
    expect(formatRate(7.1234, 'zh-CN')).toBe('7.1234');
    expect(formatRate(7.5, 'de')).toBe('7,5000');
  });
});
