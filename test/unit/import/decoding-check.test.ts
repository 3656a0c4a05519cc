import { afterAll, describe, expect, it } from 'vitest';
import { readImportBytes, type ReadImportResult } from '../../../core/import/read-file';
import { openCsvStream } from '../../../core/import/stream';
import type { TableIssue } from '../../../shared/import/table';
import { encodeText, tempDir } from './fixtures';

/**
 * Files pasted together from two sources: one encoding is detected for the whole file, so the rows
 * from the other source come out garbled without any error. The preview names them.
 */
const files = tempDir('tierbook-decoding-');
afterAll(() => files.cleanup());

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const suspectOf = (issues: TableIssue[]) => issues.find((i) => i.code === 'decoding_suspect');
const gbkRow = (i: number) => `广州客户${i},13800138${String(i).padStart(3, '0')},广州市天河区\r\n`;
const utf8Row = (i: number) => `深圳新客户${i},13900139${String(i).padStart(3, '0')},深圳市南山区\r\n`;

/** A GBK export (header and rows 2–31) with UTF-8 rows appended at the given row numbers' places. */
function gbkWithUtf8Rows(gbkRows: number, utf8Rows: number): Uint8Array {
  const head = encodeText('客户名称,电话,地址\r\n', 'gbk');
  const gbk = encodeText(Array.from({ length: gbkRows }, (_, i) => gbkRow(i)).join(''), 'gbk');
  const utf8 = encodeText(Array.from({ length: utf8Rows }, (_, i) => utf8Row(i)).join(''), 'utf-8');
  return concat(head, gbk, utf8);
}

describe('rows garbled by the detected encoding', () => {
  it('names the UTF-8 rows of a mostly-GBK file, read as GB18030', async () => {
    const table = await readImportBytes(gbkWithUtf8Rows(30, 3));
    expect(table).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(suspectOf(table.issues)).toEqual({ code: 'decoding_suspect', encoding: 'gb18030', rows: [32, 33, 34], count: 3 });
  });

  it('names the GBK rows of a mostly-UTF-8 file, read as UTF-8 with replacement characters', async () => {
    const head = encodeText('客户名称,电话,地址\r\n', 'utf-8');
    const utf8 = encodeText(Array.from({ length: 60 }, (_, i) => utf8Row(i)).join(''), 'utf-8');
    const table = await readImportBytes(concat(head, utf8, encodeText(gbkRow(1), 'gbk'), utf8));
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(table.rows[60]!.cells[0]).toContain('\uFFFD');
    expect(suspectOf(table.issues)).toEqual({ code: 'decoding_suspect', encoding: 'utf-8', rows: [62], count: 1 });
  });

  it('lists the first 20 rows and counts the rest', async () => {
    const table = await readImportBytes(gbkWithUtf8Rows(200, 45));
    const suspect = suspectOf(table.issues) as Extract<TableIssue, { code: 'decoding_suspect' }>;
    expect(suspect.count).toBe(45);
    expect(suspect.rows).toEqual(Array.from({ length: 20 }, (_, i) => 202 + i));
  });

  it('names the same rows when the file is streamed, with the last batch', async () => {
    const path = files.write('mixed.csv', gbkWithUtf8Rows(300, 2));
    const stream = await openCsvStream(path, { batchSize: 100 });
    const batches: TableIssue[][] = [];
    for await (const batch of stream) batches.push(batch.issues);
    expect(batches.slice(0, -1).flat()).toEqual([]);
    expect(suspectOf(batches.at(-1)!)).toEqual({ code: 'decoding_suspect', encoding: 'gb18030', rows: [302, 303], count: 2 });
  });

  it('flags rows in a third encoding (Big5 rows in a GBK file) by their improbable characters', async () => {
    const big5 = encodeText('陳大文貿易有限公司,0912345678,臺北市信義區忠孝東路\r\n', 'big5');
    const table = await readImportBytes(concat(gbkWithUtf8Rows(30, 0), big5));
    expect(table).toMatchObject({ encoding: 'gb18030' });
    expect(suspectOf(table.issues)).toMatchObject({ rows: [32], count: 1 });
  });

  it('stays quiet for clean files, single-character GBK cells and rare names included', async () => {
    const clean: Array<[string, Uint8Array]> = [
      // "女" is C5 AE in GBK, also a valid 2-byte UTF-8 sequence; it must not count as UTF-8.
      ['gbk', encodeText(`姓名,性别,备注\r\n${'张三,女,是\r\n李四,男,否\r\n'.repeat(20)}鑫淼焱垚,女,\r\n`, 'gbk')],
      ['utf-8', encodeText(`姓名,性别\n${'张三,女\n'.repeat(20)}`, 'utf-8')],
      ['big5', encodeText('客戶名稱,電話,城市\r\n陳大文,0912345678,台北\r\n林小明,0922333444,高雄\r\n', 'big5')],
      ['windows-1252', encodeText('Name;Stadt\nMüller;München\nGarçon;Besançon\n', 'windows-1252')],
    ];
    for (const [name, bytes] of clean) {
      const table: ReadImportResult = await readImportBytes(bytes);
      expect({ name, suspect: suspectOf(table.issues) }).toEqual({ name, suspect: undefined });
    }
  });
});
