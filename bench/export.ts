/**
 * Every order exported to a CSV as the app exports it: in the import worker's process (core/importing/worker,
 * `export`), the app's own process only waiting for the answer. Timed with the longest wait other calls of this
 * process meet meanwhile: in the app's process, sorting 840k orders for the file held every call for 2-3 s.
 */
import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportRunner } from '../core/importing';
import type { ExportResult } from '../core/exporting';
import { withStalls } from './tiers';

export async function measureOrdersExport(options: { runner: ImportRunner; dbPath: string; raw: Database; dir: string }) {
  const path = join(options.dir, 'orders-export.csv');
  let result: ExportResult | undefined;
  const timed = await withStalls(async () => {
    result = await options.runner.exportFile(options.dbPath, 'orders', path, { language: 'zh-CN', format: 'csv' });
  });
  rmSync(path, { force: true });
  // The same thing exported: a line per live order, counted with plain SQL.
  const live = options.raw.prepare(`SELECT count(*) FROM orders WHERE deleted_at IS NULL`).pluck().get() as number;
  if (result?.rows !== live) throw new Error(`the export wrote ${result?.rows} orders, SQLite counts ${live} live ones`);
  return { rows: live, callMs: Math.round(timed.callMs), longestStallMs: Math.round(timed.longestStallMs) };
}
