import type { Db } from '../db/open';

/**
 * A stamp that changes whenever the database may have: `total_changes()` counts every row this
 * connection wrote, `PRAGMA data_version` moves on each commit by another connection (the CLI, an import
 * worker). In-memory caches keep a result only while the stamp is the one taken when it was computed.
 */
export function changeStamp(db: Db): string {
  return `${dataVersion(db)}:${totalChanges(db)}`;
}

/** SQLite's data_version: moves on each commit by another connection to the file. */
export const dataVersion = (db: Db): number => db.$client.pragma('data_version', { simple: true }) as number;

/** Every row this connection has inserted, changed or deleted since it opened. */
const totalChanges = (db: Db): number => db.$client.prepare('SELECT total_changes()').pluck().get() as number;

/** Rows this connection wrote that are derived from the data (stored predictions, a first snapshot's rows), per database. */
const derivedChanges = new WeakMap<Db, number>();

/**
 * Runs `write`, a write of rows derived from the data (the purchase-likelihood refit's, the rows a first
 * snapshot writes ahead of its transaction), counting the rows it changed so sourceStamp can leave them out.
 */
export function derivedWrite<T>(db: Db, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    derivedChanges.set(db, (derivedChanges.get(db) ?? 0) + totalChanges(db) - before);
  }
}

/**
 * changeStamp without this connection's derived writes: it moves when the data the tiers are computed from
 * may have changed, not when the predictions fitted on that data are stored. The tiers' caches key on it, so
 * a refit writing between the steps of a recompute (or after one) does not make the tiers stale. Another
 * connection's commit still moves it, whatever it wrote.
 */
export function sourceStamp(db: Db): string {
  return `${dataVersion(db)}:${totalChanges(db) - (derivedChanges.get(db) ?? 0)}`;
}
