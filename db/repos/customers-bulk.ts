import type { Db } from '../open';

/** The fields a bulk action may change, as stored; what an undo puts back. */
export interface BulkFields {
  id: string;
  tags: string;
  owner: string | null;
  archivedAt: string | null;
  updatedAt: string;
}

const CHUNK = 500;

/** Live (not deleted) customers among `ids`, in chunks so 10k ids never pass SQLite's variable limit. */
export function liveBulkFields(db: Db, ids: readonly string[]): BulkFields[] {
  const select = db.$client.prepare(
    `SELECT id, tags, owner, archived_at AS archivedAt, updated_at AS updatedAt FROM customers
      WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
  );
  const rows: BulkFields[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(select.all(JSON.stringify(ids.slice(i, i + CHUNK))) as BulkFields[]));
  return rows;
}

export function writeBulkFields(db: Db, rows: readonly BulkFields[]): void {
  const update = db.$client.prepare(`UPDATE customers SET tags = @tags, owner = @owner, archived_at = @archivedAt, updated_at = @updatedAt WHERE id = @id`);
  for (const row of rows) update.run(row);
}

/** Customers still exactly as a bulk action left them (nobody edited them since), by id. */
export function untouchedSince(db: Db, ids: readonly string[], stamp: string): Set<string> {
  const select = db.$client.prepare(`SELECT id FROM customers WHERE updated_at = ? AND id IN (SELECT value FROM json_each(?))`).pluck();
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) for (const id of select.all(stamp, JSON.stringify(ids.slice(i, i + CHUNK))) as string[]) out.add(id);
  return out;
}
