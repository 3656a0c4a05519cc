import type { Db } from '../db/open';

/**
 * A stamp that changes whenever the database may have: `total_changes()` counts every row this
 * connection wrote, `PRAGMA data_version` moves on each commit by another connection (the CLI, an import
 * worker). In-memory caches keep a result only while the stamp is the one taken when it was computed.
 */
export function changeStamp(db: Db): string {
  const version = db.$client.pragma('data_version', { simple: true }) as number;
  const changes = db.$client.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}
