/**
 * Copies of the bench's database file for measurements that must not change the bench's own data (a child
 * process storing a day, keeping the tiers' inputs, refitting), and their removal with SQLite's side files.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';

/** Removes a SQLite database file and its -wal and -shm, whichever exist. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * `use(path)` on a copy of the database file `from` made at `path` and written to disk first, then the copy
 * removed. Synced as a user's file is: a gigabyte copied and not yet written back made the first checkpoint
 * of the process that opened it (which syncs the database file) wait for all of it, 0.4-0.9 s, as a user's
 * file never would. `from` must hold everything (its WAL checkpointed).
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
