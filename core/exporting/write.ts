import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Language } from '../../shared/contract/enums';
import type { ExportColumn } from '../../shared/export/columns';
import { csvLine, UTF8_BOM } from '../../shared/export/csv-format';
import { neutralize } from '../../shared/export/neutralize';
import type { ExportRow } from './rows';

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

/** Calendar dates as real date cells: a UTC midnight, which is how Excel serial dates map to JavaScript. */
function dateCell(value: string): Date {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * .xlsx through exceljs's streaming writer (rows are flushed as they are added): numbers and dates as
 * typed cells, a bold header row that stays frozen while scrolling, text neutralised against formulas.
 */
export async function writeXlsx(path: string, sheetName: string, columns: ExportColumn[], language: Language, rows: Iterable<ExportRow>): Promise<number> {
  // Loaded on first export: the app and CLI start without it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? 14,
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'int' ? { numFmt: '0' } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header[language]));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for (const row of rows) {
    sheet
      .addRow(
        columns.map((c) => {
          const value = row[c.key];
          if (value === null || value === undefined || value === '') return null;
          if (c.type === 'date') return dateCell(String(value));
          if (c.type === 'int' || c.type === 'number') return Number(value);
          return neutralize(String(value));
        }),
      )
      .commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
