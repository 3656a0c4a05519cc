import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as schema from './schema';
import { DEFAULT_SOURCES } from '../shared/contract/enums';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export class DatabaseTooNewError extends Error {
  constructor(readonly fileVersion: number, readonly appVersion: number) {
    super(`This database was written by a newer version of TierBook (schema ${fileVersion}; this app knows up to ${appVersion}). Update TierBook to open it.`);
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationError extends Error {
  /** SQLite's own words for what failed, one line. */
  readonly reason: string;
  constructor(cause: unknown) {
    const reason = rootReason(cause);
    super(`The database could not be upgraded and was left unchanged: ${reason}`);
    this.reason = reason;
    this.name = 'MigrationError';
  }
}

/** Tables every TierBook database has had since its first release: a file without them is not one. */
export const TIERBOOK_TABLES = ['customers', 'contact_channels', 'orders', 'follow_ups', 'settings', '__drizzle_migrations'] as const;

/**
 * A file TierBook will not open as its own: not SQLite at all, a folder, or another program's database.
 * Refused before anything is written to it (not even the journal mode), so it stays as it was.
 */
/** Why a file is not one TierBook opens, for words in the user's language (core/startup-failure.ts). */
export type NotTierBookReason = 'folder' | 'device' | 'not_a_database' | 'other_program' | 'not_tierbook' | 'cannot_open';

export class NotTierBookDatabaseError extends Error {
  constructor(
    readonly file: string,
    why: string,
    readonly reason: NotTierBookReason,
    /** False when there is no file to leave (a path that cannot be made). */
    readonly fileIsThere = true,
  ) {
    super(`${file} ${why}${fileIsThere ? '; it was left as it is' : ''}. Choose a TierBook database, or a new file name to start one.`);
    this.name = 'NotTierBookDatabaseError';
  }
}

/**
 * What went wrong at the bottom of a chain of causes, on one line: drizzle's migrator wraps SQLite's
 * error in one whose message is the whole failed statement, tens of lines of CREATE TABLE.
 */
function rootReason(error: unknown): string {
  let bottom = error;
  while (bottom instanceof Error && bottom.cause !== undefined) bottom = bottom.cause;
  const message = bottom instanceof Error ? bottom.message : String(bottom);
  return message.split('\n')[0]!.trim();
}

/**
 * A TierBook file whose pages no longer read as SQLite wrote them (SQLITE_CORRUPT: a disk fault, a copy cut short, a
 * page written over by something else). Told as damage, not as "not a database", with the way back (`tierbook restore`,
 * which keeps the damaged file beside the restored one: core/backup/restore-onto-unopenable.ts): the user's own file
 * must not be taken for a stranger's, nor a new empty workspace started in its place. It is left as it is, as
 * something may still be read from it.
 */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    /** SQLite's own words, one line. */
    readonly reason: string,
  ) {
    super(
      `${file} is damaged (${reason}); it was left as it is. Quit TierBook and restore the newest backup from the backups folder beside it with: tierbook restore --db ${file} --from BACKUP (the damaged file is kept beside it, renamed *.damaged-<date>).`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

/**
 * The file could not be read at all (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL): its working files could not be made
 * or read — a full disk cannot take the -shm a WAL database needs, a drive that went away reads nothing. Nothing says
 * the file itself is wrong, so it is not called "not a database".
 */
export class DatabaseUnreadableError extends Error {
  constructor(
    readonly file: string,
    /** SQLite's own words, one line. */
    readonly reason: string,
  ) {
    super(`${file} could not be read (${reason}); it was left as it is. The disk may be full, or the drive it is on unavailable: free some space or reconnect the drive, then try again.`);
    this.name = 'DatabaseUnreadableError';
  }
}

const sqliteCode = (error: unknown) => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '');

/** A failure reading the file as a database, said as what it is: damage, a file that cannot be read, or null (SQLite's "not a database"). */
function readFailure(file: string, error: unknown): DatabaseDamagedError | DatabaseUnreadableError | null {
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_CORRUPT')) return new DatabaseDamagedError(file, rootReason(error));
  if (/^SQLITE_(IOERR|CANTOPEN|FULL)/.test(code)) return new DatabaseUnreadableError(file, rootReason(error));
  return null;
}

/**
 * The tables of the file `client` has open, read before anything is written; throws NotTierBookDatabaseError when
 * the file is not a database, or is one with tables of its own but no TierBook migrations (another program's:
 * migrating it would add TierBook's tables to that program's file, or fail halfway on a name both use).
 * An empty file, or a new one, has no tables and is a new workspace.
 */
function checkIsTierBookOrEmpty(client: Database.Database, file: string): void {
  let tables: string[];
  try {
    tables = client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).pluck().all() as string[];
  } catch (error) {
    throw readFailure(file, error) ?? new NotTierBookDatabaseError(file, `is not a database file (${rootReason(error)})`, 'not_a_database');
  }
  // drizzle's migrator makes its own table before its transaction: a first open whose migration failed leaves only that.
  if (tables.every((table) => table === '__drizzle_migrations')) return;
  if (!tables.includes('__drizzle_migrations')) {
    const shown = tables.length > 5 ? `${tables.slice(0, 5).join(', ')}, … (${tables.length} in all)` : tables.join(', ');
    throw new NotTierBookDatabaseError(file, `is another program's database, not TierBook's (its tables: ${shown})`, 'other_program');
  }
  const missing = TIERBOOK_TABLES.filter((table) => !tables.includes(table));
  if (missing.length > 0) throw new NotTierBookDatabaseError(file, `is not a TierBook database (no ${missing.join(', ')} table)`, 'not_tierbook');
}

/**
 * A database this process may read but not write: the file's permissions (chmod 444, another user's file), its
 * working files', or a folder where SQLite cannot make its -wal and -shm. SQLite would open it read-only without a
 * word, and then every save fails with "attempt to write a readonly database", and a backup of it never ends (each
 * step after the first is refused as busy, and better-sqlite3 retries a busy step for ever). Refused before SQLite
 * opens it, so nothing is written and nothing is left beside it.
 */
export class DatabaseReadOnlyError extends Error {
  constructor(
    readonly file: string,
    why: string,
    /** The file itself (or its -wal/-shm) is read-only, or the folder that must take its working files. */
    readonly locked: { kind: 'file'; name: string } | { kind: 'folder'; folder: string },
  ) {
    super(`${file} cannot be written (${why}); TierBook saves to its database as you work, so it was not opened and nothing was changed. Allow writing to it, or copy it into a folder of yours and open the copy.`);
    this.name = 'DatabaseReadOnlyError';
  }
}

/** Whether this process may write `path` (a file or a folder), as the operating system says. */
export const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Throws DatabaseReadOnlyError unless this process can write `file` and what SQLite keeps beside it. The folder must
 * take new files unless both the -wal and the -shm are there already (a WAL database writes nothing else beside it).
 */
function assertWritableDatabase(given: string): void {
  const file = whereSqliteWrites(given);
  const present = [file, `${file}-wal`, `${file}-shm`].filter((path) => lstatSync(path, { throwIfNoEntry: false }) !== undefined);
  const locked = present.find((path) => !writable(path));
  if (locked) throw new DatabaseReadOnlyError(given, `${basename(locked)} is read-only`, { kind: 'file', name: basename(locked) });
  const sideFilesThere = present.length === 3;
  // A folder that is not there is SQLite's to name ("unable to open database file"), not a read-only one.
  if (!sideFilesThere && statSync(dirname(file), { throwIfNoEntry: false })?.isDirectory() && !writable(dirname(file))) throw new DatabaseReadOnlyError(given, `its folder ${dirname(file)} is read-only`, { kind: 'folder', folder: dirname(file) });
}

/**
 * The file SQLite reads and writes for `file`, its -wal and -shm beside it: SQLite follows symbolic links (a database
 * kept in a synced folder and linked from another) to the file they name, so it is that file's folder that must take
 * the working files, not the link's. A file not made yet is made in its folder, links in the folder's path followed.
 */
function whereSqliteWrites(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(file)), basename(file));
    } catch {
      return file;
    }
  }
}

