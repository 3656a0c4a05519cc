import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inferDecimalSeparator,
  parseCurrency,
  parseMoney,
} from '../../../shared/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `!${r.reason}`);

describe('parseMoney', () => {
  const cny = { defaultCurrency: 'CNY' };
  it.each([
    ['¥1,234.50', cny, [123450, 'CNY']],
    ['￥1,234.50', cny, [123450, 'CNY']],
    ['1.234,50 €', cny, [123450, 'EUR']],
    ['US$ 1,234', cny, [123400, 'USD']],
    ['$1,234.5', cny, [123450, 'USD']],
    ['HK$ 88', cny, [8800, 'HKD']],
    ['(1,234.00)', cny, [-123400, 'CNY']],
    ['-¥100', cny, [-10000, 'CNY']],
    ['100-', cny, [-10000, 'CNY']],
    ['1 234,50', cny, [123450, 'CNY']],
    ['1\u00a0234,50 €', cny, [123450, 'EUR']],
    ['RMB 1234', cny, [123400, 'CNY']],
    ['1234元', cny, [123400, 'CNY']],
    ['１２３４．５元', cny, [123450, 'CNY']],
    ['1.5万元', cny, [1500000, 'CNY']],
    ['£12', cny, [1200, 'GBP']],
    ['₩15,000', cny, [15000, 'KRW']],
    ['₹ 1,00,000', cny, [10000000, 'INR']],
    ['R$ 1.234,56', cny, [123456, 'BRL']],
    ['JPY 1,000', cny, [1000, 'JPY']],
    ['¥1,000', { defaultCurrency: 'CNY', yen: 'JPY' as const }, [1000, 'JPY']],
    ["CHF 1'234.50", cny, [123450, 'CHF']],
    ['1234.5', { defaultCurrency: 'USD' }, [123450, 'USD']],
    [1234.5, cny, [123450, 'CNY']],
    [0.1 + 0.2, cny, [30, 'CNY']],
    [-12, cny, [-1200, 'CNY']],
  ] as const)('%j → %j', (input, options, [minor, currency]) => {
    const r = parseMoney(input, options);
    expect(r).toMatchObject({ ok: true, value: { minor, currency } });
  });

  it.each([
    ['', '!required'],
    ['abc', '!invalid_amount'],
    ['12.3456', '!too_many_decimals'],
    ['12.345', '!ambiguous_amount'],
    ['1.234', '!ambiguous_amount'],
    // Zeros after the point do not settle it: in a file grouped with points these are 1,500 and 1,000, read before as 1.50 and 1.00.
    ['1.500', '!ambiguous_amount'],
    ['1.000', '!ambiguous_amount'],
    ['¥2.000', '!ambiguous_amount'],
    // A group of thousands never leads with 0 ("0,500" is half a dinar, not five hundred): a decimal, too many for CNY.
    ['0.001', '!too_many_decimals'],
    ['2024-03-05', '!invalid_amount'],
    ['12 XYZ', '!unknown_currency'],
    ['1,2,3', '!invalid_amount'],
    // A number cut short after its separator is no amount, and no currency either.
    ['12.', '!invalid_amount'],
    ['12,', '!invalid_amount'],
    ['¥12.', '!invalid_amount'],
  ])('%j → %s', (input, expected) => {
    expect(value(parseMoney(input, { defaultCurrency: 'CNY' }))).toBe(expected);
  });

  it('reads "1.000" and "1.500" as the column’s separator says, and as decimals only in a currency of 3 decimals', () => {
    expect(value(parseMoney('1.000', { defaultCurrency: 'JPY' }))).toBe('!ambiguous_amount');
    expect(parseMoney('1.000', { defaultCurrency: 'JPY', decimal: ',' })).toMatchObject({ ok: true, value: { minor: 1000 } });
    expect(parseMoney('1.500', { defaultCurrency: 'CNY', decimal: ',' })).toMatchObject({ ok: true, value: { minor: 1500 * 100 } });
    expect(parseMoney('1.500', { defaultCurrency: 'CNY', decimal: '.' })).toMatchObject({ ok: true, value: { minor: 150 } });
    expect(parseMoney('1.500', { defaultCurrency: 'KWD' })).toMatchObject({ ok: true, value: { minor: 1500 } });
    expect(parseMoney('0.500', { defaultCurrency: 'CNY' })).toMatchObject({ ok: true, value: { minor: 50 } });
    expect(parseMoney('1.5万', { defaultCurrency: 'CNY' })).toMatchObject({ ok: true, value: { minor: 15_000 * 100 } });
  });

  it('uses the column’s decimal separator for "1,234" and "1.234"', () => {
    expect(value(parseMoney('1.234', { defaultCurrency: 'EUR', decimal: ',' }))).toMatchObject({ minor: 123400 });
    expect(value(parseMoney('1,234', { defaultCurrency: 'EUR', decimal: ',' }))).toBe('!too_many_decimals');
    expect(value(parseMoney('1,234', { defaultCurrency: 'EUR' }))).toMatchObject({ minor: 123400 });
  });

  it('checks the cell’s symbol against a stated currency', () => {
    expect(value(parseMoney('$100', { defaultCurrency: 'CNY', statedCurrency: 'HKD' }))).toMatchObject({ currency: 'HKD', currencyFrom: 'column' });
    expect(value(parseMoney('¥100', { defaultCurrency: 'CNY', statedCurrency: 'JPY' }))).toMatchObject({ minor: 100, currency: 'JPY' });
    expect(value(parseMoney('€100', { defaultCurrency: 'CNY', statedCurrency: 'USD' }))).toBe('!currency_conflict');
    expect(value(parseMoney('100', { defaultCurrency: 'CNY' }))).toMatchObject({ currencyFrom: 'default', decimal: '100.00' });
  });

  it('round-trips amounts written with either grouping convention (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.boolean(), (minor, european) => {
        const abs = Math.abs(minor);
        const [group, dec] = european ? ['.', ','] : [',', '.'];
        const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
        const text = `${minor < 0 ? '-' : ''}${whole}${dec}${String(abs % 100).padStart(2, '0')}`;
        const r = parseMoney(text, { defaultCurrency: 'CNY', decimal: dec as '.' | ',' });
        expect(r).toMatchObject({ ok: true, value: { minor } });
      }),
    );
  });
});

