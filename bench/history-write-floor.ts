/**
 * The floor under the first snapshot of a fresh database: SQLite alone writing that day's tier-history rows.
 * The rows the snapshot stored are copied by one INSERT … SELECT, in one transaction, into an empty table of
 * the same definition (segment_assignments: WITHOUT ROWID, keyed by scheme, customer and day) in a database
 * file of its own beside the bench's, in WAL mode as the app's, and committed, with the table's CHECKs off as
 * the app writes these rows (it asks them once per distinct value, db/repos/segment-rows-ahead.ts). No
 * JavaScript touches a row, and the rows go in key order; reading them from the bench's file is the only other
 * work timed. A design that keeps a row per customer and scheme cannot write its first day faster than this on
 * this machine.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { removeDatabase } from './database-copy';
import { round } from './measure';

export function measureHistoryWriteFloor(raw: Database, dir: string, asOf: string, runs: number) {
  const definition = raw.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'segment_assignments'`).pluck().get() as string | undefined;
  if (!definition?.startsWith('CREATE TABLE "segment_assignments"')) throw new Error(`unexpected definition of segment_assignments: ${definition}`);
  const rows = raw.prepare(`SELECT count(*) FROM segment_assignments WHERE as_of = ?`).pluck().get(asOf) as number;
  const path = join(dir, 'history-write-floor.sqlite');
  const remove = () => removeDatabase(path);
  let bytes = 0;
  // Each run times the INSERT and its commit only; attaching, creating the table and removing the file are not.
  const writeOnce = (): number => {
    remove();
    raw.prepare(`ATTACH DATABASE ? AS floor`).run(path);
    try {
      raw.pragma('floor.journal_mode = WAL');
      raw.exec(definition.replace('CREATE TABLE "segment_assignments"', 'CREATE TABLE floor."segment_assignments"'));
      raw.pragma('ignore_check_constraints = ON');
      const start = performance.now();
      try {
        raw.transaction(() => raw.prepare(`INSERT INTO floor.segment_assignments SELECT * FROM main.segment_assignments WHERE as_of = ?`).run(asOf))();
      } finally {
        raw.pragma('ignore_check_constraints = OFF');
      }
      const ms = performance.now() - start;
      bytes = (raw.pragma('floor.page_count', { simple: true }) as number) * (raw.pragma('floor.page_size', { simple: true }) as number);
      return ms;
    } finally {
      raw.exec(`DETACH DATABASE floor`);
      remove();
    }
  };
  const samples = Array.from({ length: runs }, writeOnce).sort((a, b) => a - b);
  return { rows, bytes, median: round(samples[Math.floor(runs / 2)]!), min: round(samples[0]!), max: round(samples[runs - 1]!), runs };
}
