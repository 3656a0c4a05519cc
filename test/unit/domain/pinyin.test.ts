import { describe, expect, it } from 'vitest';
import { normalizeQuery, searchKeys } from '../../../shared/domain/pinyin';

describe('pinyin search keys', () => {
  it('gives the name, its full pinyin and its initials', () => {
    expect(searchKeys('张三', { personName: true })).toEqual(['张三', 'zhangsan', 'zs']);
  });
  it('reads surnames as names are read (单 shan, 曾 zeng, 解 xie)', () => {
    expect(searchKeys('单田芳', { personName: true })).toContain('shantianfang');
    expect(searchKeys('曾志强', { personName: true })).toContain('zengzhiqiang');
    expect(searchKeys('解晓东', { personName: true })).toContain('xiexiaodong');
  });
  it('keeps Latin text and digits inside Chinese names as they are', () => {
    expect(searchKeys('ABC贸易 2号', {})).toEqual(['abc贸易 2号', 'abc贸易2号', 'abcmaoyi2hao', 'abcmy2h']);
  });
  it('gives only the lower-cased text (and its space-free form) for Latin names', () => {
    expect(searchKeys('Lukas Weber')).toEqual(['lukas weber', 'lukasweber']);
    expect(searchKeys('')).toEqual([]);
    expect(searchKeys(null)).toEqual([]);
  });
  it('normalises what the user typed the same way', () => {
    expect(normalizeQuery(' Zhang San ')).toBe('zhangsan');
    expect(normalizeQuery('ZS')).toBe('zs');
  });
});
