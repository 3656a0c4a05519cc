import Database from 'better-sqlite3';

/**
 * An import holds one write transaction across many awaited batches (reading the file, reporting
 * progress, honouring cancel). On the app's shared connection other calls arriving meanwhile would
 * write inside that transaction and be rolled back with it; a connection of its own keeps them apart:
 * readers keep seeing the committed data (WAL), and other writers wait for the import to finish.
 */
export function openImportConnection(dbPath: string, shared: Database.Database): { client: Database.Database; close(): void } {
  if (dbPath === ':memory:' || dbPath === '') return { client: shared, close: () => {} };
  const client = new Database(dbPath);
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  return { client, close: () => client.close() };
}
