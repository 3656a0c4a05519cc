import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_WORDS,
  CUSTOMER_TYPE_WORDS,
  excelSerialToDate,
  inferDateOrder,
  inferDecimalSeparator,
  INTENT_WORDS,
  parseChoice,
  parseCountry,
  parseCurrency,
  parseDate,
  parseDateTime,
  parseEmails,
  parseMoney,
  parsePhone,
  parsePhones,
  parseSatisfaction,
} from '../../../shared/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `!${r.reason}`);

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['5.3.24', '2024-03-05'],
    ['13/3/2024', '2024-03-13'],
    ['3/13/2024', '2024-03-13'],
    ['5/5/2024', '2024-05-05'],
    ['5 Mar 2024', '2024-03-05'],
    ['05-Mar-24', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['2024-03-05T23:30:00Z', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['45356', '2024-03-05'],
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'],
    ['3/5/2024', '!ambiguous_date'],
    ['2024-02-30', '!invalid_date'],
    ['3月5日', '!invalid_date'],
    ['hello', '!invalid_date'],
    ['', '!required'],
  ] as const)('%j → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it('reads ambiguous slashed dates in the given order', () => {
    expect(value(parseDate('3/5/2024', { order: 'dmy' }))).toBe('2024-05-03');
    expect(value(parseDate('3/5/2024', { order: 'mdy' }))).toBe('2024-03-05');
  });

  it('keeps times, 12-hour clocks and offsets', () => {
    expect(value(parseDateTime('2024-03-05T10:00:00+0800'))).toEqual({ date: '2024-03-05', time: '10:00:00', offset: '+08:00' });
    expect(value(parseDateTime('3/13/2024 2:05 PM'))).toEqual({ date: '2024-03-13', time: '14:05', offset: null });
    expect(value(parseDateTime(45356.5))).toEqual({ date: '2024-03-05', time: '12:00', offset: null });
    expect(value(parseDateTime('2024-03-05 25:00'))).toBe('!invalid_time');
  });
});

describe('excelSerialToDate', () => {
  it('follows the 1900 system including the Lotus leap-year bug', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45292)).toBe('2024-01-01');
    expect(excelSerialToDate(0)).toBeNull();
  });

  it('supports the 1904 system', () => {
    expect(excelSerialToDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToDate(45356 - 1462, true)).toBe('2024-03-05');
  });
});

describe('inferDateOrder', () => {
  it.each([
    [['13/3/2024', '3/5/2024'], 'dmy'],
    [['3/13/2024', '3/5/2024'], 'mdy'],
    [['13/3/2024', '3/13/2024'], 'ambiguous'],
    [['3/5/2024', '4/6/2024'], 'ambiguous'],
    [['2024-03-05', '2024/3/6'], 'ymd'],
    [['05.03.2024'], 'dmy'],
    [[], 'ambiguous'],
  ] as const)('%j → %s', (samples, expected) => {
    expect(inferDateOrder(samples)).toBe(expected);
  });
});

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
    ['2024-03-05', '!invalid_amount'],
    ['12 XYZ', '!unknown_currency'],
    ['1,2,3', '!invalid_amount'],
  ])('%j → %s', (input, expected) => {
    expect(value(parseMoney(input, { defaultCurrency: 'CNY' }))).toBe(expected);
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

describe('phones and emails', () => {
  it.each([
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086-138-0013-8000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['＋８６ １３８００１３８０００', '+8613800138000'],
    [13800138000, '+8613800138000'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['1.38001E+10', '!invalid_phone'],
    ['12345', '!invalid_phone'],
    ['', '!required'],
  ] as const)('%j → %s', (input, expected) => {
    expect(value(parsePhone(input, 'CN'))).toBe(expected);
  });

  it('splits several numbers in one cell', () => {
    expect(value(parsePhones('13800138000 / 139 1234 5678；13800138000', 'CN'))).toEqual(['+8613800138000', '+8613912345678']);
  });

  it('validates emails', () => {
    expect(value(parseEmails('a@b.com; c@d.cn'))).toEqual(['a@b.com', 'c@d.cn']);
    expect(value(parseEmails('mailto:x@y.org'))).toEqual(['x@y.org']);
    expect(value(parseEmails('not-an-email'))).toBe('!invalid_email');
  });
});

describe('choices', () => {
  it.each([
    [CUSTOMER_TYPE_WORDS, '个人', 'individual'],
    [CUSTOMER_TYPE_WORDS, '企业', 'enterprise'],
    [CUSTOMER_TYPE_WORDS, '政府', 'government'],
    [CUSTOMER_TYPE_WORDS, '经销商', 'distributor'],
    [CUSTOMER_TYPE_WORDS, '内部', 'internal'],
    [CUSTOMER_TYPE_WORDS, 'Distributor', 'distributor'],
    [INTENT_WORDS, '有意向', 'interested'],
    [INTENT_WORDS, '犹豫', 'hesitant'],
    [INTENT_WORDS, '暂不', 'not_now'],
    [INTENT_WORDS, '无意向', 'never'],
    [INTENT_WORDS, 'Not now', 'not_now'],
    [CHANNEL_WORDS, '电话', 'call'],
    [CHANNEL_WORDS, '拜访', 'visit'],
    [CHANNEL_WORDS, '微信', 'wechat'],
    [CHANNEL_WORDS, 'WhatsApp', 'whatsapp'],
    [CHANNEL_WORDS, '邮件', 'email'],
    [CHANNEL_WORDS, '会议', 'meeting'],
    [CHANNEL_WORDS, '其他', 'other'],
    [CHANNEL_WORDS, 'E-Mail', 'email'],
  ] as const)('%#: %s → %s', (words, input, expected) => {
    expect(value(parseChoice(input, words as Map<string, string>))).toBe(expected);
  });

  it('refuses unknown choices', () => {
    expect(value(parseChoice('外星人', CUSTOMER_TYPE_WORDS))).toBe('!invalid_choice');
  });

  it.each([
    [4, 4],
    ['5', 5],
    ['★★★', 3],
    ['★★★★☆', 4],
    ['3分', 3],
    ['4/5', 4],
    ['满意', 4],
    ['6', '!satisfaction_range'],
    ['2.5', '!satisfaction_range'],
    ['great', '!invalid_choice'],
  ] as const)('satisfaction %j → %s', (input, expected) => {
    expect(value(parseSatisfaction(input))).toBe(expected);
  });
});

describe('parseCountry', () => {
  it.each([
    ['中国', 'CN'],
    ['China', 'CN'],
    ['cn', 'CN'],
    ['中國', 'CN'],
    ['美国', 'US'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['香港', 'HK'],
    ['UK', 'GB'],
    ['英国', 'GB'],
    ['Deutschland', 'DE'],
    ['韩国', 'KR'],
    ['阿联酋', 'AE'],
    ['Atlantis', '!invalid_country'],
    ['EU', '!invalid_country'],
  ])('%j → %s', (input, expected) => {
    expect(value(parseCountry(input))).toBe(expected);
  });
});
