import { describe, expect, it } from 'vitest';
import {
  CHANNEL_WORDS,
  CUSTOMER_TYPE_WORDS,
  INTENT_WORDS,
  parseChoice,
  parseCountry,
  parseEmails,
  parsePhone,
  parsePhones,
  parseSatisfaction,
  type Vocabulary,
} from '../../../shared/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `!${r.reason}`);

describe('phones and emails', () => {
  it.each([
    ['+86 138 0013 8000', '+8613800138000'],
    ['0086-138-0013-8000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['＋８６ １３８００１３８０００', '+8613800138000'],
    [13800138000, '+8613800138000'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['1.38001E+10', '!phone_scientific'],
    ['8.61380e12', '!phone_scientific'],
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
    expect(value(parseChoice(input, words as Vocabulary<string>))).toBe(expected);
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
