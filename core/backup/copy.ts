import Database from 'better-sqlite3';
import { quickCheck } from './quick-check';

/**
 * How a backup's copy is made: SQLite's online backup of the database into `to` (an empty file), made to stand
 * alone, then read whole by quick_check when `check` is asked (what it said: ['ok'] when whole; null unchecked).
 * `copyHere` does it on the app's own connection; the app's import worker does it on a connection of its own
 * (core/importing/worker, `copy`), where the copy's last step — SQLite syncing a gigabyte to disk, 450-580 ms at 100k
 * customers — and the check hold that process, not the app's.
 */
export type BackupCopier = (client: Database.Database, to: string, check: boolean) => Promise<string[] | null>;

/** On the app's connection, a hundred pages per turn (better-sqlite3's default), checked in this process. */
export const copyHere: BackupCopier = async (client, to, check) => {
  await client.backup(to);
  return finished(to, check);
};

/** All pages in one step: what a worker's own connection copies then is one snapshot, whatever the app writes meanwhile. */
const ALL_PAGES = 0x7fffffff;

/**
 * The copy a worker makes from the database at `dbPath` on a read-only connection of its own. In one step, one
 * read transaction: SQLite starts a backup over when another connection writes the source between its steps,
 * and a step that copies every page has no between (the app's writes go on beside it, into the WAL).
 */
export async function copyFromFile(dbPath: string, to: string, check: boolean): Promise<string[] | null> {
  const source = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  return finished(to, check);
}

/** The copy made to stand alone, then what quick_check says of it when asked. */
function finished(to: string, check: boolean): string[] | null {
  standAlone(to);
  return check ? quickCheck(to) : null;
}

/**
 * The copy takes the live database's journal mode (WAL) in its header, so every later open of it, a
 * restore's among them, would make a -wal and a -shm file beside it (and leave them, when opened read-only),
 * and could not open it at all where nothing may be written beside it (a read-only stick). A backup is
 * one file that is read alone: its journal goes back to SQLite's default.
 */
function standAlone(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
