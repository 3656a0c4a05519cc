import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Language } from '../../shared/contract/enums';
import type { ExportColumn } from '../../shared/export/columns';
import { csvLine, UTF8_BOM } from '../../shared/export/csv-format';
import { neutralize } from '../../shared/export/neutralize';
import type { ExportRow } from './rows';
import { excelJs } from './spreadsheet-lib';

/** CSV in UTF-8 with a BOM, so Excel on a Chinese Windows shows the characters instead of mojibake. */
export async function writeCsv(path: string, columns: ExportColumn[], language: Language, rows: Iterable<ExportRow>): Promise<number> {
  const out = createWriteStream(path);
  let count = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(UTF8_BOM + csvLine(columns.map((c) => c.header[language])));
  for (const row of rows) {
    await write(csvLine(columns.map((c) => row[c.key] ?? null)));
    count++;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

/**
 * A number column's value as a number cell when it has at most 15 significant digits (every everyday amount), which
 * a double and a spreadsheet keep exactly; else as its exact text, which the importer reads as the same amount. In a
 * number cell the largest storable amounts (90071992547409.91) lost their last cent, as Excel keeps 15 digits.
 */
export function numberCell(value: string | number): number | string {
  if (typeof value === 'number') return value;
  return value.replace(/^-|\./g, '').replace(/^0+/, '').replace(/0+$/, '').length <= 15 ? Number(value) : value;
}

/** Calendar dates as real date cells: a UTC midnight, which is how Excel serial dates map to JavaScript. */
function dateCell(value: string): Date {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** What exceljs's streaming sheet writes its XML into: the zip entries it feeds, written without waiting. */
interface SheetStream {
  stream?: { pipes?: NodeJS.WritableStream[] };
}

/**
 * Waits while the zip's compressor has more of the sheet than it has taken: exceljs writes each row's XML on
 * without heeding backpressure, so a sheet produced faster than it is deflated piled up in memory (490 MB at the peak of
 * an export of 100k customers, 380 MB when it waits).
 */
async function zipCaughtUp(sheet: unknown): Promise<void> {
  for (const pipe of (sheet as SheetStream).stream?.pipes ?? []) {
    // archiver's entries are readable-stream's PassThrough, which keeps the flag only in its state.
    const writable = pipe as NodeJS.WritableStream & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };
    if (writable.writableNeedDrain ?? writable._writableState?.needDrain) await once(writable, 'drain');
  }
}

/**
 * .xlsx through exceljs's streaming writer (rows are flushed as they are added): numbers and dates as
 * typed cells, a bold header row that stays frozen while scrolling, text neutralised against formulas.
 */
export async function writeXlsx(path: string, sheetName: string, columns: ExportColumn[], language: Language, rows: Iterable<ExportRow>): Promise<number> {
  const ExcelJS = await excelJs();
  // Text is written in its cell, not to a table of shared strings: that table holds every distinct string of the
  // sheet in memory until the end (the export of 100k customers peaked at 634 MB with it, 490 MB without).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = columns.map((c) => (c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'int' ? { numFmt: '0' } : {}));
  sheet.columns = columns.map((c, i) => ({ key: c.key, width: c.width ?? 14, style: styles[i] }));
  // Each cell is given its column's own style object: exceljs otherwise copies it into a new object per cell,
  // which it then works out again by value (1.8 s of 4.5 million cells); the same object is looked up once.
  const styleCell = (cell: { style: object }, column: number) => {
    cell.style = styles[column - 1]!;
  };
  const header = sheet.addRow(columns.map((c) => c.header[language]));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for (const row of rows) {
    const added = sheet.addRow(
      columns.map((c) => {
        const value = row[c.key];
        if (value === null || value === undefined || value === '') return null;
        if (c.type === 'date') return dateCell(String(value));
        if (c.type === 'int') return Number(value);
        if (c.type === 'number') return numberCell(value);
        return neutralize(String(value));
      }),
    );
    added.eachCell(styleCell);
    added.commit();
    count++;
    if (count % 500 === 0) await zipCaughtUp(sheet);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
