/**
 * The first snapshot of a new day, and what a day of tier history costs on disk. On a copy of the bench
 * file (so the rest of the bench keeps its day): a few hundred orders written through dispatch on the
 * bench's day, then a second app opened with the next day's clock, as a user opening the app tomorrow,
 * and its first `segments:recompute` timed. Growth is counted two ways: the rows the day added to the
 * history and their payload (what the day costs however SQLite packs it), and the pages of the tier-history
 * tables (dbstat) before the day's writes and after the next day's snapshot — often 0, when the day's
 * rows fit in the free space of pages already there.
 */
import { copyFileSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import type { OutputOf } from '../shared/contract';
import { migrationsFolder } from '../core/paths';
import { addDays } from '../shared/domain/dates';
import { liveCustomerIds, seeded, withStalls } from './tiers';

/** Bytes per table (indexes counted with their table) of every segment_* table: the stored tier history. */
export function tierStorageBytes(raw: Database): Record<string, number> {
  const rows = raw
    .prepare(
      `SELECT s.tbl_name AS tableName, sum(d.pgsize) AS bytes
         FROM dbstat d JOIN sqlite_schema s ON s.name = d.name
        WHERE s.tbl_name LIKE 'segment\\_%' ESCAPE '\\'
        GROUP BY s.tbl_name ORDER BY s.tbl_name`,
    )
    .all() as { tableName: string; bytes: number }[];
  return Object.fromEntries(rows.map((r) => [r.tableName, r.bytes]));
}

const total = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);

export async function measureNewDay(options: { source: Database; copyPath: string; today: string; writes: number }) {
  // Everything the bench's connection wrote is in the main file before it is copied.
  options.source.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(options.source.name, options.copyPath);
  const open = (day: string) => openApp({ dbPath: options.copyPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(day) });
  try {
    const today = open(options.today);
    const before = tierStorageBytes(today.db.$client);
    const ids = liveCustomerIds(today.db.$client);
    const random = seeded(34);
    for (let i = 0; i < options.writes; i++) {
      const customerId = ids[Math.floor(random() * ids.length)]!;
      await call(today.dispatch, 'orders:create', { customerId, orderDate: options.today, amount: `${50 + (i % 500)}.00`, currency: 'CNY', note: 'bench day' });
    }
    today.close();

    const nextDay = addDays(options.today, 1);
    const tomorrow = open(nextDay);
    let recomputed: OutputOf<'segments:recompute'> | undefined;
    const first = await withStalls(async () => {
      recomputed = await call(tomorrow.dispatch, 'segments:recompute', {});
    });
    const firstRecomputeMs = first.callMs;
    const after = tierStorageBytes(tomorrow.db.$client);
    // Each row's payload: its four values as stored (text lengths), without SQLite's per-row overhead.
    const dayRows = tomorrow.db.$client
      .prepare(`SELECT count(*) AS rows, coalesce(sum(length(scheme) + length(customer_id) + length(as_of) + length(class_key)), 0) AS bytes FROM segment_assignments WHERE as_of = ?`)
      .get(nextDay) as { rows: number; bytes: number };
    tomorrow.close();
    if (!recomputed?.stored || recomputed.asOf !== nextDay) throw new Error(`the next day's snapshot was not stored (asOf ${recomputed?.asOf}, stored ${recomputed?.stored})`);
    return {
      day: nextDay,
      writesInBetween: options.writes,
      firstRecomputeMs: Math.round(firstRecomputeMs),
      firstRecomputeLongestStallMs: Math.round(first.longestStallMs * 100) / 100,
      tierHistoryBytes: total(after),
      growthRows: dayRows.rows,
      growthPayloadBytes: dayRows.bytes,
      growthBytes: total(after) - total(before),
      growthBytesByTable: Object.fromEntries(Object.keys(after).map((t) => [t, after[t]! - (before[t] ?? 0)])),
    };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(options.copyPath + suffix, { force: true });
  }
}
