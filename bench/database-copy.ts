/**
 * Copies of the bench's database file for measurements that must not change the bench's own data (a child
 * process storing a day, keeping the tiers' inputs, refitting), and their removal with SQLite's side files.
 */
import type { Database } from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';

/**
 * The file of the bench's open database with everything its connection wrote in it (the WAL checkpointed and
 * emptied), ready to be copied: its path.
 */
export function wholeFileOf(source: Database): string {
  source.pragma('wal_checkpoint(TRUNCATE)');
  return source.name;
}

/** Removes a SQLite database file and its -wal and -shm, whichever exist. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * `use(path)` on a copy of the database file `from` made at `path` and written to disk first, then the copy
 * removed. Synced as a user's file is: a gigabyte copied and not yet written back made the first checkpoint
 * of the process that opened it (which syncs the database file) wait for all of it, 0.4-0.9 s, as a user's
 * file never would. `from` must hold everything (wholeFileOf).
 */
export function onSyncedCopy<T>(from: string, path: string, use: (path: string) => T): T {
  copyFileSync(from, path);
  const copy = openSync(path, 'r+');
  fsyncSync(copy);
  closeSync(copy);
  try {
    return use(path);
  } finally {
    removeDatabase(path);
  }
}