/** Opens `file` with SQLite, saying which file when it cannot be (a folder, a path that cannot be made). */
function openClient(file: string): Database.Database {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new NotTierBookDatabaseError(file, 'is a folder, not a database file', 'folder');
  // /dev/null, a pipe, a socket: SQLite said only "disk I/O error" (and a device is no place for a workspace).
  if (stat && !stat.isFile()) throw new NotTierBookDatabaseError(file, 'is a device, a pipe or a socket, not a database file', 'device');
  if (file !== ':memory:' && file !== '') assertWritableDatabase(file);
  try {
    return new Database(file);
  } catch (error) {
    throw new NotTierBookDatabaseError(file, `cannot be opened as a database (${rootReason(error)})`, 'cannot_open', statSync(file, { throwIfNoEntry: false }) !== undefined);
  }
}

interface Journal {
  entries: { when: number }[];
}

const readJournal = (migrationsFolder: string) => JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

/** The number of migrations this build ships; stored in PRAGMA user_version after migrating. */
export function knownSchemaVersion(migrationsFolder: string): number {
  return readJournal(migrationsFolder).entries.length;
}

/**
 * Another connection held the write lock past the open's wait: an import, the app or a command writing the same file.
 * Thrown only where the open itself had something to write (a migration, the schema version, the settings row, a task
 * a migration left); nothing was changed, and the same open succeeds once that write is done.
 */
