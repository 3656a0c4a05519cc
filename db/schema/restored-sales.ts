import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowIdentity } from './columns';
import { customers } from './customers';
import { orders } from './orders';

/**
 * A sale deleted on one laptop while another recorded a return of it, brought back when a laptop applied both
 * (core/sync/settle.ts). It syncs, so that every laptop lists the restore with the customer's conflicts, the
 * one whose user deleted the sale too; its id is made from the sale and the delete, so that laptops bringing
 * back the same sale write one record.
 */
export const restoredSales = sqliteTable('restored_sales', {
  ...rowIdentity,
  orderId: text('order_id')
    .notNull()
    .references(() => orders.id),
  /** The sale's customer when it was brought back. */
  customerId: text('customer_id')
    .notNull()
    .references(() => customers.id),
  /** The delete that was undone: when, and by whom. */
  saleDeletedAt: text('sale_deleted_at').notNull(),
  deletedBy: text('deleted_by'),
  /** The return that stood against the deleted sale: who recorded it, and when. */
  returnedBy: text('returned_by'),
  returnedAt: text('returned_at').notNull(),
});
