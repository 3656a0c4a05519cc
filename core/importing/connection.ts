import Database from 'better-sqlite3';

/** How long an import waits for another writer (a save in the app, another import) before giving up. */
const IMPORT_BUSY_TIMEOUT_MS = 5000;
/** The import connection's page cache, KiB. */
const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * An import holds one write transaction across many awaited batches (reading the file, reporting
 * progress, honouring cancel). On the app's shared connection other calls arriving meanwhile would
 * write inside that transaction and be rolled back with it; a connection of its own keeps them apart:
 * readers keep seeing the committed data (WAL), and other writers wait for the import to finish.
 */
export function openImportConnection(dbPath: string, shared: Database.Database): { client: Database.Database; close(): void } {
  if (dbPath === ':memory:' || dbPath === '') return { client: shared, close: () => {} };
  const client = openWriterConnection(dbPath);
  return { client, close: () => client.close() };
}

/**
 * The import's connection to a database the app has already opened and migrated (in-process, or in
 * the import worker). It never creates the file: a worker pointed at a missing path fails instead of
 * importing into a new, unmigrated database.
 */
export function openWriterConnection(dbPath: string): Database.Database {
  const client = new Database(dbPath, { fileMustExist: true });
  client.pragma('foreign_keys = ON');
  client.pragma(`busy_timeout = ${IMPORT_BUSY_TIMEOUT_MS}`);
  // A million orders go into indexes of a million more: with SQLite's 2 MB default most index pages are
  // read back from the OS for every batch. The import's connection lives for one import and is closed after.
  client.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return client;
}
