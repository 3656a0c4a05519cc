import { afterAll, describe, expect, it } from 'vitest';
import { openCsvStream, type CsvStreamBatch } from '../../../core/import/stream';
import { encodeText, tempDir } from './fixtures';

const files = tempDir();
afterAll(() => files.cleanup());

async function collect(stream: AsyncIterable<CsvStreamBatch>): Promise<CsvStreamBatch[]> {
  const out: CsvStreamBatch[] = [];
  for await (const batch of stream) out.push(batch);
  return out;
}

describe('openCsvStream', () => {
  it('reads 100k rows in bounded batches with row numbers, whatever the chunk size', async () => {
    const lines = ['id,name,amount'];
    for (let i = 1; i <= 100_000; i++) lines.push(i % 1000 === 0 ? `${i},"Name, ${i}\nsecond line",${i}.5` : `${i},Name ${i},${i}.5`);
    const path = files.write('big.csv', lines.join('\r\n'));
    const stream = await openCsvStream(path, { batchSize: 5000, chunkBytes: 50_000 });
    expect(stream.headers).toEqual(['id', 'name', 'amount']);
    let count = 0;
    let lastId = 0;
    let lastLine = 0;
    let bytesRead = 0;
    for await (const batch of stream) {
      expect(batch.rows.length).toBeLessThanOrEqual(5000);
      for (const row of batch.rows) {
        // A plain comparison: 100k expect() calls would dominate the suite's time.
        if (Number(row.cells[0]) !== lastId + 1) throw new Error(`row ${row.row} out of order`);
        lastId++;
        lastLine = row.line;
      }
      count += batch.rows.length;
      bytesRead = batch.bytesRead;
    }
    expect(count).toBe(100_000);
    // The last row is the 100th with a quoted newline; the 99 before it each add a physical line.
    expect(lastLine).toBe(100_001 + 99);
    expect(bytesRead).toBe(stream.totalBytes);
  });

  it('decodes GBK across chunk boundaries and reports issues with their batch', async () => {
    const text = ['客户名称,电话', '张三,13800138000', '李四', '', '王五,13700001111,多余'].join('\n');
    const path = files.write('gbk.csv', encodeText(text, 'gbk'));
    const stream = await openCsvStream(path, { chunkBytes: 3, batchSize: 1 });
    expect(stream.encoding).toBe('gb18030');
    const batches = await collect(stream);
    expect(batches.flatMap((b) => b.rows.map((r) => [r.row, r.cells[0]]))).toEqual([
      [2, '张三'],
      [3, '李四'],
      [5, '王五'],
    ]);
    expect(batches.map((b) => b.issues.map((i) => i.code))).toEqual([[], ['missing_columns'], ['extra_columns']]);
  });

  it('detects GBK that starts after more than the first chunk of ASCII', async () => {
    const text = `code,name\n${'A0001,x\n'.repeat(30_000)}B0001,张三丰\n`;
    const stream = await openCsvStream(files.write('late-gbk.csv', encodeText(text, 'gbk')));
    expect(stream.encoding).toBe('gb18030');
    const rows = (await collect(stream)).flatMap((b) => b.rows);
    expect(rows.at(-1)!.cells).toEqual(['B0001', '张三丰']);
  });

  it('reads a UTF-16LE tab file with BOM and reports duplicate headers up front', async () => {
    const path = files.write('unicode.txt', encodeText('名称\t电话\t电话\r\n张三\t1\t2\r\n', 'utf-16le', true));
    const stream = await openCsvStream(path, { chunkBytes: 5 });
    expect(stream).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['名称', '电话', '电话 (2)'] });
    expect(stream.headerIssues.map((i) => i.code)).toEqual(['duplicate_header']);
    expect((await collect(stream))[0]!.rows[0]!.cells).toEqual(['张三', '1', '2']);
  });

  it('stops with a typed error when aborted', async () => {
    const path = files.write('abort.csv', `a,b\n${'1,2\n'.repeat(10_000)}`);
    const controller = new AbortController();
    const stream = await openCsvStream(path, { batchSize: 100, signal: controller.signal });
    let seen = 0;
    await expect(
      (async () => {
        for await (const batch of stream) {
          seen += batch.rows.length;
          controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(seen).toBe(100);
  });

  it('refuses empty, header-less and Excel files', async () => {
    await expect(openCsvStream(files.write('zero.csv', ''))).rejects.toMatchObject({ code: 'empty_file' });
    await expect(openCsvStream(files.write('blank.csv', '\n\n'))).rejects.toMatchObject({ code: 'no_header' });
    await expect(openCsvStream(files.write('x.csv', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).rejects.toMatchObject({ code: 'xls_not_supported' });
  });

  it('yields nothing for a header-only file', async () => {
    const stream = await openCsvStream(files.write('header.csv', 'a,b\n'));
    expect(await collect(stream)).toEqual([]);
  });
});
