import type Database from 'better-sqlite3';
import { anyMergeRecord, anyStandingMerge, forwardsOf, mergesMovingRows, recordForward, standingAwayAmong, standingMove, undoneMerges } from '../../db/repos/merge-moves';
import type { MovedTable } from '../../db/repos/merges';
import { localEdit, localInsert } from './local-edit';
import { bringBackFromMergeRings } from './settle-merge-rings';
import type { AppliedRow } from './settle';

const MOVED: readonly MovedTable[] = ['orders', 'follow_ups', 'contact_channels'];

/**
 * A live order, return, follow-up or contact on a customer merged away (by any laptop: its merge's record syncs,
 * db/repos/merge-moves.ts) moves to the customer it was merged into, following later merges, as the merge moved
 * that customer's rows; each step is recorded with its merge under an id made from the merge and the row, so that
 * undoing the merge on the laptop that made it takes the row back. Every laptop holding the same records moves a
 * row to the same customer and writes the same record, so two laptops settling the same rows agree.
 *
 * Looked at: the rows the batch wrote on a customer merged away (each applied row's values name its customer, so
 * which of those customers were merged away is read once per batch, not once per row), the sales it brought back,
 * and every live row of a customer the batch showed merged away (its merge's record, or its deletion, arrived after
 * the rows did).
 */
export function forwardFromMergedAway(client: Database.Database, applied: AppliedRow[], restored: string[], now: string, userName: string | null, customers: Set<string>): void {
  // Every applied order, follow-up and contact is a candidate: a laptop that knows of no standing merge (most) pays one query.
  if (!anyStandingMerge(client)) return;
  const liveRow = Object.fromEntries(MOVED.map((t) => [t, client.prepare(`SELECT * FROM ${t} WHERE id = ? AND deleted_at IS NULL`)]));
  const liveOn = Object.fromEntries(MOVED.map((t) => [t, client.prepare(`SELECT id FROM ${t} WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`).pluck()]));
  const contactHeld = client.prepare(`SELECT 1 FROM contact_channels WHERE customer_id = ? AND kind = ? AND value = ? AND deleted_at IS NULL`);

  const written: Array<{ table: MovedTable; id: string; customerId: string }> = [];
  const swept = new Set<string>();
  for (const { table, values } of applied) {
    if ((MOVED as readonly string[]).includes(table)) written.push({ table: table as MovedTable, id: String(values.id), customerId: String(values.customer_id) });
    else if (table === 'customers' && values.deleted_at !== null) swept.add(String(values.id));
    else if (table === 'customer_merge_moves' && values.row_table === 'customers' && values.deleted_at === null) swept.add(String(values.from_customer_id));
  }
  // Customers merged into each other round a ring (two laptops merging them both ways) first become a chain.
  for (const id of bringBackFromMergeRings(client, swept, now, userName, customers)) swept.add(id);
  const away = standingAwayAmong(client, [...written.map((r) => r.customerId), ...swept]);
  const candidates: Array<{ table: MovedTable; id: string }> = written.filter((r) => away.has(r.customerId));
  // A sale brought back is read whatever its customer: a batch brings back a handful at most.
  for (const id of restored) candidates.push({ table: 'orders', id });
  for (const customerId of [...swept].sort()) {
    if (!away.has(customerId)) continue;
    for (const table of MOVED) for (const id of liveOn[table]!.all(customerId) as string[]) candidates.push({ table, id });
  }

  const seen = new Set<string>();
  for (const { table, id } of candidates) {
    if (seen.has(`${table}:${id}`)) continue;
    seen.add(`${table}:${id}`);
    const row = liveRow[table]!.get(id) as Record<string, string | null> | undefined;
    if (!row) continue;
    let from = row.customer_id!;
    const visited = new Set([from]);
    for (let move = standingMove(client, from); move && !visited.has(move.intoCustomerId); move = standingMove(client, from)) {
      // A contact the customer it goes into already has stays behind, as in the merge itself.
      if (table === 'contact_channels' && contactHeld.get(move.intoCustomerId, row.kind, row.value)) break;
      // The row as this step leaves it: its updated_at, which a later step of a chain has moved.
      const previousUpdatedAt = (liveRow[table]!.get(id) as { updated_at: string | null } | undefined)?.updated_at ?? now;
      const recorded = recordForward(client, move.mergeId, { rowTable: table, rowId: id, fromCustomerId: from, intoCustomerId: move.intoCustomerId, previousUpdatedAt }, now);
      if (recorded) localInsert(client, 'customer_merge_moves', recorded, now);
      localEdit(client, table, id, { customer_id: move.intoCustomerId }, now, userName);
      customers.add(from);
      from = move.intoCustomerId;
      visited.add(from);
      customers.add(from);
    }
  }
}

/**
 * A row moved on under a merge that its laptop undid meanwhile (the undo did not know of it yet) goes back to the
 * customer it was written on, as the undo took the merge's other rows back, and its record stops standing. Every
 * laptop that learns of both does the same: when the undo or the record arrives, or the row itself, after them. A
 * laptop that does not hold the row yet leaves its record standing, for the laptop that does (retired, the record
 * would keep that one from taking the row back).
 */
export function takeBackFromUndoneMerges(client: Database.Database, applied: AppliedRow[], now: string, userName: string | null, customers: Set<string>): void {
  // A team that never merged (most) pays one query, not a lookup of the batch's rows.
  if (!anyMergeRecord(client)) return;
  const mergeIds = new Set(applied.filter((r) => r.table === 'customer_merge_moves').map((r) => String(r.values.merge_id)));
  const rowIds = applied.filter((r) => (MOVED as readonly string[]).includes(r.table)).map((r) => String(r.values.id));
  for (const mergeId of mergesMovingRows(client, rowIds)) mergeIds.add(mergeId);
  if (mergeIds.size === 0) return;
  for (const mergeId of undoneMerges(client, [...mergeIds].sort())) {
    for (const forward of forwardsOf(client, mergeId)) {
      const row = client.prepare(`SELECT customer_id AS customerId, deleted_at AS deletedAt FROM ${forward.rowTable} WHERE id = ?`).get(forward.rowId) as
        | { customerId: string; deletedAt: string | null }
        | undefined;
      if (!row) continue;
      if (row.deletedAt === null && row.customerId === forward.intoCustomerId) {
        localEdit(client, forward.rowTable, forward.rowId, { customer_id: forward.fromCustomerId }, now, userName);
        customers.add(forward.fromCustomerId);
        customers.add(forward.intoCustomerId);
      }
      localEdit(client, 'customer_merge_moves', forward.id, { deleted_at: now }, now, userName);
    }
  }
}
