import type Database from 'better-sqlite3';
import { extname } from 'node:path';
import { AppError } from '../../shared/contract';
import type { Language } from '../../shared/contract/enums';
import { EXPORT_COLUMNS, type ExportKind } from '../../shared/export/columns';
import { exportRows, type ClassFilter } from './rows';
import { classLookup } from './classes';
import { classColumn } from '../../shared/export/columns';
import { classLabels } from './class-labels';
import { classSpellings } from '../../db/repos/class-spellings';
import { writeCsv, writeXlsx } from './write';
import { assertFileTarget } from '../files/write-target';
import { writeWhole } from '../files/write-whole';

export { neutralize, unneutralize } from '../../shared/export/neutralize';

const SHEET_NAMES: Record<ExportKind, Record<Language, string>> = {
  customers: { 'zh-CN': '客户', en: 'Customers' },
  orders: { 'zh-CN': '订单', en: 'Orders' },
  orderLines: { 'zh-CN': '订单明细', en: 'Order lines' },
  followUps: { 'zh-CN': '跟进记录', en: 'Follow-ups' },
};

export function exportFormatOf(path: string, format?: 'xlsx' | 'csv'): 'xlsx' | 'csv' {
  if (format) return format;
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new AppError('invalid_input', 'The export file name must end in .xlsx or .csv', [{ path: ['path'], key: 'export_format_unknown' }]);
}

/**
 * Writes one kind of record to a file, reading one statement's consistent snapshot. Customers carry a
 * column per segmentation scheme (their class as of the latest run); `classFilter` exports one tier.
 */
export interface ExportOptions {
  format?: 'xlsx' | 'csv';
  language: Language;
  classFilter?: ClassFilter;
  only?: readonly string[];
}

export interface ExportResult {
  path: string;
  format: 'xlsx' | 'csv';
  rows: number;
  classesAsOf: string | null;
}

export async function exportToFile(client: Database.Database, kind: ExportKind, path: string, options: ExportOptions): Promise<ExportResult> {
  const format = exportFormatOf(path, options.format);
  // Checked first, so it can never be the open database; written whole or not at all (writeWhole).
  assertFileTarget(client, path);
  const lookup = kind === 'customers' ? classLookup(client) : null;
  const schemes = lookup?.schemes ?? [];
  if (options.classFilter && !schemes.includes(options.classFilter.scheme)) {
    throw new AppError('invalid_input', `No segmentation results for scheme ${options.classFilter.scheme}; recompute the tiers first.`, [{ path: ['scheme'], key: 'export_scheme_unknown', params: { scheme: options.classFilter.scheme } }]);
  }
  const spellings = classSpellings(client);
  const names = { 'zh-CN': classLabels(client, 'zh-CN', spellings), en: classLabels(client, 'en', spellings) };
  const columns = [...EXPORT_COLUMNS[kind], ...schemes.map((s) => classColumn(s, { 'zh-CN': names['zh-CN'].scheme(s), en: names.en.scheme(s) }))];
  const rows = exportRows(client, kind, options.language, options.classFilter, options.only, names[options.language], lookup);
  const count = await writeWhole(client, path, (temp) => (format === 'csv' ? writeCsv(temp, columns, options.language, rows) : writeXlsx(temp, SHEET_NAMES[kind][options.language], columns, options.language, rows)));
  // The day the class columns are as of, for the caller to say: the latest day stored, which need not be today.
  return { path, format, rows: count, classesAsOf: lookup?.asOf ?? null };
}
