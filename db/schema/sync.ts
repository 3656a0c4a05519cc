import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Team sync (docs/team.md). These tables are this laptop's own bookkeeping and never sync themselves.
 * One row: who this laptop is, the team it replicates with, and the hybrid logical clock it stamps edits with.
 */
export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    /** Random, stable id of this laptop: the tie-break between edits stamped at the same clock. */
    nodeId: text('node_id').notNull(),
    /** This laptop's person (负责人), written on every row it creates or changes. */
    userName: text('user_name'),
    /** The latest hybrid logical clock stamp this laptop issued or saw. */
    hlc: text('hlc').notNull().default(''),
    /** 1 while joined: the triggers enqueue local writes. Cleared inside the transaction that applies incoming documents. */
    enqueue: integer('enqueue').notNull().default(0),
    /** 1 only inside the transaction that applies incoming documents: the identity triggers keep the sender's names. */
    applying: integer('applying').notNull().default(0),
    serverUrl: text('server_url'),
    database: text('database'),
    teamUser: text('team_user'),
    teamPassword: text('team_password'),
    paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
    /** The local replica's change sequence applied to SQLite up to here. */
    appliedSeq: text('applied_seq').notNull().default('0'),
    lastSyncAt: text('last_sync_at'),
    lastErrorKey: text('last_error_key'),
    lastErrorAt: text('last_error_at'),
  },
  (t) => [check('sync_state_single_row', sql`${t.id} = 1`), check('sync_state_enqueue_flag', sql`${t.enqueue} IN (0, 1)`)],
);

/** Documents whose SQLite rows changed since they were last stamped into the local replica. Filled by triggers. */
export const syncOutbox = sqliteTable('sync_outbox', {
  docId: text('doc_id').primaryKey(),
  tableName: text('table_name').notNull(),
  /** The row's local id (a natural-key document names its row by key, but the row is found by id). */
  rowId: text('row_id').notNull(),
  /** When the row last changed (its updated_at where it has one): the wall time its new field stamps start from. */
  changedAt: text('changed_at').notNull(),
});

/**
 * When each synced column of a row last changed here, and the latest clock this laptop had issued or seen then:
 * filled by triggers as a column changes (core/sync/trigger-sql.ts, fieldChangeTriggerSql), read when the row is
 * stamped (core/sync/stamp.ts) and dropped once it is. Each field is stamped with its own change, not the row's
 * latest, so an edit of one field later on does not carry an earlier edit of another past other laptops' edits.
 */
export const syncFieldChanges = sqliteTable(
  'sync_field_changes',
  {
    docId: text('doc_id').notNull(),
    field: text('field').notNull(),
    /** The row's updated_at after the change (where it has one; else SQLite's clock), as the outbox's changed_at. */
    changedAt: text('changed_at').notNull(),
    /** sync_state.hlc when the change was made: the field's stamp is ordered after everything this laptop had seen. */
    seen: text('seen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.docId, t.field] })],
);

/** The stamped document each synced row's SQLite state corresponds to: the base a local edit is diffed against. */
export const syncDocs = sqliteTable('sync_docs', {
  docId: text('doc_id').primaryKey(),
  body: text('body').notNull(),
});

/** Incoming documents whose parent row has not arrived yet; applied as soon as it has. */
export const syncParked = sqliteTable('sync_parked', {
  docId: text('doc_id').primaryKey(),
});

/**
 * Documents the team server refused (its document check, or any per-document write failure): the revision it
 * refused and its reason. Their outbox entries stay until a corrected revision reaches the server.
 */
export const syncRefused = sqliteTable('sync_refused', {
  docId: text('doc_id').primaryKey(),
  /** The replica revision the server refused; a later revision is offered to the server again. */
  rev: text('rev').notNull(),
  reason: text('reason').notNull(),
  refusedAt: text('refused_at').notNull(),
});

/** Same-field edits made on two laptops without seeing each other: the value kept and the one overwritten. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    field: text('field').notNull(),
    keptValue: text('kept_value'),
    overwrittenValue: text('overwritten_value'),
    keptBy: text('kept_by'),
    overwrittenBy: text('overwritten_by'),
    keptAt: text('kept_at').notNull(),
    overwrittenAt: text('overwritten_at').notNull(),
    resolvedAt: text('resolved_at').notNull(),
  },
  (t) => [index('sync_conflicts_resolved').on(t.resolvedAt), index('sync_conflicts_customer').on(t.customerId, t.resolvedAt)],
);

/** Every change of a customer's owner (转移), with both owners, when and by whom; written by a trigger on every path. */
export const customerOwnerChanges = sqliteTable(
  'customer_owner_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: text('customer_id').notNull(),
    fromOwner: text('from_owner'),
    toOwner: text('to_owner'),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by'),
  },
  (t) => [index('customer_owner_changes_customer').on(t.customerId, t.changedAt)],
);
