import type Database from 'better-sqlite3';
import { enqueue } from './rows';

/** Tables whose rows name who last changed them (updated_by). */
const IDENTIFIED: ReadonlySet<string> = new Set(['orders', 'follow_ups']);

/**
 * Writes a settlement (core/sync/settle.ts) as a local edit of a synced row and enqueues its document, as the
 * triggers do outside apply (they are off while a batch is applied): the pump stamps it like any other edit, so it
 * is ordered after what it settles, and it reaches the others.
 */
export function localEdit(client: Database.Database, table: string, id: string, set: Record<string, string | null>, now: string, userName: string | null): void {
  const values: Record<string, string | null> = { ...set, updated_at: now };
  if (IDENTIFIED.has(table) && userName !== null) values.updated_by = userName;
  const names = Object.keys(values);
  client.prepare(`UPDATE ${table} SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @__id`).run({ ...values, __id: id });
  enqueue(client, `${table}:${id}`, table, id, now);
}

/** Enqueues a row a settlement inserted (a record the others must see). */
export function localInsert(client: Database.Database, table: string, id: string, now: string): void {
  enqueue(client, `${table}:${id}`, table, id, now);
}
