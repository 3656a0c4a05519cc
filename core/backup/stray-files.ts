import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupFolder } from './files';
import { stagingTarget } from './restore';
import { tempStem } from './temp-file';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SIDE = '(?:-journal|-wal|-shm)?';

/**
 * Removes what a backup or restore killed half-way leaves behind: `.partial` temp files (and the
 * journal SQLite kept beside them) in the backups folder, and restore's working copies beside the
 * database. Only names this module creates are touched. The database's own `-journal`, `-wal` and
 * `-shm` never match: a journal beside the live database is a hot journal SQLite must roll back
 * itself, and deleting it would leave a half-written transaction in the file.
 */
export function removeStrayBackupFiles(dbPath: string): string[] {
  const inBackups = new RegExp(`^tierbook-.+\\.partial${SIDE}$`);
  // A long database name is cut in its working copies' names as createTempBeside cuts it (temp-file.ts).
  const besideDb = new RegExp(`^${escape(tempStem(basename(stagingTarget(dbPath))))}\\.[0-9a-f]{16}\\.partial${SIDE}$`);
  return [...removeMatching(backupFolder(dbPath), inBackups), ...removeMatching(dirname(dbPath), besideDb)];
}

function removeMatching(folder: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => pattern.test(n))) {
    const path = join(folder, name);
    try {
      // A folder or a device wearing one of our names was not made by us: leave it alone.
      const stat = lstatSync(path);
      if (!stat.isFile() && !stat.isSymbolicLink()) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Gone already, or not ours to delete (permissions): nothing to clean.
    }
  }
  return removed;
}
