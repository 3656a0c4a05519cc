import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { AppError } from '../shared/contract';
import type { Dispatch } from './dispatch';

type Identity = { dev: number; ino: number } | null;

function identityOf(path: string): Identity {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : null;
}

/** Restore writes the backup into the file at the database's path, which is no longer the data that is open. */
const REFUSED_WHILE_GONE = new Set(['backup:restore']);

export const workspaceFileGone = (dbPath: string) =>
  new AppError(
    'conflict',
    `The workspace file ${dbPath} was deleted, moved or replaced while TierBook had it open, so nothing more can be saved to it; nothing was changed. What is open can still be backed up: make a backup (Settings → Backup and restore), then restart TierBook and restore that backup, or put the file back.`,
    [{ path: [], key: 'workspace_file_gone', params: { path: dbPath } }],
  );

/**
 * The workspace file deleted, moved or replaced under the running app (a cleaner, a sync client, the user in a file
 * manager): on Linux and macOS SQLite goes on writing into the open file, which nothing names any more, so every
 * save would answer success and be lost when the app quits. Before each call the file at `dbPath` is compared with
 * the one opened; while they differ the connection is query-only — reads, and a backup of what is open, still
 * work; a write fails inside SQLite before anything changes and is said as this — and a restore is refused.
 * The same file back under its name (moved back) lifts it.
 */
export function refuseWritesOnceFileGone(client: Database.Database, dbPath: string, dispatch: Dispatch): Dispatch {
  const opened = identityOf(dbPath);
  let gone = false;
  return async (name, input) => {
    if (!client.open) return dispatch(name, input);
    const now = identityOf(dbPath);
    const goneNow = now === null || opened === null || now.dev !== opened.dev || now.ino !== opened.ino;
    if (goneNow !== gone) client.pragma(`query_only = ${goneNow ? 'ON' : 'OFF'}`);
    gone = goneNow;
    if (!gone) return dispatch(name, input);
    if (REFUSED_WHILE_GONE.has(name)) return { ok: false, error: workspaceFileGone(dbPath).toBody() };
    const result = await dispatch(name, input);
    // query_only's refusal (SQLITE_READONLY) reaches here as an unexpected error with SQLite's words.
    if (!result.ok && result.error.code === 'internal' && /readonly database/.test(result.error.message)) return { ok: false, error: workspaceFileGone(dbPath).toBody() };
    return result;
  };
}
