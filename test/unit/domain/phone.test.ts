import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '../../../shared/domain/phone';

describe('phone normalisation to E.164', () => {
  it.each([
    ['+86 138 0013 8000', 'CN', '+8613800138000'],
    ['0086-138-0013-8000', 'CN', '+8613800138000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['(138) 0013-8000', 'CN', '+8613800138000'],
    ['＋86 13800138000', 'CN', '+8613800138000'],
    ['１３８\u3000００１３\u3000８０００', 'CN', '+8613800138000'],
    ['（０２０）８８８８－６６６６', 'CN', '+862088886666'],
    ['138\u00a00013\u00a08000', 'CN', '+8613800138000'],
    ['020-8888 6666', 'CN', '+862088886666'],
    ['+49 30 12345678', 'CN', '+493012345678'],
    ['030 12345678', 'DE', '+493012345678'],
    ['(212) 555-0100', 'US', '+12125550100'],
  ])('%s with home %s → %s', (raw, home, expected) => {
    expect(normalizePhone(raw, home)).toEqual({ ok: true, e164: expected });
  });
  it.each([['12345'], ['not a phone'], ['+86 138'], ['138 0013 8000x'], ['１３８００１３８０００ｘ'], ['12 ext 34'], ['not a phone x12']])('refuses %s', (raw) => {
    expect(normalizePhone(raw, 'CN')).toEqual({ ok: false, reason: 'invalid' });
  });
  it.each([
    ['+1 212-555-0100 ext. 1234', 'US', '1234'],
    ['+1 212-555-0100 x1234', 'US', '1234'],
    ['(212) 555-0100 extension 77', 'US', '77'],
    ['+1 212-555-0100, ext 9', 'CN', '9'],
    ['13800138000 ext 12', 'CN', '12'],
    ['020-8888 6666 转 1234', 'CN', '1234'],
    ['020-8888 6666分机1234', 'CN', '1234'],
    ['０２０－８８８８ ６６６６ 轉 ８０１', 'CN', '801'],
  ])('refuses %s as a number with an extension, naming it', (raw, home, extension) => {
    expect(normalizePhone(raw, home)).toEqual({ ok: false, reason: 'extension', extension });
  });
  it('calls a blank value empty', () => {
    expect(normalizePhone('   ', 'CN')).toEqual({ ok: false, reason: 'empty' });
  });
  it('formats E.164 for reading', () => {
    expect(formatPhone('+8613800138000')).toBe('+86 138 0013 8000');
  });
});
