import type Database from 'better-sqlite3';
import { insertMergeRow, standingMergeAway, type MovedTable } from '../../db/repos/merges';
import { newId } from '../ids';
import { orderNumberKey } from '../../shared/domain/order-number';
import { recordRestoredSale } from './conflicts';
import { enqueue, readShadow } from './rows';
import { readSyncState } from './state';

/** A row a batch wrote, as it stands after the write (only the tables settled here: SETTLED_TABLES). */
export interface AppliedRow {
  table: string;
  values: Record<string, string | number | null>;
}

const MOVED: ReadonlySet<string> = new Set<MovedTable>(['orders', 'follow_ups', 'contact_channels']);
/** The tables whose applied rows settleApplied looks at. */
export const SETTLED_TABLES: ReadonlySet<string> = MOVED;
const IDENTIFIED: ReadonlySet<string> = new Set(['orders', 'follow_ups']);

/**
 * What one laptop alone never lets happen, but two laptops writing offline can, settled after a batch is
 * applied (inside its transaction, before the derived figures): each settlement is a local edit (stamped by
 * the pump like any other, so it wins over the writes it settles and reaches the others), enqueued here since
 * the triggers are off while applying.
 *
 * - A deleted sale with a live return comes back: the return stands for goods that came back from a sale, so
 *   the sale counts again and the customer's figures are the sale minus the return. Every laptop that applies
 *   the documents ends with the sale live; the restore is listed with the customer's conflicts.
 * - A live order, return, follow-up or contact on a customer this laptop merged away (the merge's journal is
 *   only here) moves to the customer it was merged into, following later merges, as the merge moved that
 *   customer's rows, and is recorded in each merge's journal so that undoing the merge takes it back.
 */
export function settleApplied(client: Database.Database, applied: AppliedRow[], now: string, customers: Set<string>): void {
  const userName = readSyncState(client).userName;
  const restored = restoreReturnedSales(client, applied, now, userName, customers);
  const candidates = applied.filter((r) => MOVED.has(r.table)).map((r) => ({ table: r.table as MovedTable, id: String(r.values.id) }));
  for (const id of restored) candidates.push({ table: 'orders', id });
  forwardFromMergedAway(client, candidates, now, userName, customers);
}

/** Writes a local edit of a synced row and enqueues its document, as the triggers do outside apply. */
function localEdit(client: Database.Database, table: string, id: string, set: Record<string, string | null>, now: string, userName: string | null): void {
  const values: Record<string, string | null> = { ...set, updated_at: now };
  if (IDENTIFIED.has(table) && userName !== null) values.updated_by = userName;
  const names = Object.keys(values);
  client.prepare(`UPDATE ${table} SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @__id`).run({ ...values, __id: id });
  enqueue(client, `${table}:${id}`, table, id, now);
}

function restoreReturnedSales(client: Database.Database, applied: AppliedRow[], now: string, userName: string | null, customers: Set<string>): string[] {
  const saleIds = new Set<string>();
  for (const { table, values } of applied) {
    if (table !== 'orders') continue;
    if (values.kind === 'sale') saleIds.add(String(values.id));
    else if (typeof values.return_of_order_id === 'string' && values.deleted_at === null) saleIds.add(values.return_of_order_id);
  }
  const deletedSale = client.prepare(
    `SELECT s.id, s.customer_id AS customerId, s.deleted_at AS deletedAt, s.order_number AS orderNumber, s.updated_by AS updatedBy,
            r.created_by AS returnedBy, r.created_at AS returnedAt
     FROM orders s JOIN orders r ON r.return_of_order_id = s.id AND r.deleted_at IS NULL
     WHERE s.id = ? AND s.kind = 'sale' AND s.deleted_at IS NOT NULL
     ORDER BY r.created_at, r.id LIMIT 1`,
  );
  // Compared as numbers are (orderNumberKey): another live order holding inv-1 holds INV-1.
  const numberHeld = client.prepare(`SELECT 1 FROM orders WHERE order_number_key = ? AND deleted_at IS NULL AND id <> ?`);
  const restored: string[] = [];
  for (const id of [...saleIds].sort()) {
    const sale = deletedSale.get(id) as
      | { id: string; customerId: string; deletedAt: string; orderNumber: string | null; updatedBy: string | null; returnedBy: string | null; returnedAt: string }
      | undefined;
    if (!sale) continue;
    const set: Record<string, string | null> = { deleted_at: null };
    // Its number was given to another live order meanwhile: renumbered as a unique collision is (apply.ts), so no order is lost.
    if (sale.orderNumber !== null && numberHeld.get(orderNumberKey(sale.orderNumber), sale.id)) {
      set.order_number = `${sale.orderNumber}-${sale.id.slice(-6)}`;
      set.order_number_key = orderNumberKey(set.order_number);
    }
    const deleteField = readShadow(client, `orders:${sale.id}`)?.fields.deleted_at;
    const deletedBy = deleteField && deleteField.v === sale.deletedAt ? deleteField.by : sale.updatedBy;
    localEdit(client, 'orders', sale.id, set, now, userName);
    recordRestoredSale(client, { saleId: sale.id, customerId: sale.customerId, deletedAt: sale.deletedAt, deletedBy, returnedBy: sale.returnedBy, returnedAt: sale.returnedAt }, now);
    customers.add(sale.customerId);
    restored.push(sale.id);
  }
  return restored;
}

function forwardFromMergedAway(client: Database.Database, candidates: Array<{ table: MovedTable; id: string }>, now: string, userName: string | null, customers: Set<string>): void {
  // Every applied order, follow-up and contact is a candidate: a laptop that merged nobody (most) pays one query.
  if (!client.prepare(`SELECT 1 FROM customer_merges WHERE status = 'merged' AND deleted_at IS NULL LIMIT 1`).get()) return;
  const liveRow = Object.fromEntries([...MOVED].map((t) => [t, client.prepare(`SELECT * FROM ${t} WHERE id = ? AND deleted_at IS NULL`)]));
  const contactHeld = client.prepare(`SELECT 1 FROM contact_channels WHERE customer_id = ? AND kind = ? AND value = ? AND deleted_at IS NULL`);
  const seen = new Set<string>();
  for (const { table, id } of candidates) {
    if (seen.has(`${table}:${id}`)) continue;
    seen.add(`${table}:${id}`);
    const row = liveRow[table]!.get(id) as Record<string, string | null> | undefined;
    if (!row) continue;
    let from = row.customer_id!;
    const visited = new Set([from]);
    for (let merge = standingMergeAway(client, from); merge && !visited.has(merge.keptCustomerId); merge = standingMergeAway(client, from)) {
      // A contact the customer it goes into already has stays behind, as in the merge itself.
      if (table === 'contact_channels' && contactHeld.get(merge.keptCustomerId, row.kind, row.value)) break;
      // The row as this step leaves it: its updated_at, which a later step of a chain has moved.
      const previousUpdatedAt = (liveRow[table]!.get(id) as { updated_at: string | null } | undefined)?.updated_at ?? now;
      insertMergeRow(client, merge.mergeId, { id: newId(), rowTable: table, rowId: id, fromCustomerId: from, previousUpdatedAt });
      localEdit(client, table, id, { customer_id: merge.keptCustomerId }, now, userName);
      customers.add(from);
      from = merge.keptCustomerId;
      visited.add(from);
      customers.add(from);
    }
  }
}
