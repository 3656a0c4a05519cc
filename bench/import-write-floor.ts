/**
 * The floors under the import and its undo: SQLite alone writing a file's worth of orders into the bench's
 * table, then soft-deleting them, with no JavaScript touching a row. On a synced copy of the bench's file
 * (the database the import meets), through a connection opened as the import's (openWriterConnection: its
 * page cache and foreign keys), with the triggers of `orders` dropped (in the import they stand aside or
 * are inert), the table's CHECK constraints, foreign key and indexes kept:
 *
 * - write: one INSERT … SELECT of `rows` orders made by a recursive CTE (ids in ascending order as the
 *   import's time-ordered ones are, each order going to one of the linked customers in turn as the bench's
 *   file sends them), the scattered indexes set aside and made again as the import does for a file this
 *   size (db/repos/indexes-aside.ts), committed;
 * - soft delete: the undo's one UPDATE of deleted_at and updated_at over those orders' stretch of rowids,
 *   committed.
 *
 * An import cannot put its rows into this table faster than the first, nor an undo take them back faster
 * than the second, on this machine: what either adds (parsing, checking, linking, the per-customer figures)
 * comes on top.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openWriterConnection } from '../core/importing/connection';
import { SCATTERED_ORDER_INDEXES, setIndexesAside, worthSettingIndexesAside } from '../db/repos/indexes-aside';
import { onSyncedCopy, wholeFileOf } from './database-copy';
import { round } from './measure';

export interface ImportWriteFloor {
  rows: number;
  /** Orders the rows went to, in turn. */
  customers: number;
  indexesSetAside: boolean;
  writeMs: number;
  writeRowsPerSecond: number;
  /** What the write's commit left in the WAL. */
  writeWalMiB: number;
  softDeleteMs: number;
  softDeleteWalMiB: number;
}

const INSERT_SQL = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @rows)
  INSERT INTO orders (id, created_at, updated_at, import_batch_id, customer_id, order_date, amount_minor, currency, fx_rate,
    base_currency, base_amount_minor, note, kind, unpaid_minor, base_unpaid_minor)
  SELECT printf('ffffffff-0000-7000-8000-%012x', i), @now, @now, @batch, c.id, printf('2025-%02d-%02d', 1 + i % 12, 1 + i % 28),
    (100 + i % 9000) * 100, @currency, 1, @currency, (100 + i % 9000) * 100, '批量导入 ' || i, 'sale', 0, 0
  FROM n JOIN temp.floor_customers AS c ON c.k = n.i % @customers`;

/** `customerIds`: the customers the bench's file links its rows to, in the order its rows name them. */
export function measureImportWriteFloor(options: { source: Database; dir: string; rows: number; customerIds: readonly string[]; now: string }): ImportWriteFloor {
  const from = wholeFileOf(options.source);
  const path = join(options.dir, 'import-write-floor.sqlite');
  return onSyncedCopy(from, path, (copy) => {
    const client = openWriterConnection(copy);
    try {
      return measureOn(client, copy, options);
    } finally {
      client.close();
    }
  });
}

function measureOn(client: Database, path: string, options: { rows: number; customerIds: readonly string[]; now: string }): ImportWriteFloor {
  const { rows, customerIds, now } = options;
  if (customerIds.length === 0) throw new Error('the import floor needs customers to link its orders to');
  const triggers = client.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders'`).pluck().all() as string[];
  for (const name of triggers) client.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
  client.exec(`CREATE TEMP TABLE floor_customers (k INTEGER PRIMARY KEY, id TEXT NOT NULL)`);
  const addCustomer = client.prepare(`INSERT INTO temp.floor_customers (k, id) VALUES (?, ?)`);
  client.transaction(() => customerIds.forEach((id, k) => addCustomer.run(k, id)))();
  const currency = client.prepare(`SELECT base_currency FROM orders WHERE deleted_at IS NULL LIMIT 1`).pluck().get() as string | undefined;
  const tableRows = client.prepare(`SELECT max(rowid) FROM orders`).pluck().get() as number | null;
  // Checkpoints wait until both are timed: the WAL each leaves is its own, and neither is charged for copying it back.
  client.pragma('wal_autocheckpoint = 0');
  client.pragma('wal_checkpoint(TRUNCATE)');

  const batch = 'import-write-floor';
  const aside = worthSettingIndexesAside(rows, tableRows ?? 0);
  const writeStart = performance.now();
  client.transaction(() => {
    const indexes = aside ? setIndexesAside(client, SCATTERED_ORDER_INDEXES) : null;
    client.prepare(INSERT_SQL).run({ rows, now, batch, currency: currency ?? 'CNY', customers: customerIds.length });
    indexes?.restore();
  })();
  const writeMs = performance.now() - writeStart;
  const writeWal = walBytes(path);

  const stretch = client.prepare(`SELECT min(rowid) AS first, max(rowid) AS last, count(*) AS count FROM orders WHERE import_batch_id = ?`).get(batch) as { first: number; last: number; count: number };
  if (stretch.count !== rows || stretch.last - stretch.first + 1 !== rows) throw new Error(`the import floor wrote ${stretch.count} orders (${stretch.first}–${stretch.last}), not ${rows} in one stretch`);
  client.pragma('wal_checkpoint(TRUNCATE)');
  const deleteStart = performance.now();
  client.transaction(() => {
    const changed = client.prepare(`UPDATE orders SET deleted_at = @now, updated_at = @now WHERE rowid BETWEEN @first AND @last AND deleted_at IS NULL`).run({ now, first: stretch.first, last: stretch.last }).changes;
    if (changed !== rows) throw new Error(`the undo floor soft-deleted ${changed} orders, not ${rows}`);
  })();
  const softDeleteMs = performance.now() - deleteStart;

  return {
    rows,
    customers: customerIds.length,
    indexesSetAside: aside,
    writeMs: round(writeMs),
    writeRowsPerSecond: Math.round(rows / (writeMs / 1000)),
    writeWalMiB: round(writeWal / 1048576),
    softDeleteMs: round(softDeleteMs),
    softDeleteWalMiB: round(walBytes(path) / 1048576),
  };
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
