import { AppError, notFound } from '../../shared/contract/errors';
import { refreshProductsLastSale } from '../../db/repos/products';
import type { Db } from '../../db/open';
import { replaceContacts } from '../../db/repos/customers';
import { beginBulkWrite, withBulkInertTriggersDropped } from '../../db/repos/bulk-write';
import { batchOrdersStretch, customersOfBatch, findBatch, importStatements, snapshotsOf, softDeleteBatchRows } from '../../db/repos/imports';
import { newId } from '../ids';
import { readSettings } from '../../db/repos/settings';
import { undoCustomerChanges, type CustomerImage } from './undo-profile';
import type Database from 'better-sqlite3';

/**
 * Live returns from outside the batch recorded against its live sales: from the returns index to each one's
 * sale, never from the batch's million sales to their returns. `>= ''` is IS NOT NULL for a text column, put
 * as a range so the planner walks the index even in a database without statistics; the sale is looked up by
 * id alone in a scalar subquery, so statistics cannot send it through the batch index instead.
 */
export const ORPHAN_RETURNS_SQL = `SELECT r.id, r.customer_id AS customerId FROM orders r
  WHERE r.return_of_order_id >= '' AND r.deleted_at IS NULL AND r.import_batch_id IS NOT @batch
    AND (SELECT s.import_batch_id FROM orders s WHERE s.id = r.return_of_order_id AND s.deleted_at IS NULL) = @batch`;

export interface UndoResult {
  batchId: string;
  customersRemoved: number;
  customersRestored: number;
  ordersRemoved: number;
  followUpsRemoved: number;
  /** Products the batch's lines brought in that no live order uses any more. */
  productsRemoved?: number;
}

/**
 * Takes a whole batch back in one transaction: what it created is soft-deleted, customers it updated get
 * back what the batch changed and nothing changed since (undo-profile.ts: a later batch or an edit in the
 * app stands), and the figures of every customer it touched are recomputed. Undoing twice is refused
 * rather than silently doing nothing.
 */
export function undoBatch(db: Db, batchId: string, now: string): UndoResult {
  const client = db.$client;
  return client.transaction(() => {
    const batch = findBatch(client, batchId);
    if (!batch) throw notFound('import batch', batchId);
    if (batch.status === 'undone') throw new AppError('conflict', `Import batch ${batchId} was already undone on ${batch.undoneAt}.`, [{ path: ['batchId'], key: 'import_already_undone' }]);
    // Bulk mode, as the import: the report totals and customer figures are recomputed once, before commit.
    const bulk = beginBulkWrite(client);
    // The batch's orders as one stretch of rowids (one transaction wrote them): found by seeks, and the
    // cheapest way to name them while they are read, deleted and passed over below.
    const stretch = batchOrdersStretch(client, batchId);
    const touched = customersOfBatch(client, batchId, stretch);
    const result: UndoResult = { batchId, customersRemoved: 0, customersRestored: 0, ordersRemoved: 0, followUpsRemoved: 0 };
    const sql = importStatements(client);
    const settings = readSettings(db);
    for (const { customerId, before, after } of snapshotsOf(client, batchId)) {
      const snapshot = JSON.parse(before) as CustomerImage;
      if (after !== null) undoCustomerChanges(sql, customerId, snapshot, JSON.parse(after) as CustomerImage, settings, now);
      else {
        // A batch imported before after-images were kept: its customers get their whole earlier state back.
        // A column the image predates (archived_at) keeps what the customer holds: that batch never wrote it.
        sql.updateCustomer({ ...sql.selectProfile(customerId), ...snapshot.profile, id: customerId, now });
        replaceContacts(db, customerId, snapshot.contacts, now, newId);
      }
      result.customersRestored++;
    }
    // A return recorded since against an order of the batch goes with that order: no return outlives its sale.
    const orphans = client.prepare(ORPHAN_RETURNS_SQL).all({ batch: batchId }) as { id: string; customerId: string }[];
    const dropReturn = client.prepare(`UPDATE orders SET deleted_at = ?, updated_at = ? WHERE id = ?`);
    for (const r of orphans) dropReturn.run(now, now, r.id);
    // The triggers that stand aside would only be entered for each of the batch's rows to find themselves off.
    const removed = withBulkInertTriggersDropped(client, ['orders', 'follow_ups', 'customers'], () => softDeleteBatchRows(client, batchId, now, stretch));
    result.customersRemoved = removed.customers;
    result.ordersRemoved = removed.orders + orphans.length;
    result.followUpsRemoved = removed.followUps;
    if (batch.kind === 'orders') {
      result.productsRemoved = dropOrphanProducts(client, batchId, batch.createdAt, now);
      // A product the batch gave a newer price takes back its latest live sale's (only those written since the batch).
      refreshProductsLastSale(client, productsPricedByBatch(client, batchId, batch.createdAt), now);
    }
    // Every order of the batch is deleted now: the refresh need not read them again to find that out.
    if (stretch) bulk.deletedOrders(stretch.first, stretch.last);
    // Follow-ups are only ever taken back with their own batch: without one, every follow-up figure stands.
    if (removed.followUps === 0) bulk.noFollowUpsChanged();
    // Customers the batch created too: their month totals must go with their orders.
    bulk.touch(touched);
    bulk.touch(orphans.map((r) => r.customerId));
    bulk.finish(db);
    return result;
  })();
}

/**
 * The batch's order lines went with their orders; a product they brought in goes too unless a live order
 * still has a line of it. Products known before the batch stay: the list is the user's as much as the file's.
 * From the (few) products created since the batch to their lines and each line's order, not from the batch's
 * million orders to their lines.
 */
function productsPricedByBatch(client: Database.Database, batchId: string, batchCreatedAt: string): string[] {
  return client
    .prepare(
      `SELECT p.id FROM products p
       WHERE p.deleted_at IS NULL AND p.updated_at >= @created
         AND EXISTS (SELECT 1 FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = p.id AND o.import_batch_id = @b)`,
    )
    .pluck()
    .all({ b: batchId, created: batchCreatedAt }) as string[];
}

function dropOrphanProducts(client: Database.Database, batchId: string, batchCreatedAt: string, now: string): number {
  return client
    .prepare(
      `UPDATE products SET deleted_at = @now, updated_at = @now
       WHERE deleted_at IS NULL AND created_at >= @created
         AND EXISTS (SELECT 1 FROM order_lines l WHERE l.product_id = products.id AND (SELECT o.import_batch_id FROM orders o WHERE o.id = l.order_id) = @b)
         AND NOT EXISTS (SELECT 1 FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = products.id AND o.deleted_at IS NULL)`,
    )
    .run({ b: batchId, created: batchCreatedAt, now }).changes;
}
