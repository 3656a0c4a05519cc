import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatDateTime, formatMoney, formatShortDate } from '../../../renderer/components/format';

// The formatters are built once per language and options and reused: every answer must be the one a
// formatter built afresh gives, whatever was formatted before with another language or currency.
describe('cached Intl formatters', () => {
  const languages = ['en', 'zh-CN', 'de'];
  const currencies = ['CNY', 'USD', 'JPY', 'EUR'];
  const dates = ['2026-11-23', '2024-02-29', '1999-12-31'];

  it('format money, dates and countries as a fresh formatter does, in any order of languages', () => {
    for (let round = 0; round < 2; round++) {
      for (const language of round ? [...languages].reverse() : languages) {
        for (const currency of currencies) {
          expect(formatMoney(123456, currency, language)).toBe(new Intl.NumberFormat(language, { style: 'currency', currency }).format(currency === 'JPY' ? 123456 : 1234.56));
        }
        for (const date of dates) {
          const at = new Date(`${date}T00:00:00Z`);
          expect(formatShortDate(date, language)).toBe(new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(at));
          expect(formatDate(date, language)).toBe(new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(at));
        }
        expect(formatDateTime('2026-11-23T05:16:00Z', language)).toBe(new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-23T05:16:00Z')));
        expect(countryName('CN', language)).toBe(new Intl.DisplayNames([language], { type: 'region' }).of('CN'));
      }
    }
  });

  it('keeps the short date and the long date of one language apart', () => {
    expect(formatShortDate('2026-11-23', 'en')).toBe('11/23/2026');
    expect(formatDate('2026-11-23', 'en')).toBe('Nov 23, 2026');
    expect(formatShortDate('2026-11-23', 'zh-CN')).toBe('2026/11/23');
    expect(formatMoney(123450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(123450, 'USD', 'en')).toBe('$1,234.50');
  });

  it('still refuses a currency code Intl does not know, each time it is asked', () => {
    expect(() => formatMoney(100, 'X', 'en')).toThrow(RangeError);
    expect(() => formatMoney(100, 'X', 'en')).toThrow(RangeError);
  });
});

describe('the country pickers', () => {
  it('offer each country once, by its assigned code: GB, not UK beside it, and every code has a name', async () => {
    const { COUNTRY_CODES } = await import('../../../renderer/components/format');
    expect(COUNTRY_CODES).toContain('GB');
    for (const notAssigned of ['UK', 'EU', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'XK']) expect(COUNTRY_CODES).not.toContain(notAssigned);
    expect(new Set(COUNTRY_CODES.map((c) => countryName(c, 'en'))).size).toBe(COUNTRY_CODES.length);
  });
});
