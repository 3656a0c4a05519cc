import { linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWhole } from '../../core/files/write-whole';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A file the user asked for (an export, the report workbook, a chart picture) is written whole or not at all:
 * into a temporary file beside it, moved over the target only once finished. A write that fails half-way
 * leaves the file that was there.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 12, seed: 5 });
});
afterEach(() => app.cleanup());

const partialsIn = (folder: string) => readdirSync(folder).filter((n) => n.includes('.partial'));

/** An earlier file at `path`, and a second name for the same bytes: written into in place, the second name would change too. */
function earlierFileAt(path: string): string {
  writeFileSync(path, 'the earlier file');
  const secondName = `${path}.earlier`;
  linkSync(path, secondName);
  return secondName;
}

describe('writeWhole', () => {
  it('leaves the earlier file and no temporary file when the writer fails half-way', async () => {
    const target = join(app.dir, 'out.csv');
    earlierFileAt(target);
    await expect(
      writeWhole(app.db.$client, target, (temp) => {
        writeFileSync(temp, 'half of the new');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('the earlier file');
    expect(partialsIn(app.dir)).toEqual([]);
  });

  it('moves the finished file over the target and gives back what the writer returned', async () => {
    const target = join(app.dir, 'out.csv');
    const secondName = earlierFileAt(target);
    expect(await writeWhole(app.db.$client, target, (temp) => (writeFileSync(temp, 'the new file'), 7))).toBe(7);
    expect(readFileSync(target, 'utf8')).toBe('the new file');
    expect(readFileSync(secondName, 'utf8')).toBe('the earlier file');
    expect(partialsIn(app.dir)).toEqual([]);
  });
});

describe('every file the user asks for is replaced whole', () => {
  it('exports in CSV and .xlsx, the report workbook and a chart picture', async () => {
    const written: Array<[string, () => Promise<{ path: string }>, (bytes: Buffer) => void]> = [
      ['customers.csv', () => app.call('export:customers', { path: join(app.dir, 'customers.csv') }), (b) => expect(b.toString('utf8').split('\n')).toHaveLength(14)],
      ['orders.xlsx', () => app.call('export:orders', { path: join(app.dir, 'orders.xlsx') }), (b) => expect(b.subarray(0, 2).toString()).toBe('PK')],
      [
        'report.xlsx',
        () => app.call('reports:export-xlsx', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', path: join(app.dir, 'report.xlsx') }),
        (b) => expect(b.subarray(0, 2).toString()).toBe('PK'),
      ],
      [
        'chart.png',
        () => app.call('charts:save-png', { image: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', name: 'chart.png' }),
        (b) => expect(b.subarray(1, 4).toString()).toBe('PNG'),
      ],
    ];
    for (const [name, write, check] of written) {
      // Written once to learn where (a chart picture goes to the exports folder), then again over an earlier file there.
      const { path } = await write();
      const secondName = earlierFileAt(path);
      expect((await write()).path).toBe(path);
      check(readFileSync(path));
      // The earlier file's bytes are untouched under their second name: the new file took the name, nothing was written into the old.
      expect(readFileSync(secondName, 'utf8'), name).toBe('the earlier file');
      expect(partialsIn(dirname(path)), name).toEqual([]);
    }
  });
});