describe('inferDecimalSeparator', () => {
  it.each([
    [['1.234,50', '12'], ','],
    [['12,5'], ','],
    [['1.234.567'], ','],
    [['1,234.50'], '.'],
    [['12.5'], '.'],
    [['1,234', '5,678'], 'ambiguous'],
    [['12,5', '12.5'], 'ambiguous'],
  ] as const)('%j → %s', (samples, expected) => {
    expect(inferDecimalSeparator(samples)).toBe(expected);
  });
});

describe('parseCurrency', () => {
  it.each([
    ['¥', 'CNY'],
    ['元', 'CNY'],
    ['RMB', 'CNY'],
    ['cny', 'CNY'],
    ['人民币', 'CNY'],
    ['$', 'USD'],
    ['US$', 'USD'],
    ['美元', 'USD'],
    ['HK$', 'HKD'],
    ['港币', 'HKD'],
    ['€', 'EUR'],
    ['Euro', 'EUR'],
    ['£', 'GBP'],
    ['₩', 'KRW'],
    ['₹', 'INR'],
    ['R$', 'BRL'],
    ['円', 'JPY'],
    ['chf', 'CHF'],
    ['SEK', 'SEK'],
    ['XYZ', null],
    ['', null],
  ])('%j → %s', (input, expected) => {
    expect(parseCurrency(input)).toBe(expected);
  });

  it('reads ¥ as JPY and $ as another dollar when told', () => {
    expect(parseCurrency('¥', { yen: 'JPY' })).toBe('JPY');
    expect(parseCurrency('$', { dollar: 'SGD' })).toBe('SGD');
  });
});
