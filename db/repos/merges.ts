import type Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { ContactKind } from '../../shared/contract/enums';
import type { MergeCandidate, MergeSummary } from '../../shared/contract/merges';
import { customers } from '../schema';
import { forwardsOf } from './merge-moves';

export type MovedTable = 'orders' | 'follow_ups' | 'contact_channels';
export type CustomerColumns = Record<string, string | number | null>;

/** Figures refreshCustomerStats recounts; a merge snapshot leaves them out, since undo recounts them anyway. */
const DERIVED = new Set(['order_count', 'revenue_base_minor', 'last_order_date', 'last_contact_at', 'next_contact_date']);
/** Every other customers column, from the schema itself, so a new column is snapshotted without touching this file. */
export const SNAPSHOT_COLUMNS: string[] = getTableConfig(customers)
  .columns.map((c) => c.name)
  .filter((name) => name !== 'id' && !DERIVED.has(name));

/** The customer's row as stored (snake_case columns), derived figures left out; undefined if no such id. */
export function customerColumns(client: Database.Database, id: string): CustomerColumns | undefined {
  return client.prepare(`SELECT ${SNAPSHOT_COLUMNS.join(', ')} FROM customers WHERE id = ?`).get(id) as CustomerColumns | undefined;
}

/** Writes the given columns (names checked against the schema: they come from stored JSON). */
export function writeCustomerColumns(client: Database.Database, id: string, values: CustomerColumns): void {
  const names = Object.keys(values).filter((name) => SNAPSHOT_COLUMNS.includes(name));
  if (names.length === 0) return;
  client.prepare(`UPDATE customers SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @__id`).run({ ...pick(values, names), __id: id });
}

const pick = (values: CustomerColumns, names: string[]) => Object.fromEntries(names.map((n) => [n, values[n]]));

/**
 * Contacts shared by more than one live customer: the strongest sign of a duplicate. A number one customer has
 * as their phone and another as their WhatsApp is shared too (both kinds are stored in E.164); such a group is
 * given as a shared phone, since the merge screen names one kind per reason.
 */
export function sharedContacts(client: Database.Database): Array<{ kind: ContactKind; value: string; ids: string }> {
  return client
    .prepare(
      // First the values two customers or more hold, from one pass over the contacts in their table's order; then
      // only those values' contacts, by the (kind, value) index, each with its customer, keeping live customers.
      // Joined to the customers from the start, every live customer's contacts were sought one by one and all
      // 200,000 grouped: 0.95 s at 100k customers, against 0.5.
      `WITH shared AS (
         SELECT CASE WHEN kind IN ('phone', 'whatsapp') THEN 'number' ELSE kind END AS number_or_kind, value
         FROM contact_channels WHERE deleted_at IS NULL
         GROUP BY 1, 2 HAVING count(DISTINCT customer_id) > 1)
       SELECT CASE WHEN min(c.kind) = max(c.kind) THEN min(c.kind) ELSE 'phone' END AS kind, c.value, group_concat(DISTINCT c.customer_id) AS ids
       FROM shared s
         JOIN contact_channels c ON c.value = s.value
           AND c.kind IN (SELECT value FROM json_each(CASE WHEN s.number_or_kind = 'number' THEN '["phone","whatsapp"]' ELSE json_array(s.number_or_kind) END))
         JOIN customers k ON k.id = c.customer_id
       WHERE c.deleted_at IS NULL AND k.deleted_at IS NULL
       GROUP BY s.number_or_kind, s.value HAVING count(DISTINCT c.customer_id) > 1
       ORDER BY s.number_or_kind, s.value`,
    )
    .all() as Array<{ kind: ContactKind; value: string; ids: string }>;
}

export function liveCustomerNames(client: Database.Database): Iterable<[id: string, name: string, company: string | null, createdAt: string]> {
  // In the table's order: sorted by id, each row was a seek from the id index into the table (0.39 s at 100k, against 0.17).
  return client.prepare(`SELECT id, name, company, created_at FROM customers WHERE deleted_at IS NULL`).raw().iterate() as Iterable<[string, string, string | null, string]>;
}

