import { describe, expect, it } from 'vitest';
import { normalizeQuery, searchKeys, sortKey } from '../../../shared/domain/pinyin';
import { searchForm } from '../../../shared/domain/search-form';

describe('the form search compares text in (shared/domain/search-form.ts)', () => {
  it('gives Traditional characters as Simplified, character by character', () => {
    expect(searchForm('張三豐')).toBe('张三丰');
    expect(searchForm('香港貿易有限公司')).toBe('香港贸易有限公司');
    expect(searchForm('臺灣東森')).toBe('台湾东森');
    // Simplified text, Latin letters, digits and symbols come back as they are.
    expect(searchForm('张三丰')).toBe('张三丰');
    expect(searchForm('Weber GmbH +49 30')).toBe('Weber GmbH +49 30');
    expect(searchForm('Müller & Söhne')).toBe('Müller & Söhne');
  });

  it('drops the characters that render as nothing, and only those', () => {
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u00AD']) expect(searchForm(`李${invisible}四`)).toBe('李四');
    expect(searchForm('👨\u200D👩\u200D👧')).toBe('👨👩👧');
    expect(searchForm('李 四')).toBe('李 四');
  });

  it('is what the query and the keys are both made with', () => {
    expect(normalizeQuery(' 張 三豐 ')).toBe('张三丰');
    expect(normalizeQuery('李\u200D四')).toBe('李四');
    expect(normalizeQuery('zhang san')).toBe('zhangsan');
    expect(searchKeys('張三豐', { personName: true })).toEqual(['張三豐', '张三丰', 'zhangsanfeng', 'zsf']);
    expect(searchKeys('李\u200D四', { personName: true })).toEqual(['李\u200D四', '李四', 'lisi', 'ls']);
    // Nothing to fold: the keys are as before, without a repeated form.
    expect(searchKeys('张三丰', { personName: true })).toEqual(['张三丰', 'zhangsanfeng', 'zsf']);
    // Every key a query can reach holds it: what is typed in either script is inside the keys of the other.
    expect(searchKeys('王小丽', { personName: true })).toContain(normalizeQuery('王小麗'));
  });

  it('makes one sort key of both scripts, with no invisible character in it', () => {
    expect(sortKey('張三豐', { personName: true })).toBe('zhang san feng');
    expect(sortKey('李\u200D四', { personName: true })).toBe('li si');
    expect(sortKey('ab\u200Bc')).toBe('abc');
  });
});
