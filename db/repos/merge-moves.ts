import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { MergeRow, MovedTable } from './merges';

/**
 * The team's record of merges (customer_merge_moves, db/schema/merges.ts): where each merged-away customer went,
 * and the rows moved on after it. It syncs; the journal the merge is undone from stays on the laptop that merged.
 */

export interface StandingMove {
  mergeId: string;
  intoCustomerId: string;
  /** When the merge was made (its record's created_at, the customer's deleted_at). */
  createdAt: string;
}

/** Records that a merge took `customerId` into `intoCustomerId`, under the id of its journal row. */
export function recordMergedAway(client: Database.Database, move: { id: string; mergeId: string; customerId: string; intoCustomerId: string; previousUpdatedAt: string }, now: string): void {
  client
    .prepare(
      `INSERT INTO customer_merge_moves (id, created_at, updated_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at)
       VALUES (@id, @now, @now, @mergeId, 'customers', @customerId, @customerId, @intoCustomerId, @previousUpdatedAt)`,
    )
    .run({ ...move, now });
}

/** True when some merge known here still stands: a laptop that never saw one (most) settles nothing more. */
export function anyStandingMerge(client: Database.Database): boolean {
  return client.prepare(`SELECT 1 FROM customer_merge_moves WHERE row_table = 'customers' AND deleted_at IS NULL LIMIT 1`).get() !== undefined;
}

/**
 * The standing merge that took this customer away, if the customer is still in the trash because of it (deleted when
 * the merge was made, as undo checks too): the latest, so that every laptop holding the same records picks the same
 * one. An undone merge, or a customer restored from the trash since (deleted again by hand or not), does not count.
 */
export function standingMove(client: Database.Database, customerId: string): StandingMove | undefined {
  return client
    .prepare(
      `SELECT m.merge_id AS mergeId, m.into_customer_id AS intoCustomerId, m.created_at AS createdAt
       FROM customer_merge_moves m JOIN customers c ON c.id = m.row_id
       WHERE m.row_id = ? AND m.row_table = 'customers' AND m.deleted_at IS NULL AND c.deleted_at = m.created_at
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
    )
    .get(customerId) as StandingMove | undefined;
}

/**
 * Of these customers, those a standing merge took away (the ones standingMove finds a merge for), in one query: a
 * large sync applies thousands of rows per batch, and asking for each row's customer cost a query per row.
 */
export function standingAwayAmong(client: Database.Database, customerIds: Iterable<string>): Set<string> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Set();
  const away = client
    .prepare(
      `SELECT DISTINCT m.row_id FROM customer_merge_moves m JOIN customers c ON c.id = m.row_id
       WHERE m.row_id IN (SELECT value FROM json_each(?)) AND m.row_table = 'customers' AND m.deleted_at IS NULL AND c.deleted_at = m.created_at`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  return new Set(away);
}

/** The id of the record of `row` moved on by `mergeId`: the same on every laptop, so two that move it write one record. */
export function forwardId(mergeId: string, table: MovedTable, rowId: string): string {
  const hex = createHash('sha256').update(`${mergeId}\u0000${table}\u0000${rowId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Records a row that reached a merged-away customer and was moved on; returns its id, or null when it was recorded already. */
export function recordForward(client: Database.Database, mergeId: string, row: MergeRow & { rowTable: MovedTable; intoCustomerId: string }, now: string): string | null {
  const id = forwardId(mergeId, row.rowTable, row.rowId);
  const inserted = client
    .prepare(
      `INSERT INTO customer_merge_moves (id, created_at, updated_at, merge_id, row_table, row_id, from_customer_id, into_customer_id, previous_updated_at)
       VALUES (@id, @now, @now, @mergeId, @rowTable, @rowId, @fromCustomerId, @intoCustomerId, @previousUpdatedAt) ON CONFLICT (id) DO NOTHING`,
    )
    .run({ ...row, id, mergeId, now }).changes;
  return inserted === 1 ? id : null;
}

/** The rows moved on after a merge, still standing, as the merge's journal holds the rows it moved itself. */
export function forwardsOf(client: Database.Database, mergeId: string): Array<MergeRow & { id: string; rowTable: MovedTable; intoCustomerId: string }> {
  return client
    .prepare(
      `SELECT id, row_table AS rowTable, row_id AS rowId, from_customer_id AS fromCustomerId, into_customer_id AS intoCustomerId, previous_updated_at AS previousUpdatedAt
       FROM customer_merge_moves WHERE merge_id = ? AND row_table <> 'customers' AND deleted_at IS NULL ORDER BY created_at, id`,
    )
    .all(mergeId) as Array<MergeRow & { id: string; rowTable: MovedTable; intoCustomerId: string }>;
}

/** True in SQL when the row a record names is on this laptop (live or deleted). */
const ROW_HERE = `(row_table = 'customers'
  OR (row_table = 'orders' AND EXISTS (SELECT 1 FROM orders o WHERE o.id = row_id))
  OR (row_table = 'follow_ups' AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.id = row_id))
  OR (row_table = 'contact_channels' AND EXISTS (SELECT 1 FROM contact_channels k WHERE k.id = row_id)))`;

/**
 * Undoing a merge: it no longer stands, on any laptop. The record of a row moved on after it that has not reached
 * this laptop stays standing: the laptop that holds the row takes it back when it learns of the undo (or this one,
 * when the row arrives), which a retired record would keep it from doing.
 */
export function retireMovesOf(client: Database.Database, mergeId: string, now: string): void {
  client.prepare(`UPDATE customer_merge_moves SET deleted_at = ?, updated_at = ? WHERE merge_id = ? AND deleted_at IS NULL AND ${ROW_HERE}`).run(now, now, mergeId);
}

/** True when this laptop holds any record of a merge, standing or undone. */
export function anyMergeRecord(client: Database.Database): boolean {
  return client.prepare(`SELECT 1 FROM customer_merge_moves LIMIT 1`).get() !== undefined;
}

/** The merges under which some of these rows were moved on, by records still standing. */
export function mergesMovingRows(client: Database.Database, rowIds: Iterable<string>): string[] {
  const ids = [...new Set(rowIds)];
  if (ids.length === 0) return [];
  return client
    .prepare(`SELECT DISTINCT merge_id FROM customer_merge_moves WHERE row_id IN (SELECT value FROM json_each(?)) AND row_table <> 'customers' AND deleted_at IS NULL`)
    .pluck()
    .all(JSON.stringify(ids)) as string[];
}

/** Of these merges, those undone: known here by their merged-away customers, none of which still stands. */
export function undoneMerges(client: Database.Database, mergeIds: Iterable<string>): string[] {
  const check = client.prepare(
    `SELECT count(*) > 0 AND count(*) FILTER (WHERE deleted_at IS NULL) = 0 FROM customer_merge_moves WHERE merge_id = ? AND row_table = 'customers'`,
  );
  return [...mergeIds].filter((id) => check.pluck().get(id) === 1);
}
