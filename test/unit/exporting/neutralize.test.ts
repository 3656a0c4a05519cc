import { describe, expect, it } from 'vitest';
import { neutralize, unneutralize } from '../../../shared/export/neutralize';

describe('formula neutralisation in exports', () => {
  it('marks text a spreadsheet would run, and leaves numbers, phones and plain text alone', () => {
    expect(['=1+1', '+SUM(A1)', '-x', '@cmd', '\t=1', '\r=1'].map(neutralize)).toEqual(["'=1+1", "'+SUM(A1)", "'-x", "'@cmd", "'\t=1", "'\r=1"]);
    expect(['-12.5', '+86 138 0013 8000', '张三', "it's", "'", ''].map(neutralize)).toEqual(['-12.5', '+86 138 0013 8000', '张三', "it's", "'", '']);
  });

  it('gives back every text as it was, also one that already starts with apostrophes before = + - @', () => {
    const texts = ['=1+1', "'=1+1", "''=1+1", "'@老王", "'+1 上次报价", "'-12", '-12', "'", "''", "'abc", 'abc', '@', "'\t", ''];
    expect(texts.map((t) => unneutralize(neutralize(t)))).toEqual(texts);
  });
});
