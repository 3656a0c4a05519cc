import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowIdentity } from './columns';
import { customers } from './customers';

/**
 * One import of one file. Rows it created carry its id (customers, orders, follow_ups.import_batch_id),
 * and customers it updated keep their previous values in import_batch_changes, so the whole batch can
 * be undone later. A batch row exists only once its transaction committed: a cancelled or crashed
 * import leaves no trace at all.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    ...rowIdentity,
    kind: text('kind', { enum: ['customers', 'orders', 'followups'] }).notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    /** Null for .xlsx, which has no text encoding or delimiter. */
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    onError: text('on_error', { enum: ['abort', 'skip'] }).notNull(),
    rowsTotal: integer('rows_total').notNull().default(0),
    added: integer('added').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Customers created on the way, for orders and follow-ups whose customer was unknown. */
    customersCreated: integer('customers_created').notNull().default(0),
    status: text('status', { enum: ['committed', 'undone'] }).notNull().default('committed'),
    undoneAt: text('undone_at'),
  },
  (t) => [
    check('import_batches_kind_valid', sql`${t.kind} IN ('customers','orders','followups')`),
    check('import_batches_format_valid', sql`${t.format} IN ('csv','xlsx')`),
    check('import_batches_on_error_valid', sql`${t.onError} IN ('abort','skip')`),
    check('import_batches_status_valid', sql`${t.status} IN ('committed','undone')`),
    check('import_batches_undone_consistent', sql`(${t.status} = 'undone') = (${t.undoneAt} IS NOT NULL)`),
    check(
      'import_batches_counts_non_negative',
      sql`${t.rowsTotal} >= 0 AND ${t.added} >= 0 AND ${t.updated} >= 0 AND ${t.skipped} >= 0 AND ${t.rejected} >= 0 AND ${t.customersCreated} >= 0`,
    ),
    index('import_batches_created').on(t.createdAt),
  ],
);

/**
 * A customer's values before a batch updated it, and after (as the batch left them): the whole row's profile
 * plus its live contacts, as JSON. Undo puts back only what the batch changed and nothing changed since;
 * `after` is null for batches imported before it was kept (their undo puts the whole `before` back).
 */
export const importBatchChanges = sqliteTable(
  'import_batch_changes',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => importBatches.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    before: text('before').notNull(),
    after: text('after'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    check('import_batch_changes_before_object', sql`json_valid(${t.before}) AND json_type(${t.before}) = 'object'`),
    check('import_batch_changes_after_object', sql`${t.after} IS NULL OR (json_valid(${t.after}) AND json_type(${t.after}) = 'object')`),
    // One snapshot per customer and batch: the first, i.e. the state before the batch touched it.
    uniqueIndex('import_batch_changes_batch_customer').on(t.batchId, t.customerId),
  ],
);

/** The mapping the user confirmed for a header row, offered again for files with the same headers. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    kind: text('kind', { enum: ['customers', 'orders', 'followups'] }).notNull(),
    signature: text('signature').notNull(),
    /** SavedMapping: folded header → field (or null: not imported). */
    mapping: text('mapping').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('import_mappings_kind_valid', sql`${t.kind} IN ('customers','orders','followups')`),
    check('import_mappings_mapping_object', sql`json_valid(${t.mapping}) AND json_type(${t.mapping}) = 'object'`),
    uniqueIndex('import_mappings_kind_signature').on(t.kind, t.signature),
  ],
);
