import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../core/import/xlsx';
import { MAX_CELL_CHARS, MAX_MERGED_RANGES, MAX_PART_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../../../core/import/xlsx-limits';
import { part, repeatedPart, SHEET_HEAD, SHEET_TAIL, sheetWorkbook, workbookParts, zip } from './zip-builder';

/**
 * Hostile workbooks, built here in memory. Each must end in its own clear ImportError within seconds
 * and without the process holding the unpacked data: the timeouts are modest so a reader that inflates
 * the bomb fails by time, and the 4 GB one would end the worker with an out-of-memory crash.
 */
const ROW = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>客户${r}</t></is></c><c r="B${r}"><v>${r * 10}</v></c></row>`;
const MB = 1024 * 1024;

/** ~450 MB of ordinary rows in about a megabyte, like the bomb found in review. */
function rowsBomb(declaredSize?: number) {
  // Rows without numbers (allowed: they follow on) repeat exactly, which is what makes bombs small.
  const block = '<row><c t="inlineStr"><is><t>客户</t></is></c><c><v>10</v></c></row>'.repeat(16_000);
  const times = Math.ceil((450 * MB) / block.length);
  const sheet = repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>amount</t></is></c></row>`, block, times, SHEET_TAIL);
  return { sheet: { ...sheet, declaredSize }, bytes: zip([...workbookParts(), { ...sheet, declaredSize }]) };
}

