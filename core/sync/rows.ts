import type Database from 'better-sqlite3';
import { bodyOf, type SyncDoc } from './document';
import type { SyncedTable } from './tables';

/** SQLite reads and writes of the sync bookkeeping, on the raw client so values come back as stored. */
export function readRow(client: Database.Database, spec: SyncedTable, id: string): Record<string, unknown> | undefined {
  return client.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/** The row a document names: by id, or by its natural key. */
export function rowForDoc(client: Database.Database, spec: SyncedTable, values: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = spec.key === 'id' ? ['id'] : spec.key;
  return client.prepare(`SELECT * FROM ${spec.table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`).get(...keys.map((k) => values[k])) as Record<string, unknown> | undefined;
}

export function readShadow(client: Database.Database, docId: string): SyncDoc | null {
  const row = client.prepare(`SELECT body FROM sync_docs WHERE doc_id = ?`).get(docId) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as SyncDoc) : null;
}

export function writeShadow(client: Database.Database, doc: SyncDoc): void {
  client.prepare(`INSERT INTO sync_docs (doc_id, body) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET body = excluded.body`).run(doc._id, JSON.stringify(bodyOf(doc)));
}

export function forgetShadow(client: Database.Database, docId: string): void {
  client.prepare(`DELETE FROM sync_docs WHERE doc_id = ?`).run(docId);
}

/** When each column of a row changed here since it was last stamped, with the clock reached then (sync_field_changes). */
export function readFieldChanges(client: Database.Database, docId: string): { field: string; changedAt: string; seen: string }[] {
  return client.prepare(`SELECT field, changed_at AS changedAt, seen FROM sync_field_changes WHERE doc_id = ?`).all(docId) as { field: string; changedAt: string; seen: string }[];
}

/**
 * Forgets a row's recorded field changes once they are in its stamped document: all of them, or (`upTo`) those made
 * by the changes the stamping read, keeping any a write made since (the pump awaits the replica in between).
 */
export function forgetFieldChanges(client: Database.Database, docId: string, upTo?: string): void {
  if (upTo === undefined) client.prepare(`DELETE FROM sync_field_changes WHERE doc_id = ?`).run(docId);
  else client.prepare(`DELETE FROM sync_field_changes WHERE doc_id = ? AND changed_at <= ?`).run(docId, upTo);
}

export interface OutboxEntry {
  docId: string;
  tableName: string;
  rowId: string;
  changedAt: string;
}

/**
 * Every entry, in the order the rows were last changed (entries stay until the server has them). The pump stamps them
 * in this order: a laptop's clock never runs behind a stamp it issued, so stamping a later edit first (a payment, whose
 * document id sorts before its order's) would carry an earlier edit of another row (a restated order) past edits other
 * laptops made in between, and an edit's terms would beat a later edit's elsewhere.
 */
export function outboxInEditOrder(client: Database.Database): OutboxEntry[] {
  return client
    .prepare(`SELECT doc_id AS docId, table_name AS tableName, row_id AS rowId, changed_at AS changedAt FROM sync_outbox ORDER BY changed_at, doc_id`)
    .all() as OutboxEntry[];
}

export function outboxEntry(client: Database.Database, docId: string): OutboxEntry | undefined {
  return client.prepare(`SELECT doc_id AS docId, table_name AS tableName, row_id AS rowId, changed_at AS changedAt FROM sync_outbox WHERE doc_id = ?`).get(docId) as OutboxEntry | undefined;
}

/** Removes an entry only if no write touched the row since it was read (the trigger moves changed_at forward). */
export function removeFromOutbox(client: Database.Database, entry: OutboxEntry): void {
  client.prepare(`DELETE FROM sync_outbox WHERE doc_id = ? AND changed_at = ?`).run(entry.docId, entry.changedAt);
}

export function enqueue(client: Database.Database, docId: string, tableName: string, rowId: string, changedAt: string): void {
  client
    .prepare(`INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET changed_at = max(changed_at, excluded.changed_at)`)
    .run(docId, tableName, rowId, changedAt);
}
