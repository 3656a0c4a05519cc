import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../renderer/components/format';
import { formatMoney as formatMoneyShared } from '../../../shared/domain/money';

// A stored amount is shown digit for digit however large: the digits are the stored minor units with the
// currency's point put in, grouped by the language (en: commas every three).
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('money shown exactly', () => {
  it('shows the largest storable amounts to the last minor unit, in every currency’s digits', () => {
    for (const format of [formatMoney, formatMoneyShared]) {
      expect(format(9_007_199_254_740_991, 'CNY', 'en')).toBe(`CN¥${grouped('90071992547409')}.91`);
      expect(format(9_007_199_254_740_991, 'KWD', 'en')).toBe(`KWD\u00a0${grouped('9007199254740')}.991`);
      expect(format(9_007_199_254_740_991, 'JPY', 'en')).toBe(`¥${grouped('9007199254740991')}`);
      expect(format(-123_456_789_012_345, 'USD', 'en')).toBe(`-$${grouped('1234567890123')}.45`);
    }
  });

  it('still rounds a fraction of a minor unit (an average) to the currency’s digits', () => {
    expect(formatMoney(1234.4, 'CNY', 'en')).toBe('CN¥12.34');
    expect(formatMoney(1234.6, 'JPY', 'en')).toBe('¥1,235');
  });
});
