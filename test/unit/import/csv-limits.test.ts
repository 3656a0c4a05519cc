import { afterAll, describe, expect, it } from 'vitest';
import { readImportBytes } from '../../../core/import/read-file';
import { openCsvStream } from '../../../core/import/stream';
import { parseCsv } from '../../../shared/import/csv';
import { MAX_COLUMNS, MAX_PADDED_CELLS, MAX_RECORD_CHARS } from '../../../shared/import/limits';
import { buildHeader } from '../../../shared/import/table';
import { tempDir } from './fixtures';

/**
 * Headers and lines built to be slow: a header repeating one name tens of thousands of times (renaming
 * duplicates used to be quadratic: 237 s at 50,000 columns) and a 30 MB single line (it never finished).
 * Each is read or refused in well under the 20 s timeout; a quadratic regression runs into it.
 */
const files = tempDir('tierbook-csv-limits-');
afterAll(() => files.cleanup());

async function readStream(path: string): Promise<number> {
  const stream = await openCsvStream(path);
  let rows = 0;
  for await (const batch of stream) rows += batch.rows.length;
  return rows;
}

describe('header renaming', () => {
  it('numbers 50,000 copies of one name in one pass, exactly as before', () => {
    const { header, issues } = buildHeader({ row: 1, line: 1, cells: new Array<string>(50_000).fill('电话') });
    expect(header.headers.slice(0, 3)).toEqual(['电话', '电话 (2)', '电话 (3)']);
    expect(header.headers[49_999]).toBe('电话 (50000)');
    expect(new Set(header.headers).size).toBe(50_000);
    expect(issues).toHaveLength(49_999);
  }, 20_000);

  it('skips numbers already taken by real columns, even when those come first', () => {
    const taken = Array.from({ length: 20_000 }, (_, i) => `a (${i + 2})`);
    const { header } = buildHeader({ row: 1, line: 1, cells: [...taken, 'a', 'a', 'a', 'a (2)'] });
    expect(header.headers.slice(-4)).toEqual(['a', 'a (20002)', 'a (20003)', 'a (2) (2)']);
  }, 20_000);
});

describe('CSV limits', () => {
  it('reads a header of 16,384 repeated names, Excel’s widest sheet', () => {
    const table = parseCsv(`${'x,'.repeat(MAX_COLUMNS - 1)}x\n${'1,'.repeat(MAX_COLUMNS - 1)}1\n`);
    expect(table.headers).toHaveLength(MAX_COLUMNS);
    expect(table.headers[MAX_COLUMNS - 1]).toBe(`x (${MAX_COLUMNS})`);
    expect(table.rows[0]!.cells).toHaveLength(MAX_COLUMNS);
  }, 20_000);

  it('refuses a header of 50,000 repeated names (a 100 KB file) as too many columns, whole or streamed', async () => {
    const text = `${'电话,'.repeat(49_999)}电话\n1\n`;
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ code: 'too_many_columns', details: expect.objectContaining({ columns: 50_000, limit: MAX_COLUMNS }) }));
    await expect(readImportBytes(Buffer.from(text))).rejects.toMatchObject({ code: 'too_many_columns' });
    await expect(readStream(files.write('wide.csv', text))).rejects.toMatchObject({ code: 'too_many_columns' });
  }, 20_000);

  it('refuses a 16,384-column header over hundreds of one-value lines rather than pad them into millions of blanks', () => {
    const text = `${'x,'.repeat(MAX_COLUMNS - 1)}x\n${'1\n'.repeat(700)}`;
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ code: 'too_many_columns', details: { columns: MAX_COLUMNS, limit: MAX_PADDED_CELLS } }));
    // A few hundred short lines under a wide header are still read.
    expect(parseCsv(`${'x,'.repeat(MAX_COLUMNS - 1)}x\n${'1\n'.repeat(300)}`).rows).toHaveLength(300);
  }, 20_000);

  it('refuses a 30 MB single line, of cells or of one quoted value, whole or streamed', async () => {
    const cells = `${'ab,'.repeat(10_000_000)}ab`;
    const quoted = `id,note\n1,"${'长文本'.repeat(10_000_000)}"\n2,x\n`;
    expect(cells.length).toBeGreaterThan(30_000_000);
    expect(() => parseCsv(cells)).toThrow(expect.objectContaining({ code: 'record_too_large', details: { line: 1, limit: MAX_RECORD_CHARS } }));
    expect(() => parseCsv(quoted)).toThrow(expect.objectContaining({ code: 'record_too_large', details: expect.objectContaining({ line: 2 }) }));
    await expect(readStream(files.write('line.csv', cells))).rejects.toMatchObject({ code: 'record_too_large' });
    await expect(readStream(files.write('quoted.csv', quoted))).rejects.toMatchObject({ code: 'record_too_large' });
  }, 20_000);

  it('still reads a 10 MB quoted note, far over any cell Excel writes but under the line limit', () => {
    const table = parseCsv(`id,note\n1,"${'备注,'.repeat(3_000_000)}"\n`);
    expect((table.rows[0]!.cells[1] as string).length).toBe(9_000_000);
  }, 20_000);
});
