import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/contract';
import { TIERBOOK_TABLES } from '../../db/open';

const refuse = (key: string, message: string) => new AppError('invalid_input', message, [{ path: ['path'], key }]);

export const unreadable = (path: string, error: unknown) => refuse('backup_unreadable', `${path} is not a database file, or it is damaged (${(error as Error).message}).`);

/**
 * Checks a file before it replaces the user's data: it opens as SQLite, passes the full integrity
 * check, has TierBook's tables and was not written by a newer TierBook. Returns its schema version.
 * `shownAs` names the file in messages when `path` is a working copy of the one the user picked.
 */
export function verifyBackupFile(path: string, appSchemaVersion: number, shownAs = path): { schemaVersion: number } {
  if (!existsSync(path)) throw new AppError('not_found', `No such file: ${shownAs}`, [{ path: ['path'], key: 'file_not_found', params: { path: shownAs } }]);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw unreadable(shownAs, error);
  }
  try {
    let check: string[];
    try {
      check = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (error) {
      throw unreadable(shownAs, error);
    }
    if (check.length !== 1 || check[0] !== 'ok') throw refuse('backup_corrupt', `${shownAs} is damaged: ${check.slice(0, 3).join('; ')}. Nothing was restored.`);
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    const missing = TIERBOOK_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw refuse('backup_not_tierbook', `${shownAs} is not a TierBook database (no ${missing.join(', ')} table). Nothing was restored.`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > appSchemaVersion) throw refuse('backup_too_new', `${shownAs} was written by a newer TierBook (schema ${schemaVersion}); update TierBook to restore it.`);
    return { schemaVersion };
  } finally {
    db.close();
  }
}
