import Database from 'better-sqlite3';

/** Row counts of every table, read with plain SQL: what a test compares before and after a refused change. */
export function tableCounts(client: Database.Database): Record<string, number> {
  const tables = client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, client.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** One table's row count in the file at `dbPath`, read on a connection of its own (read-only): what a CLI test checks after a command. */
export function rowCountIn(dbPath: string, table: string): number {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return raw.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    raw.close();
  }
}
