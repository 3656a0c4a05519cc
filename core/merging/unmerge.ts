import { AppError, notFound } from '../../shared/contract';
import { liveContactsOf, refreshCustomerStats } from '../../db/repos/customers';
import * as repo from '../../db/repos/merges';
import { retireMovesOf, standingMove } from '../../db/repos/merge-moves';
import type { Db } from '../../db/open';
import { buildSearchText, buildSortName } from '../search-text';

/** Columns undo never reports as "edited since": bookkeeping the app itself maintains. */
const BOOKKEEPING = new Set(['updated_at', 'search_text', 'sort_name']);

/**
 * Undoes a merge in one transaction. Rows still on the kept customer go back to the customer they came
 * from (those a laptop of the team moved on after the merge too), merged customers come back from the
 * trash, and each column of the kept customer returns to its value before the merge where it still holds
 * what the merge wrote. A column edited since keeps the edit (reported in `editedSince`); rows added to
 * the kept customer since stay with it. If nothing was touched
 * in between, every table is exactly as before the merge. A later standing merge of the same customers
 * has to be undone first, since it moved these rows again.
 */
export function unmergeCustomers(db: Db, mergeId: string, now: string) {
  const client = db.$client;
  return client.transaction(() => {
    const merge = repo.findMerge(client, mergeId);
    if (!merge) throw notFound('merge', mergeId);
    if (merge.status === 'undone') throw new AppError('conflict', `Merge ${mergeId} was already undone on ${merge.undoneAt}.`, [{ path: ['mergeId'], key: 'merge_already_undone' }]);
    const rows = repo.rowsOfMerge(client, mergeId);
    const members = rows.filter((r) => r.rowTable === 'customers');
    const later = repo.laterMergesTouching(client, merge, [merge.keptCustomerId, ...members.map((m) => m.rowId)]);
    if (later.length) throw new AppError('conflict', `Merge ${later[0]} changed these customers later; undo it first.`, [{ path: ['mergeId'], key: 'merge_undo_later_first', params: { mergeId: later[0]! } }]);
    // The same of a merge made on another laptop (its journal is there; the team shares what it took away): one that
    // took the kept customer away since moved this merge's rows on, and undone now, this one would leave them there.
    const since = [merge.keptCustomerId, ...members.map((m) => m.rowId)].map((id) => standingMove(client, id)).find((m) => m !== undefined && m.mergeId !== mergeId);
    if (since) {
      throw new AppError('conflict', `Merge ${since.mergeId}, made on another laptop, changed these customers later; undo it first, on the laptop that made it.`, [
        { path: ['mergeId'], key: 'merge_undo_later_elsewhere_first', params: { mergeId: since.mergeId } },
      ]);
    }

    const moved = { orders: 0, followUps: 0, contacts: 0 };
    const counter = { orders: 'orders', follow_ups: 'followUps', contact_channels: 'contacts' } as const;
    for (const row of rows) {
      if (row.rowTable === 'customers') repo.restoreMergedCustomer(client, row, merge.createdAt, now);
      else if (repo.moveRowBack(client, row.rowTable, row, merge.keptCustomerId, merge.createdAt, now)) moved[counter[row.rowTable]]++;
    }

    // A return recorded since against an order that now goes back follows its order, so a sale and its
    // returns always belong to one customer (revenue and the balance owed stay with the buyer).
    const movedOrders = rows.filter((r) => r.rowTable === 'orders').map((r) => r.rowId);
    for (const saleId of movedOrders) {
      moved.orders += client
        .prepare(
          `UPDATE orders SET customer_id = (SELECT s.customer_id FROM orders s WHERE s.id = orders.return_of_order_id), updated_at = ?
           WHERE return_of_order_id = ? AND customer_id = ? AND customer_id <> (SELECT s.customer_id FROM orders s WHERE s.id = orders.return_of_order_id)`,
        )
        .run(now, saleId, merge.keptCustomerId).changes;
    }

    const editedSince = restoreKept(db, merge, now);
    for (const id of new Set([merge.keptCustomerId, ...members.map((m) => m.rowId)])) refreshCustomerStats(db, id);
    repo.markUndone(client, mergeId, now);
    // Every laptop stops moving on what reaches the customers it brought back.
    retireMovesOf(client, mergeId, now);
    return { mergeId, restoredIds: members.map((m) => m.rowId), moved, editedSince };
  })();
}

/** Three-way restore of the kept customer's columns; returns the columns left as edited after the merge. */
function restoreKept(db: Db, merge: repo.MergeRecord, now: string): string[] {
  const client = db.$client;
  const before = JSON.parse(merge.keptBefore) as repo.CustomerColumns;
  const after = JSON.parse(merge.keptAfter) as repo.CustomerColumns;
  const current = repo.customerColumns(client, merge.keptCustomerId)!;
  const untouched = Object.keys(after).every((col) => current[col] === after[col]);
  if (untouched) {
    repo.writeCustomerColumns(client, merge.keptCustomerId, before);
    return [];
  }
  const restored: repo.CustomerColumns = {};
  const editedSince: string[] = [];
  for (const col of Object.keys(before)) {
    if (BOOKKEEPING.has(col)) continue;
    if (current[col] === after[col]) restored[col] = before[col] ?? null;
    else if (before[col] !== after[col]) editedSince.push(col);
  }
  repo.writeCustomerColumns(client, merge.keptCustomerId, restored);
  // Contacts went back and some fields changed: the search keys follow what the customer now holds.
  const row = repo.customerColumns(client, merge.keptCustomerId)!;
  const profile = { name: row.name as string, company: row.company as string | null, type: row.type as string };
  repo.writeCustomerColumns(client, merge.keptCustomerId, { search_text: buildSearchText(profile, liveContactsOf(db, merge.keptCustomerId)), sort_name: buildSortName(profile), updated_at: now });
  return editedSince;
}