/** The side-by-side view of customers, in the order of `ids`; unknown ids are left out. */
export function mergeCandidates(client: Database.Database, ids: string[]): MergeCandidate[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const rows = client
    .prepare(
      `SELECT id, name, company, type, industry, country, region, city, locality, locality_manual AS localityManual, size_band AS sizeBand,
         income_band AS incomeBand, needs, owner, source, manual_level AS manualLevel, code, tags, notes, created_at AS createdAt, archived_at AS archivedAt,
         order_count AS orderCount, revenue_base_minor AS revenueBaseMinor, last_order_date AS lastOrderDate, last_contact_at AS lastContactAt,
         (SELECT count(*) FROM follow_ups f WHERE f.customer_id = customers.id AND f.deleted_at IS NULL) AS followUpCount
       FROM customers WHERE id IN (${marks})`,
    )
    .all(...ids) as Array<Omit<MergeCandidate, 'tags' | 'localityManual' | 'contacts'> & { tags: string; localityManual: number }>;
  const contacts = client
    .prepare(`SELECT customer_id AS customerId, kind, value, label FROM contact_channels WHERE customer_id IN (${marks}) AND deleted_at IS NULL ORDER BY created_at, id`)
    .all(...ids) as Array<{ customerId: string; kind: ContactKind; value: string; label: string | null }>;
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        tags: JSON.parse(r.tags) as string[],
        localityManual: r.localityManual === 1,
        contacts: contacts.filter((c) => c.customerId === r.id).map(({ kind, value, label }) => ({ kind, value, label })),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function liveRowsOf(client: Database.Database, table: MovedTable, customerId: string): Array<{ id: string; updatedAt: string; kind?: string; value?: string }> {
  const extra = table === 'contact_channels' ? ', kind, value' : '';
  return client.prepare(`SELECT id, updated_at AS updatedAt${extra} FROM ${table} WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`).all(customerId) as Array<{
    id: string;
    updatedAt: string;
    kind?: string;
    value?: string;
  }>;
}

export function moveRow(client: Database.Database, table: MovedTable, id: string, toCustomerId: string, now: string): void {
  client.prepare(`UPDATE ${table} SET customer_id = ?, updated_at = ? WHERE id = ?`).run(toCustomerId, now, id);
}

/**
 * Moves a row back to where the merge took it from, if it is still on the kept customer; its stamp
 * returns too unless something changed it after the merge (then it gets `now`).
 */
export function moveRowBack(client: Database.Database, table: MovedTable, row: MergeRow, keptId: string, mergedAt: string, now: string): boolean {
  return (
    client
      .prepare(`UPDATE ${table} SET customer_id = @from, updated_at = CASE WHEN updated_at = @mergedAt THEN @previous ELSE @now END WHERE id = @id AND customer_id = @kept`)
      .run({ from: row.fromCustomerId, mergedAt, previous: row.previousUpdatedAt, now, id: row.rowId, kept: keptId }).changes === 1
  );
}

export function softDeleteCustomer(client: Database.Database, id: string, now: string): void {
  client.prepare(`UPDATE customers SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
}

/** Brings back a customer the merge deleted, unless someone already restored it from the trash. */
export function restoreMergedCustomer(client: Database.Database, row: MergeRow, mergedAt: string, now: string): boolean {
  return (
    client
      .prepare(`UPDATE customers SET deleted_at = NULL, updated_at = CASE WHEN updated_at = @mergedAt THEN @previous ELSE @now END WHERE id = @id AND deleted_at = @mergedAt`)
      .run({ mergedAt, previous: row.previousUpdatedAt, now, id: row.rowId }).changes === 1
  );
}

export interface MergeRecord {
  id: string;
  keptCustomerId: string;
  keptBefore: string;
  keptAfter: string;
  status: 'merged' | 'undone';
  createdAt: string;
  undoneAt: string | null;
}

export interface MergeRow {
  rowTable: MovedTable | 'customers';
  rowId: string;
  fromCustomerId: string;
  previousUpdatedAt: string;
}

export function insertMerge(client: Database.Database, merge: Omit<MergeRecord, 'status' | 'undoneAt'>, rows: Array<MergeRow & { id: string }>): void {
  client
    .prepare(`INSERT INTO customer_merges (id, created_at, updated_at, kept_customer_id, kept_before, kept_after) VALUES (@id, @createdAt, @createdAt, @keptCustomerId, @keptBefore, @keptAfter)`)
    .run(merge);
  const insert = client.prepare(
    `INSERT INTO customer_merge_rows (id, merge_id, row_table, row_id, from_customer_id, previous_updated_at) VALUES (@id, @mergeId, @rowTable, @rowId, @fromCustomerId, @previousUpdatedAt)`,
  );
  for (const row of rows) insert.run({ ...row, mergeId: merge.id });
}

/**
 * The standing merge that took this customer away, if the customer is still in the trash because of it: the
 * merge's id and the customer it went into. Undone merges and customers restored since do not count.
 */
export function standingMergeAway(client: Database.Database, customerId: string): { mergeId: string; keptCustomerId: string } | undefined {
  return client
    .prepare(
      `SELECT m.id AS mergeId, m.kept_customer_id AS keptCustomerId
       FROM customer_merge_rows r JOIN customer_merges m ON m.id = r.merge_id JOIN customers c ON c.id = r.row_id
       WHERE r.from_customer_id = ? AND r.row_table = 'customers' AND r.row_id = r.from_customer_id
         AND m.status = 'merged' AND m.deleted_at IS NULL AND c.deleted_at IS NOT NULL
       ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
    )
    .get(customerId) as { mergeId: string; keptCustomerId: string } | undefined;
}

export function findMerge(client: Database.Database, id: string): MergeRecord | undefined {
  return client
    .prepare(
      `SELECT id, kept_customer_id AS keptCustomerId, kept_before AS keptBefore, kept_after AS keptAfter, status, created_at AS createdAt, undone_at AS undoneAt
       FROM customer_merges WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as MergeRecord | undefined;
}

/**
 * What undoing the merge takes back: the rows its journal holds, then those that reached a merged-away customer
 * afterwards and were moved on, by this laptop or another (db/repos/merge-moves.ts; a version before those records
 * put them in the journal).
 */
export function rowsOfMerge(client: Database.Database, mergeId: string): MergeRow[] {
  const journal = client
    .prepare(`SELECT row_table AS rowTable, row_id AS rowId, from_customer_id AS fromCustomerId, previous_updated_at AS previousUpdatedAt FROM customer_merge_rows WHERE merge_id = ? ORDER BY rowid`)
    .all(mergeId) as MergeRow[];
  const journaled = new Set(journal.map((r) => `${r.rowTable}:${r.rowId}`));
  const forwarded = forwardsOf(client, mergeId).filter((r) => !journaled.has(`${r.rowTable}:${r.rowId}`));
  return [...journal, ...forwarded.map(({ rowTable, rowId, fromCustomerId, previousUpdatedAt }) => ({ rowTable, rowId, fromCustomerId, previousUpdatedAt }))];
}

/** Standing merges made after this one that involve any of these customers, as kept or as merged away. */
export function laterMergesTouching(client: Database.Database, merge: MergeRecord, customerIds: string[]): string[] {
  const marks = customerIds.map(() => '?').join(', ');
  return client
    .prepare(
      `SELECT m.id FROM customer_merges m
       WHERE m.status = 'merged' AND m.deleted_at IS NULL AND (m.created_at > ? OR (m.created_at = ? AND m.id > ?))
         AND (m.kept_customer_id IN (${marks})
              OR EXISTS (SELECT 1 FROM customer_merge_rows r WHERE r.merge_id = m.id AND r.row_table = 'customers' AND r.from_customer_id IN (${marks})))`,
    )
    .pluck()
    .all(merge.createdAt, merge.createdAt, merge.id, ...customerIds, ...customerIds) as string[];
}

export function markUndone(client: Database.Database, id: string, now: string): void {
  client.prepare(`UPDATE customer_merges SET status = 'undone', undone_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
}

/** Recent merges with the names involved and how many rows each moved. */
export function listMerges(client: Database.Database, limit: number): MergeSummary[] {
  const merges = client
    .prepare(
      `SELECT m.id, m.created_at AS createdAt, m.status, m.undone_at AS undoneAt, m.kept_customer_id AS keptId, k.name AS keptName
       FROM customer_merges m JOIN customers k ON k.id = m.kept_customer_id
       WHERE m.deleted_at IS NULL ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
    )
    .all(limit) as Array<{ id: string; createdAt: string; status: 'merged' | 'undone'; undoneAt: string | null; keptId: string; keptName: string }>;
  const rows = client.prepare(
    `SELECT r.row_table AS rowTable, r.from_customer_id AS fromId, c.name FROM customer_merge_rows r JOIN customers c ON c.id = r.from_customer_id WHERE r.merge_id = ? ORDER BY r.rowid`,
  );
  // Rows moved on after the merge, by any laptop (db/repos/merge-moves.ts), count with what it moved, also once undone as the journal's do.
  const forwarded = client.prepare(
    `SELECT v.row_table AS rowTable, v.from_customer_id AS fromId, c.name FROM customer_merge_moves v JOIN customers c ON c.id = v.from_customer_id
     WHERE v.merge_id = ? AND v.row_table <> 'customers'
       AND NOT EXISTS (SELECT 1 FROM customer_merge_rows r WHERE r.merge_id = v.merge_id AND r.row_table = v.row_table AND r.row_id = v.row_id)
     ORDER BY v.created_at, v.id`,
  );
  return merges.map((m) => {
    const moves = [...rows.all(m.id), ...forwarded.all(m.id)] as Array<{ rowTable: MergeRow['rowTable']; fromId: string; name: string }>;
    const count = (table: MovedTable) => moves.filter((r) => r.rowTable === table).length;
    return {
      id: m.id,
      createdAt: m.createdAt,
      status: m.status,
      undoneAt: m.undoneAt,
      kept: { id: m.keptId, name: m.keptName },
      merged: moves.filter((r) => r.rowTable === 'customers').map((r) => ({ id: r.fromId, name: r.name })),
      moved: { orders: count('orders'), followUps: count('follow_ups'), contacts: count('contact_channels') },
    };
  });
}
