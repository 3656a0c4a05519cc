import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowIdentity } from './columns';
import { customers } from './customers';

/**
 * One merge of duplicate customers into the one kept, recorded so it can be undone exactly. The kept
 * customer's columns are stored as they were before and as the merge left them: undoing restores a
 * column only where it still holds the merged value, so an edit made after the merge is not lost.
 */
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    ...rowIdentity,
    keptCustomerId: text('kept_customer_id')
      .notNull()
      .references(() => customers.id),
    /** JSON object: the kept customer's row before the merge (denormalised figures left out: they are recounted). */
    keptBefore: text('kept_before').notNull(),
    /** JSON object: the same columns as the merge wrote them. */
    keptAfter: text('kept_after').notNull(),
    status: text('status', { enum: ['merged', 'undone'] }).notNull().default('merged'),
    undoneAt: text('undone_at'),
  },
  (t) => [
    check('customer_merges_status_valid', sql`${t.status} IN ('merged','undone')`),
    check('customer_merges_undone_consistent', sql`(${t.status} = 'undone') = (${t.undoneAt} IS NOT NULL)`),
    check('customer_merges_kept_before_object', sql`json_valid(${t.keptBefore}) AND json_type(${t.keptBefore}) = 'object'`),
    check('customer_merges_kept_after_object', sql`json_valid(${t.keptAfter}) AND json_type(${t.keptAfter}) = 'object'`),
    index('customer_merges_created').on(t.createdAt),
    index('customer_merges_kept').on(t.keptCustomerId),
  ],
);

/**
 * Every row a merge changed, with what it was: a merged-away customer it soft-deleted (row_table
 * 'customers', from_customer_id = the row itself), or an order, follow-up or contact it moved from
 * from_customer_id to the kept customer. previous_updated_at lets undo give untouched rows back their stamp.
 */
export const customerMergeRows = sqliteTable(
  'customer_merge_rows',
  {
    id: text('id').primaryKey(),
    mergeId: text('merge_id')
      .notNull()
      .references(() => customerMerges.id),
    rowTable: text('row_table', { enum: ['customers', 'orders', 'follow_ups', 'contact_channels'] }).notNull(),
    rowId: text('row_id').notNull(),
    fromCustomerId: text('from_customer_id')
      .notNull()
      .references(() => customers.id),
    previousUpdatedAt: text('previous_updated_at').notNull(),
  },
  (t) => [
    check('customer_merge_rows_table_valid', sql`${t.rowTable} IN ('customers','orders','follow_ups','contact_channels')`),
    index('customer_merge_rows_merge').on(t.mergeId, t.rowTable),
    // Finds the merges that touched a customer, to refuse undoing one that a later merge built on.
    index('customer_merge_rows_from').on(t.fromCustomerId),
  ],
);

/**
 * What the team must know of a merge to settle writes that reach a merged-away customer afterwards (docs/team.md):
 * it syncs, while the journal above stays on the laptop that merged. Row table 'customers': a customer the merge
 * took away (row_id = from_customer_id) into into_customer_id. Any other: an order, follow-up or contact that
 * reached that customer after the merge and was moved on by whichever laptop applied it, under an id made from
 * the merge and the row so that two laptops moving the same row write one record. deleted_at: the merge was
 * undone, so its moves no longer stand. No foreign key to the merge: its journal is on one laptop only.
 */
export const customerMergeMoves = sqliteTable(
  'customer_merge_moves',
  {
    ...rowIdentity,
    mergeId: text('merge_id').notNull(),
    rowTable: text('row_table', { enum: ['customers', 'orders', 'follow_ups', 'contact_channels'] }).notNull(),
    rowId: text('row_id').notNull(),
    fromCustomerId: text('from_customer_id')
      .notNull()
      .references(() => customers.id),
    intoCustomerId: text('into_customer_id')
      .notNull()
      .references(() => customers.id),
    previousUpdatedAt: text('previous_updated_at').notNull(),
  },
  (t) => [
    check('customer_merge_moves_table_valid', sql`${t.rowTable} IN ('customers','orders','follow_ups','contact_channels')`),
    check('customer_merge_moves_customer_is_from', sql`${t.rowTable} <> 'customers' OR ${t.rowId} = ${t.fromCustomerId}`),
    // Where a customer went: the standing move of a merged-away customer is looked up by the customer.
    index('customer_merge_moves_row').on(t.rowId, t.rowTable),
    index('customer_merge_moves_merge').on(t.mergeId),
  ],
);
