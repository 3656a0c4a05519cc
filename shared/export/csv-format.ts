import { neutralize } from './neutralize';

/** UTF-8 BOM: without it Excel reads a UTF-8 CSV in the system code page and Chinese turns to mojibake. */
export const UTF8_BOM = '\uFEFF';

/** One CSV line (RFC 4180, CRLF as Excel writes): quoted when needed, text neutralised against formulas. */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralize(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
