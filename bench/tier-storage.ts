import type { Database } from 'better-sqlite3';

/** Bytes per table (indexes counted with their table) of every segment_* table: the stored tier history. */
export function tierStorageBytes(raw: Database): Record<string, number> {
  const rows = raw
    .prepare(
      `SELECT s.tbl_name AS tableName, sum(d.pgsize) AS bytes
         FROM dbstat d JOIN sqlite_schema s ON s.name = d.name
        WHERE s.tbl_name LIKE 'segment\\_%' ESCAPE '\\'
        GROUP BY s.tbl_name ORDER BY s.tbl_name`,
    )
    .all() as { tableName: string; bytes: number }[];
  return Object.fromEntries(rows.map((r) => [r.tableName, r.bytes]));
}