export class DatabaseBusyError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`Another TierBook process (an import, the app or a command) is writing to ${file}; nothing was changed. Try again when it finishes.`, { cause });
    this.name = 'DatabaseBusyError';
  }
}

/** SQLite's "database is locked", however deep a wrapper (drizzle's migrator, a transaction) put it. */
export function isBusy(error: unknown): boolean {
  let current = error;
  for (let hops = 0; hops < 5 && current instanceof Error; hops++) {
    if ('code' in current && typeof current.code === 'string' && current.code.startsWith('SQLITE_BUSY')) return true;
    current = current.cause;
  }
  return false;
}

/**
 * Whether drizzle's migrator would run anything: it runs every migration dated after the newest one the file
 * records (drizzle-orm's SQLiteSyncDialect.migrate), so this asks the same question with reads alone.
 */
function migrationPending(client: Database.Database, journal: Journal): boolean {
  const recorded = client.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get() !== undefined;
  if (!recorded) return true;
  const last = client.prepare(`SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1`).pluck().get();
  return last === undefined || journal.entries.some((entry) => Number(last) < entry.when);
}

/**
 * Opens (or creates) a TierBook database and brings it to the latest schema before anything else runs.
 * A file from a newer app, a file that is not a database and another program's database are refused
 * untouched; a failing migration rolls back and throws.
 *
 * A file that is already up to date is opened with reads alone: any write would wait for another process
 * that is writing the file (an import, the app, a command) and fail after the wait, so a read, a list or a
 * backup would fail while nothing of theirs needed writing. What is written — the journal mode, the
 * migrations, the schema version, the settings row — is written only when the file lacks it; a write that
 * still cannot get the lock throws DatabaseBusyError.
 */
export function openDatabase(file: string, migrationsFolder: string): Db {
  const client = openClient(file);
  try {
    checkIsTierBookOrEmpty(client, file);
    client.pragma('busy_timeout = 5000');
    client.pragma('foreign_keys = ON');
    const journal = readJournal(migrationsFolder);
    const appVersion = journal.entries.length;
    const fileVersion = client.pragma('user_version', { simple: true }) as number;
    if (fileVersion > appVersion) throw new DatabaseTooNewError(fileVersion, appVersion);
    const db = drizzle(client, { schema }) as Db;
    try {
      if (client.pragma('journal_mode', { simple: true }) !== 'wal') client.pragma('journal_mode = WAL');
      if (migrationPending(client, journal)) {
        try {
          migrate(db, { migrationsFolder });
        } catch (error) {
          throw isBusy(error) ? error : new MigrationError(error);
        }
      }
      if (fileVersion !== appVersion) client.pragma(`user_version = ${appVersion}`);
      ensureSettingsRow(client);
    } catch (error) {
      throw isBusy(error) ? new DatabaseBusyError(file, error) : error;
    }
    return db;
  } catch (error) {
    client.close();
    // A damaged page met after the first read (the migration journal's, a table's the migrations read).
    throw (sqliteCode(error).startsWith('SQLITE_CORRUPT') ? readFailure(file, error) : null) ?? error;
  }
}

/** A new file's settings row; looked for first, as an INSERT OR IGNORE that inserts nothing still waits for the write lock. */
function ensureSettingsRow(client: Database.Database): void {
  if (client.prepare('SELECT 1 FROM settings WHERE id = 1').get() !== undefined) return;
  client
    .prepare(`INSERT OR IGNORE INTO settings (id, sources, updated_at) VALUES (1, ?, ?)`)
    .run(JSON.stringify(DEFAULT_SOURCES), new Date().toISOString());
}

/** Where the shipped migrations are, relative to the repository root or the packaged app root. */
export function migrationsFolderUnder(root: string): string {
  return join(root, 'db', 'migrations');
}
