import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, currencyDigits } from '../../../shared/domain/currency-digits';
import { formatMoney, isCurrencyCode, minorDigits, parseAmount } from '../../../shared/domain/money';
import { formatMoney as formatMoneyOnScreen } from '../../../renderer/components/format';

/** The digits after the decimal point of the amount in an English text ("Cg. 12,345.67" → 2). */
const shownDecimals = (text: string, currency: string): number => {
  const amount = /\d[\d,]*(?:\.(\d+))?/.exec(text);
  expect(amount, `${currency}: ${text}`).not.toBeNull();
  return amount![1]?.length ?? 0;
};

describe("currencies' minor digits are the app's own, not the runtime's", () => {
  it('stores RSD in whole dinars and shows it so, though this Node’s ICU data gives it two digits', () => {
    expect(minorDigits('RSD')).toBe(0);
    expect(parseAmount('1500', 'RSD')).toEqual({ ok: true, minor: 1500 });
    expect(parseAmount('1500.50', 'RSD')).toEqual({ ok: false, reason: 'too_many_decimals' });
    // 123456 stored minor units of RSD are 123,456 dinars in every process, in every form they are shown.
    const expected = new Intl.NumberFormat('en', { style: 'currency', currency: 'RSD', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(123456);
    expect(expected).toMatch(/123,456$/);
    expect(formatMoney(123456, 'RSD', 'en')).toBe(expected);
    expect(formatMoneyOnScreen(123456, 'RSD', 'en')).toBe(expected);
  });

  it('takes the newer codes that some runtimes do not know yet (SLE, XCG, ZWG)', () => {
    for (const code of ['SLE', 'XCG', 'ZWG']) expect([code, isCurrencyCode(code), minorDigits(code)]).toEqual([code, true, 2]);
  });

  it('knows the usual ones, and no code outside the table', () => {
    expect(['CNY', 'USD', 'EUR', 'JPY', 'KRW', 'VND', 'KWD', 'BHD', 'HUF', 'IDR'].map(minorDigits)).toEqual([2, 2, 2, 0, 0, 0, 3, 3, 0, 0]);
    expect([isCurrencyCode('XYZ'), isCurrencyCode('usd'), isCurrencyCode('US'), currencyDigits('XYZ')]).toEqual([false, false, false, undefined]);
    // A code only another program wrote counts in hundredths, as Intl would.
    expect(minorDigits('XYZ')).toBe(2);
  });

  it('shows every currency with exactly the digits it is stored with, in both languages', () => {
    expect(CURRENCY_CODES.length).toBe(162);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    for (const code of CURRENCY_CODES) {
      const digits = minorDigits(code);
      // 1234567 minor units: the last `digits` digits are the fraction.
      const text = formatMoney(1234567, code, 'en');
      expect([code, shownDecimals(text, code)]).toEqual([code, digits]);
      expect([code, shownDecimals(formatMoneyOnScreen(1234567, code, 'en'), code)]).toEqual([code, digits]);
      const whole = digits === 0 ? '1,234,567' : `${'1234567'.slice(0, 7 - digits).replace(/\B(?=(\d{3})+$)/g, ',')}.${'1234567'.slice(7 - digits)}`;
      expect(text.endsWith(whole) || text.startsWith(whole), `${code}: ${text} ~ ${whole}`).toBe(true);
      expect(formatMoneyOnScreen(1234567, code, 'zh-CN')).toContain(whole);
    }
  });
});
