import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding } from '../../../core/import/decode';
import { sniffFileKind } from '../../../core/import/file-kind';
import { encodeText, fakeXls, garbage } from './fixtures';

const SIMPLIFIED = '客户名称,电话,公司\n张三,13800138000,广州市天河区贸易有限公司\n李四,13912345678,深圳华强电子\n';
const TRADITIONAL = '客戶名稱,電話,公司\n陳大文,0912345678,台北貿易有限公司\n林小明,0922333444,高雄電子股份有限公司\n';

describe('decodeBytes', () => {
  it.each([
    ['utf-8', false],
    ['utf-8', true],
    ['utf-16le', true],
    ['utf-16le', false],
    ['utf-16be', true],
    ['utf-16be', false],
  ] as const)('reads %s (BOM: %s)', (encoding, bom) => {
    const decoded = decodeBytes(encodeText(SIMPLIFIED, encoding, bom));
    expect(decoded).toMatchObject({ text: SIMPLIFIED, encoding, hadBom: bom });
  });

  it('tells GBK from Big5 by frequent characters', () => {
    expect(decodeBytes(encodeText(SIMPLIFIED, 'gbk'))).toMatchObject({ text: SIMPLIFIED, encoding: 'gb18030' });
    expect(decodeBytes(encodeText(TRADITIONAL, 'big5'))).toMatchObject({ text: TRADITIONAL, encoding: 'big5' });
    // Traditional characters written in GBK are still GBK.
    expect(decodeBytes(encodeText(TRADITIONAL, 'gbk'))).toMatchObject({ text: TRADITIONAL, encoding: 'gb18030' });
  });

  it('keeps GBK for a file whose few names are all rare characters', () => {
    const text = '姓名,电话\n王喆,1\n李彧,2\n赟燚,3\n';
    expect(decodeBytes(encodeText(text, 'gbk'))).toMatchObject({ encoding: 'gb18030', text });
  });

  it('reads a small UTF-8 file with one damaged byte as UTF-8, not GB18030 (which garbled every name)', () => {
    const good = 'Name,Phone,City\n张三,13800000304,广州\n李四,13800000305,深圳\n';
    const bytes = Buffer.concat([Buffer.from(good, 'utf8'), Buffer.from([0x4d, 0xfc]), Buffer.from('ller,13800000306,Berlin\n', 'utf8')]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith(good)).toBe(true);
    expect(decoded.text).toContain('M\ufffdller');
    // The same names in GBK stay GBK, however few: their bytes make no valid wide UTF-8 character.
    for (const text of [good, '姓名\n张三\n', SIMPLIFIED, '客户,城市\n王喆,广州\n']) expect([text, decodeBytes(encodeText(text, 'gbk')).encoding]).toEqual([text, 'gb18030']);
  });

  it('reads Big5 characters whose second byte is ASCII (許功蓋)', () => {
    const text = 'name,phone\n許功蓋,1\n';
    expect(decodeBytes(encodeText(text, 'big5'))).toMatchObject({ encoding: 'big5', text });
  });

  it('reads GB18030 four-byte characters', () => {
    const text = '名称,备注\n𠀀记,€ 🙂\n';
    expect(decodeBytes(encodeText(text, 'gb18030')).text).toBe(text);
  });

  it('falls back to Windows-1252 for Western legacy files', () => {
    const text = 'Name;Stadt\nMüller;München\nGarçon;Besançon\n';
    expect(decodeBytes(encodeText(text, 'windows-1252'))).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('treats plain ASCII as UTF-8 with full confidence', () => {
    expect(decodeBytes(encodeText('a,b\n1,2\n', 'utf-8'))).toMatchObject({ encoding: 'utf-8', confidence: 1 });
  });

  it('obeys the caller’s override and still strips a matching BOM', () => {
    const bytes = encodeText(TRADITIONAL, 'big5');
    expect(decodeBytes(bytes, 'big5').text).toBe(TRADITIONAL);
    expect(decodeBytes(bytes, 'gb18030').text).not.toBe(TRADITIONAL);
    expect(decodeBytes(encodeText('a,b', 'utf-8', true), 'utf-8')).toMatchObject({ text: 'a,b', hadBom: true });
  });

  it('refuses empty and binary input with typed errors', () => {
    expect(() => decodeBytes(new Uint8Array())).toThrow(expect.objectContaining({ code: 'empty_file' }));
    expect(() => decodeBytes(garbage(4096))).toThrow(expect.objectContaining({ code: 'binary_file' }));
    const controls = new Uint8Array(200).map((_, i) => (i % 5 === 0 ? 1 : 0x41));
    expect(() => decodeBytes(controls)).toThrow(expect.objectContaining({ code: 'binary_file' }));
  });

  it('detects from a sample cut in the middle of a UTF-8 character', () => {
    const bytes = encodeText('名称,电话\n张三,1\n', 'utf-8');
    const head = bytes.subarray(0, 5);
    expect(detectEncoding(head, { bytes: head, complete: false }).encoding).toBe('utf-8');
  });

  it('judges the encoding where the first non-ASCII text is, past pages of ASCII', () => {
    const ascii = `code,amount,name\n${'A0001,100,x\n'.repeat(20_000)}`;
    const simplified = `${ascii}B0001,200,张三丰\nB0002,300,李四\n`;
    const traditional = `${ascii}B0001,200,陳大文\nB0002,300,林小明\n`;
    expect(decodeBytes(encodeText(simplified, 'gbk'))).toMatchObject({ encoding: 'gb18030', text: simplified });
    expect(decodeBytes(encodeText(traditional, 'big5'))).toMatchObject({ encoding: 'big5', text: traditional });
  });
});

describe('sniffFileKind', () => {
  it('goes by magic bytes', () => {
    expect(sniffFileKind(fakeXls())).toBe('xls');
    expect(sniffFileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(sniffFileKind(encodeText('a,b', 'utf-8'))).toBe('text');
    expect(sniffFileKind(new Uint8Array())).toBe('empty');
  });
});
