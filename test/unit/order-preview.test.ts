import { describe, expect, it } from 'vitest';
import { convertedPreview } from '../../renderer/features/customer-file/order-preview';

describe('the order form before saving', () => {
  it('shows the amount in the base currency at the rate that will be locked', () => {
    // 1,234.56 USD at 7.1234 CNY per USD = 8794.1... → 879,426.36… fen, rounded half away from zero.
    const expected = Math.round(123456 * 7.1234);
    expect(convertedPreview('1234.56', 'USD', 'CNY', 7.1234)).toEqual({ kind: 'converted', baseMinor: expected, rate: 7.1234 });
    // Yen have no minor unit: 5,000 JPY at 0.048 CNY = 240.00 CNY.
    expect(convertedPreview('5000', 'JPY', 'CNY', 0.048)).toEqual({ kind: 'converted', baseMinor: 24000, rate: 0.048 });
    expect(convertedPreview('0', 'USD', 'CNY', 7)).toEqual({ kind: 'converted', baseMinor: 0, rate: 7 });
  });

  it('says nothing to convert for the base currency, and asks for a rate when none is known', () => {
    expect(convertedPreview('10', 'CNY', 'CNY', null)).toEqual({ kind: 'same' });
    expect(convertedPreview('10', 'EUR', 'CNY', null)).toEqual({ kind: 'no_rate' });
    expect(convertedPreview('abc', 'EUR', 'CNY', 7)).toBeNull();
    expect(convertedPreview('-1', 'EUR', 'CNY', 7)).toBeNull();
  });
});
