import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  constructor(cause: unknown) {
    super(`The database could not be upgraded and was left unchanged: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationError';
  }
}

/** The number of migrations this build ships; stored in PRAGMA user_version after migrating. */
export function knownSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Opens (or creates) a TierBook database and brings it to the latest schema before anything else runs.
 * A file from a newer app is refused untouched; a failing migration rolls back and throws.
 */
export function openDatabase(file: string, migrationsFolder: string): Db {
  const client = new Database(file);
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    const appVersion = knownSchemaVersion(migrationsFolder);
    const fileVersion = client.pragma('user_version', { simple: true }) as number;
    if (fileVersion > appVersion) throw new DatabaseTooNewError(fileVersion, appVersion);
    const db = drizzle(client, { schema }) as Db;
    try {
      migrate(db, { migrationsFolder });
    } catch (error) {
      throw new MigrationError(error);
    }
    client.pragma(`user_version = ${appVersion}`);
    ensureSettingsRow(client);
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}

function ensureSettingsRow(client: Database.Database): void {
  client
    .prepare(`INSERT OR IGNORE INTO settings (id, sources, updated_at) VALUES (1, ?, ?)`)
    .run(JSON.stringify(DEFAULT_SOURCES), new Date().toISOString());
}

/** Where the shipped migrations are, relative to the repository root or the packaged app root. */
export function migrationsFolderUnder(root: string): string {
  return join(root, 'db', 'migrations');
}
