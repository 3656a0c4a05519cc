import type Database from 'better-sqlite3';

/**
 * The indexes of `orders` whose entries a large import scatters: each new order lands at its customer's
 * place and its date's, all over indexes of a million entries, so most of the import's page writes (and,
 * once the import's page cache is full, its spills to the WAL) went to them. Built again once from the
 * whole table, they are sorted into place: at a million orders into the 100k demo's 840k, the import went
 * from 83 s to 46–55 s on a slow machine, the rebuild (about 4.5 s) included. The others take their
 * entries in order (ids, the batch, returns) or only a few (the partial ones).
 */
export const SCATTERED_ORDER_INDEXES = ['orders_customer_date', 'orders_date'] as const;

/**
 * Below this many orders in a file the scattered indexes keep up well enough: their pages still sit in the
 * import's page cache, and a rebuild reads every order of the table.
 */
export const INDEXES_ASIDE_MIN_ROWS = 100_000;

/**
 * Whether an import of about `estimatedRows` orders into a table of `tableRows` sets the scattered indexes
 * aside: a file of at least INDEXES_ASIDE_MIN_ROWS (or `minRows`) and a quarter of the table. At 200k
 * orders into 840k the two ways took about as long (16.7 s and 15.8 s); the rebuild grows with the table.
 */
export function worthSettingIndexesAside(estimatedRows: number, tableRows: number, minRows = INDEXES_ASIDE_MIN_ROWS): boolean {
  return estimatedRows >= minRows && estimatedRows * 4 >= tableRows;
}

export interface IndexesAside {
  /** The indexes dropped, in the order they are made again. */
  readonly names: readonly string[];
  /** Makes every index dropped again, from its own SQL; once. Before anything reads through them again. */
  restore(): void;
}

/**
 * Drops the named indexes inside the caller's open transaction, to be made again by `restore` before it
 * commits. A rollback, an error or a crash in between brings them back with the rows: the drops are part of
 * that transaction. Other connections see the indexes throughout (they read the last commit).
 */
export function setIndexesAside(client: Database.Database, names: readonly string[]): IndexesAside {
  if (!client.inTransaction) throw new Error('Indexes are set aside only inside the writer’s transaction, so a rollback brings them back.');
  const indexes = client
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND name IN (SELECT value FROM json_each(?)) ORDER BY rowid`)
    .all(JSON.stringify(names)) as { name: string; sql: string }[];
  const dropped = indexes.map((index) => index.name);
  const statistics = statisticsOf(client, dropped);
  for (const name of dropped) client.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  let restored = false;
  return {
    names: dropped,
    restore() {
      if (restored) return;
      restored = true;
      for (const index of indexes) client.exec(index.sql);
      for (const { table, rows } of statistics) {
        if (rows.length === 0) continue;
        const columns = Object.keys(rows[0]!);
        const insert = client.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of rows) insert.run(...columns.map((column) => row[column]));
      }
    },
  };
}

/** ANALYZE's tables, in the order SQLite makes them. */
const STATISTICS_TABLES = ['sqlite_stat1', 'sqlite_stat4'] as const;

/**
 * ANALYZE's rows of the indexes named, to put back with them: dropping an index deletes its
 * statistics, and without them the planner would take the index made again for one of no known worth until
 * the next ANALYZE. Put back as they were, they say what they said before the import, as they would had the
 * index stayed.
 */
function statisticsOf(client: Database.Database, indexNames: readonly string[]): { table: string; rows: Record<string, unknown>[] }[] {
  const present = new Set(client.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite_stat%'`).pluck().all() as string[]);
  return STATISTICS_TABLES.filter((table) => present.has(table)).map((table) => ({
    table,
    rows: client.prepare(`SELECT * FROM ${table} WHERE idx IN (SELECT value FROM json_each(?))`).all(JSON.stringify(indexNames)) as Record<string, unknown>[],
  }));
}