/** One cell of 4 GB of 'A's (just under the 32-bit size a plain zip can declare). */
function giantCellBomb(declaredSize?: number) {
  const chunk = 'A'.repeat(MB);
  const sheet = repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`, chunk, 4095, `</t></is></c></row>${SHEET_TAIL}`);
  return { sheet, bytes: zip([...workbookParts(), { ...sheet, declaredSize: declaredSize ?? sheet.size }]) };
}

describe('readXlsx refuses workbooks past its limits', () => {
  it('refuses 450 MB of rows packed in a small file from the declared size, before inflating', async () => {
    const { sheet, bytes } = rowsBomb();
    expect(sheet.size).toBeGreaterThan(MAX_PART_BYTES);
    expect(bytes.length).toBeLessThan(8 * MB);
    await expect(readXlsx(bytes)).rejects.toMatchObject({ name: 'ImportError', code: 'xlsx_too_large', details: { part: 'xl/worksheets/sheet1.xml', bytes: sheet.size } });
  }, 20_000);

  it('stops the same rows when the zip directory understates their size, as soon as inflating passes it', async () => {
    const { bytes } = rowsBomb(2 * MB);
    await expect(readXlsx(bytes)).rejects.toMatchObject({ code: 'xlsx_unreadable' });
  }, 20_000);

  it('refuses a 4 GB cell from its declared size', async () => {
    const { sheet, bytes } = giantCellBomb();
    expect(sheet.size).toBeGreaterThan(4000 * MB);
    await expect(readXlsx(bytes)).rejects.toMatchObject({ code: 'xlsx_too_large' });
  }, 20_000);

  it('refuses a 4 GB cell whose declared size lies, before the XML parser buffers it', async () => {
    const { bytes } = giantCellBomb(100 * MB);
    await expect(readXlsx(bytes)).rejects.toMatchObject({ code: 'cell_too_long' });
  }, 20_000);

  it('refuses parts that are each allowed but together too large, from the directory alone', async () => {
    const strings = { ...part('xl/sharedStrings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'), declaredSize: 200 * MB };
    const sheet = { ...part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${ROW(1)}${SHEET_TAIL}`), declaredSize: 200 * MB };
    await expect(readXlsx(zip([...workbookParts({ sharedStrings: true }), sheet, strings]))).rejects.toMatchObject({ code: 'xlsx_too_large' });
    // The workbook's own description is small in every real file; a big one is refused on sight.
    const parts = workbookParts();
    const bloated = parts.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, declaredSize: 64 * MB } : p));
    await expect(readXlsx(zip([...bloated, part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`)]))).rejects.toMatchObject({ code: 'xlsx_too_large', details: { part: 'xl/workbook.xml' } });
  });

  it('reads a cell of exactly 32,767 characters and refuses one more, inline or shared', async () => {
    const inline = (n: number) => sheetWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>note</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${'字'.repeat(n)}</t></is></c></row>`);
    expect(((await readXlsx(inline(MAX_CELL_CHARS))).rows[0]!.cells[0] as string).length).toBe(MAX_CELL_CHARS);
    await expect(readXlsx(inline(MAX_CELL_CHARS + 1))).rejects.toMatchObject({ code: 'cell_too_long', details: { where: 'A2' } });
    const shared = sheetWorkbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [part('xl/sharedStrings.xml', `<sst><si><t>${'x'.repeat(MAX_CELL_CHARS + 1)}</t></si></sst>`)], { sharedStrings: true });
    await expect(readXlsx(shared)).rejects.toMatchObject({ code: 'cell_too_long' });
  });

  it('refuses a row numbered past Excel’s last row, and reads the last row itself', async () => {
    const at = (r: number) => sheetWorkbook(`${ROW(1)}${ROW(r)}`);
    expect((await readXlsx(at(MAX_SHEET_ROWS))).rows.map((r) => r.row)).toEqual([MAX_SHEET_ROWS]);
    await expect(readXlsx(at(MAX_SHEET_ROWS + 1))).rejects.toMatchObject({ code: 'too_many_rows', details: { row: MAX_SHEET_ROWS + 1 } });
  });

  it('refuses a cell past column XFD, by reference or by counting cells written without one', async () => {
    await expect(readXlsx(sheetWorkbook('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).rejects.toMatchObject({ code: 'too_many_columns', details: { column: MAX_SHEET_COLUMNS + 1 } });
    const wide = `<row r="1">${'<c><v>1</v></c>'.repeat(MAX_SHEET_COLUMNS + 1)}</row>`;
    await expect(readXlsx(sheetWorkbook(wide))).rejects.toMatchObject({ code: 'too_many_columns' });
    const widest = await readXlsx(sheetWorkbook(`<row r="1">${'<c t="inlineStr"><is><t>h</t></is></c>'.repeat(MAX_SHEET_COLUMNS)}</row>`));
    expect(widest.headers).toHaveLength(MAX_SHEET_COLUMNS);
  }, 20_000);

  it('counts a row as wide as its last value, and refuses padding short rows into millions of blanks', async () => {
    const sparse = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    await expect(readXlsx(sheetWorkbook(sparse))).rejects.toMatchObject({ code: 'too_many_rows' });
    const wideHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1" t="inlineStr"><is><t>z</t></is></c></row>`;
    const shortRows = Array.from({ length: 700 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1</v></c></row>`).join('');
    await expect(readXlsx(sheetWorkbook(wideHeader + shortRows))).rejects.toMatchObject({ code: 'too_many_columns', details: { columns: MAX_SHEET_COLUMNS } });
  });

  it('refuses a merged range that would copy a value into millions of cells, and a sheet of endless merges', async () => {
    const sheet = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`;
    await expect(readXlsx(zip([...workbookParts(), part('xl/worksheets/sheet1.xml', sheet)]))).rejects.toMatchObject({ code: 'too_many_rows' });
    const many = `${SHEET_HEAD}${ROW(1)}</sheetData><mergeCells>${'<mergeCell ref="C1:D1"/>'.repeat(MAX_MERGED_RANGES + 1)}</mergeCells></worksheet>`;
    await expect(readXlsx(zip([...workbookParts(), part('xl/worksheets/sheet1.xml', many)]))).rejects.toMatchObject({ code: 'too_many_rows', details: { limit: MAX_MERGED_RANGES } });
  });

  it('refuses a zip whose workbook part is missing or whose XML is broken', async () => {
    await expect(readXlsx(zip([part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`)]))).rejects.toMatchObject({ code: 'xlsx_unreadable' });
    await expect(readXlsx(sheetWorkbook('<row r="1"><c r="A1"><v>1</v></row>'))).rejects.toMatchObject({ code: 'xlsx_unreadable' });
  });
});
