import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { neutralize, unneutralize } from '../../../shared/export/neutralize';
import { parseCsv } from '../../../shared/import/csv';
import { rejectsCsv } from '../../../renderer/features/import/file-data';

/** i18next's t as the screen calls it: the English default text for the reasons, the key for the headers. */
const t = ((key: string, options?: { defaultValue?: string }) => options?.defaultValue ?? key) as unknown as TFunction;

describe("the import screen's rejects download", () => {
  const cells = ['\t=HYPERLINK("x")', "'@老王", '=1+1', '-12.5', '+86 138 0013 8000', '张三, 李四'];
  const csv = rejectsCsv({ headers: cells.map((_, i) => `c${i + 1}`), rejectedRows: [{ row: 7, cells }], errors: [{ row: 7, line: 7, column: 0, header: 'c1', field: 'name', value: '', reason: 'required', message: 'Row 7: is required.' }] }, t);

  it('neutralises as every export does: a tab or CR before =, and text already starting with an apostrophe, get one', () => {
    const row = parseCsv(csv.replace(/^\uFEFF/, '')).rows[0]!.cells;
    expect(row.slice(1, -1)).toEqual(cells.map(neutralize));
    expect(row.slice(1, 3)).toEqual(["'\t=HYPERLINK(\"x\")", "''@老王"]);
    expect(row.at(-1)).toBe('c1 Row 7: is required.');
  });

  it('a cell starting with a carriage return is neutralised too (read back, the CSV reader makes the CR a line break)', () => {
    const withCr = rejectsCsv({ headers: ['c1'], rejectedRows: [{ row: 2, cells: ['\r=1+1'] }], errors: [] }, t);
    expect(withCr.split('\r\n')[1]).toBe(`2,"'\r=1+1",`);
  });

  it('imports back as the file had it (the importer strips one apostrophe)', () => {
    const row = parseCsv(csv.replace(/^\uFEFF/, '')).rows[0]!.cells.map(String);
    expect(row.slice(1, -1).map(unneutralize)).toEqual(cells);
    expect(csv.startsWith('\uFEFFimporting:errors.row,c1,')).toBe(true);
  });
});
