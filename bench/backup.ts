/**
 * A backup as the app makes one (Settings → Backups, and the daily one at start): its copy made in the import
 * worker's process (core/backup/copy.ts), the app's connection only naming the file. Timed with the longest wait
 * other calls of this process meet meanwhile: made on the app's own connection, the copy's last step (SQLite
 * syncing a gigabyte to disk) held every call for 450-580 ms at 100k customers.
 */
import type { Database } from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupTo } from '../core/backup';
import type { ImportRunner } from '../core/importing';
import { withStalls } from './tiers';

export async function measureBackup(options: { runner: ImportRunner; client: Database; dbPath: string; dir: string }) {
  const path = join(options.dir, 'bench-backup.sqlite');
  const timed = await withStalls(async () => {
    await backupTo(options.client, path, 'manual', new Date(), options.runner.backupCopier(options.dbPath));
  });
  const bytes = statSync(path).size;
  rmSync(path, { force: true });
  return { mib: Math.round(bytes / 1024 / 1024), callMs: Math.round(timed.callMs), longestStallMs: Math.round(timed.longestStallMs) };
}
