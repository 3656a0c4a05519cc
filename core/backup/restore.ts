import Database from 'better-sqlite3';
import { closeSync, lstatSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { knownSchemaVersion, openDatabase, type Db } from '../../db/open';
import { latestActivityRev } from '../../db/repos/customer-activity';
import { AppError } from '../../shared/contract';
import { backupHere } from './backup';
import type { BackupFile } from './files';
import { nameFits, nameTooLong, sqliteOpensAt } from './name-length';
import { assertTierBookSchema } from './schema-check';
import { assertReadableSource, resolvedPath } from './target';
import { createTempBeside, discardTemp, type TempFile } from './temp-file';
import { unreadable, verifyBackupFile } from './verify';

/** Test seam: runs right after the live data was replaced, so a test can make that step fail for real. */
export interface RestoreSeams {
  afterReplace?: () => void;
}

/** Restore's working copy beside the database: `<db>.restore.<random>.partial` (removed at start-up if a restore was killed). */
export const stagingTarget = (dbPath: string) => `${dbPath}.restore`;

/**
 * Replaces the open database's contents with a backup's, in steps that each either finish or change
 * nothing:
 *  1. the picked file is copied beside the database (byte for byte where SQLite cannot read it in place: copySource),
 *     and only that copy is examined from here on
 *     (the original may change under us): integrity, TierBook's tables, migration history and every
 *     table's columns as the shipped migrations make them (schema-check.ts);
 *  2. the copy is opened the way the app opens its database (migrated to this version), then checked
 *     again, integrity and foreign keys;
 *  3. the current data is backed up, so a restore of the wrong file can itself be undone;
 *  4. the prepared copy goes into the live file through SQLite's backup API — one write transaction,
 *     so the app's connection sees the old data or the new, never a mix — and the live database must
 *     then read back whole;
 *  5. if step 4 fails, the backup from step 3 is put back the same way and the error says so; if it could
 *     not begin (another process is writing the file), that backup is dropped and the error is SQLITE_BUSY.
 * Nothing before step 3 touches the live file, so a refused file leaves no trace but its message.
 */
export async function restoreFrom(db: Db, dbPath: string, from: string, migrationsFolder: string, at = new Date(), seams: RestoreSeams = {}): Promise<{ restoredFrom: string; safetyBackup: BackupFile }> {
  const client = db.$client;
  const appVersion = knownSchemaVersion(migrationsFolder);
  assertReadableSource(from);
  const staging = createTempBeside(stagingTarget(dbPath), { forSqlite: true });
  try {
    await stageCheckedCopy(from, staging, migrationsFolder, client.pragma('page_size', { simple: true }) as number);
    liftActivityRevs(staging.path, latestActivityRev(db));

    const safetyBackup = await backupHere(client, dbPath, 'before_restore', at);
    try {
      await copyIntoLive(staging.path, dbPath);
      seams.afterReplace?.();
      assertReadsWhole(client, appVersion);
    } catch (error) {
      if (error instanceof NothingCopied) {
        // Another process is writing the live file (an import, the app, a command): it was not touched, so there is
        // nothing to put back, and no copy of it to keep.
        rmSync(safetyBackup.path, { force: true });
        throw error;
      }
      await putBack(client, dbPath, safetyBackup, appVersion, error);
      throw new AppError('invalid_input', `Restoring ${from} failed after the data was replaced (${reason(error)}); the data from before the restore was put back.`, [{ path: ['path'], key: 'backup_restore_rolled_back' }]);
    }
    return { restoredFrom: from, safetyBackup };
  } finally {
    discardTemp(staging);
  }
}

/**
 * Steps 1 and 2 of a restore: the picked file copied into `staging` and checked there, then migrated to this version
 * and checked again; `pageSize` (the live database's) is given it when there is a live database to copy it into.
 * Throws the refusal that names what is wrong with the picked file; nothing but `staging` is written.
 */
export async function stageCheckedCopy(from: string, staging: TempFile, migrationsFolder: string, pageSize?: number): Promise<void> {
  try {
    await copySource(from, staging.path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(from, error);
  }
  verifyBackupFile(staging.path, knownSchemaVersion(migrationsFolder), from);
  const candidate = new Database(staging.path, { readonly: true, fileMustExist: true });
  try {
    assertTierBookSchema(candidate, migrationsFolder, from);
  } finally {
    candidate.close();
  }
  prepareForThisVersion(staging, migrationsFolder, pageSize, from);
}

/**
 * Every restored customer_activity row gets a rev above any the live database reached, so a process that
 * kept tiers in memory (this one, or the app while the CLI restores) sees every row as changed instead of
 * trusting revs that now mean other writes (core/segmentation/loaded.ts).
 */
function liftActivityRevs(path: string, above: number): void {
  const staged = new Database(path, { fileMustExist: true });
  try {
    staged.prepare(`UPDATE customer_activity SET rev = rev + ?`).run(above);
  } finally {
    staged.close();
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Page by page through the backup API; the destination is written in one transaction. The picked file is
 * opened read-only: it is never written, and its -wal is never opened for writing (a planted link there
 * could point anywhere). Reading a file in WAL mode makes a -wal and a -shm file beside it when they are not
 * there, and a read-only connection leaves them at close: those this read made are removed again while the
 * -wal holds no frame, so the picked file is left as it was found. Removing a name removes only that name,
 * never what a link there points to.
 */
async function copyDatabase(from: string, to: string): Promise<{ totalPages: number }> {
  // SQLite follows a link to the file and makes its working files beside that, so those are the names to look at.
  const real = resolvedPath(from);
  // lstat: a link to nothing is a name there too, never one this read made.
  const made = [`${real}-wal`, `${real}-shm`].filter((file) => lstatSync(file, { throwIfNoEntry: false }) === undefined);
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    return await source.backup(to);
  } finally {
    source.close();
    removeIfNoFrame(made, `${real}-wal`);
  }
}

/**
 * The picked file into the working copy. Where SQLite cannot read it in place — its name leaves no room for the
 * -wal and -shm SQLite makes beside it, or its path is longer than SQLite opens (name-length.ts) — its
 * bytes are copied instead, and SQLite reads them in the working copy, a file of this app's own with a name that
 * fits. The bytes are then the whole database: no working file can hold part of it beside a name that leaves no
 * room for one, and one that is there anyway (beside a path too long for SQLite) would be, so that is refused.
 */
async function copySource(from: string, to: string): Promise<void> {
  const real = resolvedPath(from);
  if (sqliteOpensAt(real, 'read')) {
    await copyDatabase(from, to);
    return;
  }
  const side = ['-wal', '-journal'].find((suffix) => nameFits(real, suffix) && (statSync(real + suffix, { throwIfNoEntry: false })?.size ?? 0) > 0);
  if (side) throw nameTooLong(from);
  copyBytes(from, to);
}

/** `from`'s bytes into `to`, which is this app's own file (its mode stays: owner only). `from` is only read. */
function copyBytes(from: string, to: string): void {
  const source = openSync(from, 'r');
  try {
    const target = openSync(to, 'w');
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (let read; (read = readSync(source, buffer, 0, buffer.length, null)) > 0; ) writeSync(target, buffer, 0, read);
    } finally {
      closeSync(target);
    }
  } finally {
    closeSync(source);
  }
}

/**
 * A checked copy into the live database. better-sqlite3 reads a first step refused with SQLITE_BUSY (the live file
 * locked by another process's write) as "nothing remaining" and resolves, having copied nothing: a database always
 * has a page, so none copied is that refusal.
 */
async function copyIntoLive(from: string, dbPath: string): Promise<void> {
  const { totalPages } = await copyDatabase(from, dbPath);
  if (totalPages === 0) throw new NothingCopied(dbPath);
}

/** The copy into `to` could not begin: another connection holds its write lock. Nothing of `to` was changed. */
class NothingCopied extends Database.SqliteError {
  constructor(to: string) {
    super(`${to} is being written by another connection; nothing was copied into it`, 'SQLITE_BUSY');
  }
}

/** Removes `made` unless the -wal now holds frames (another process wrote to the file meanwhile: its data). */
function removeIfNoFrame(made: readonly string[], wal: string): void {
  if (made.length === 0 || (statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
  for (const file of made) rmSync(file, { force: true });
}

/**
 * Opens the working copy through the app's own open path (which migrates an older backup to this
 * version), checks it, and leaves it a single self-contained file with the live database's page size
 * (SQLite cannot copy pages of another size into a WAL database).
 */
function prepareForThisVersion(staging: TempFile, migrationsFolder: string, pageSize: number | undefined, shownAs: string): void {
  let opened: Db;
  try {
    opened = openDatabase(staging.path, migrationsFolder);
  } catch (error) {
    throw unusable(shownAs, reason(error));
  }
  const client = opened.$client;
  try {
    const problems = problemsIn(client);
    if (problems) throw unusable(shownAs, problems);
    client.pragma('journal_mode = DELETE');
    if (pageSize !== undefined && (client.pragma('page_size', { simple: true }) as number) !== pageSize) {
      client.pragma(`page_size = ${pageSize}`);
      client.exec('VACUUM');
    }
  } finally {
    client.close();
  }
}

const unusable = (path: string, why: string) =>
  new AppError('invalid_input', `${path} passed the first checks but could not be prepared for this version of TierBook (${why}). Nothing was restored.`, [{ path: ['path'], key: 'backup_unusable' }]);

/** Integrity and foreign keys, as one sentence, or null when both are clean. */
function problemsIn(client: Database.Database): string | null {
  const integrity = (client.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') return `integrity check: ${integrity.slice(0, 3).join('; ')}`;
  const orphans = client.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
  if (orphans.length > 0) return `${orphans.length} rows point to missing rows (first: ${orphans[0]!.table} → ${orphans[0]!.parent})`;
  return null;
}

/** What the app needs from its database right after a restore: clean checks, this schema version, every table readable, the settings row. */
function assertReadsWhole(client: Database.Database, appVersion: number): void {
  const problems = problemsIn(client);
  if (problems) throw new Error(problems);
  const version = client.pragma('user_version', { simple: true }) as number;
  if (version !== appVersion) throw new Error(`schema version ${version} instead of ${appVersion}`);
  const tables = client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).pluck().all() as string[];
  for (const table of tables) client.prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`).get();
  if (client.prepare('SELECT count(*) FROM settings WHERE id = 1').pluck().get() !== 1) throw new Error('the settings row is missing');
}

async function putBack(client: Database.Database, dbPath: string, safetyBackup: BackupFile, appVersion: number, cause: unknown): Promise<void> {
  try {
    await copyIntoLive(safetyBackup.path, dbPath);
    assertReadsWhole(client, appVersion);
  } catch (error) {
    throw new AppError(
      'internal',
      `Restoring failed (${reason(cause)}) and the previous data could not be put back automatically (${reason(error)}). It is kept in ${safetyBackup.path}: restore that file.`,
      [{ path: ['path'], key: 'backup_put_back_failed', params: { path: safetyBackup.path } }],
    );
  }
}
