/**
 * Which SQLite rows become replication documents, and how (docs/team.md). Tiers, predictions, reports,
 * import bookkeeping and merge journals are never here: each laptop recomputes or keeps them itself.
 *
 * The trigger migration (0015_team_sync_triggers.sql) was generated from this list by
 * scripts/sync-triggers.mjs; a test checks every table here has its triggers and every column is known.
 */
export interface SyncedTable {
  table: string;
  /** Columns that travel, by SQL name (the row's key columns included). */
  columns: readonly string[];
  /** How the document is named: by the row's UUID, or by a natural key every laptop agrees on. */
  key: 'id' | readonly string[];
  /**
   * A unique index two laptops can both fill offline. The row with the smaller id stays; the other is
   * retired (soft-deleted) or renumbered, the same way on every laptop, and that change syncs too.
   */
  unique?: { columns: readonly string[]; resolve: 'retire' | 'renumber' };
  /**
   * Columns each laptop derives from the travelling ones instead of receiving them (an order number's comparison
   * key: how numbers compare could change with an app version, what was typed cannot): written with every applied
   * row, from the columns the document brings, and never put in a document.
   */
  derive?: (values: Readonly<Record<string, unknown>>) => Record<string, string | number | null>;
  /** The customer whose derived figures and search text depend on this row. */
  customerColumn?: 'id' | 'customer_id';
  /**
   * The migration that made a table synced after the first ones, holding its triggers (addedSyncTriggerSql); the
   * first tables' triggers are in 0015_team_sync_triggers.sql (syncTriggerSql).
   */
  triggersIn?: string;
  /**
   * The first version of the server's document check (core/sync/server/doc-rules.ts) that knows this table; 1 when
   * absent. A server whose check is older would refuse its documents, so they wait here (core/sync/waiting-tables.ts).
   */
  rulesVersion?: number;
  /**
   * Rows are deleted outright (an order's lines no longer named when the order is edited): the delete travels as the
   * document's deletion (trigger in ORDER_LINES_DELETE_TRIGGERS); one made outside a team is sent when the laptop joins
   * (membership.ts).
   */
  hardDeletes?: boolean;
  /**
   * The columns the first trigger migration (0015) listed, when they changed since: that migration keeps its text, and
   * the migration named by retriggeredIn replaces the table's update triggers with ones over `columns`.
   */
  firstColumns?: readonly string[];
  retriggeredIn?: string;
  /**
   * Columns that travelled with an earlier release and are derived here now (an order's unpaid amount): never applied
   * from a document and left out of the documents this laptop writes (an older release's writes are read by
   * core/sync/order-terms.ts).
   */
  retired?: readonly string[];
}

/** The migration whose trigger sends the deletion of an order's replaced lines (addedDeleteTriggerSql). */
export const ORDER_LINES_DELETE_TRIGGERS = '0039_order_lines_delete_synced';

/**
 * The migration that made payments rows of their own (order_payments) and an order's unpaid amount derived from its
 * terms less them (docs/team.md, Payments).
 */
export const ORDER_PAYMENTS_TRIGGERS = '0041_order_payments_derived';

/**
 * The migration whose triggers record when each synced column of a row changed (fieldChangeTriggerSql), so each field
 * is stamped with its own change (core/sync/stamp.ts).
 */
export const FIELD_CHANGE_TRIGGERS = '0045_sync_field_changes_triggers';

/** The migration that made the records of settlements shared by the team synced (docs/team.md, Joining). */
export const SETTLEMENTS_TRIGGERS = '0035_team_settlements_shared_triggers';

import { orderNumberKey } from '../../shared/domain/order-number';
import { provisionalUnpaid } from '../../db/order-unpaid-sql';

const identity = ['id', 'created_at', 'updated_at', 'deleted_at'] as const;

export const SYNCED_TABLES: readonly SyncedTable[] = [
  {
    table: 'customers',
    columns: [...identity, 'name', 'company', 'type', 'industry', 'country', 'region', 'city', 'locality', 'locality_manual', 'size_band', 'income_band', 'needs', 'tags', 'owner', 'source', 'manual_level', 'notes', 'archived_at', 'code', 'created_by', 'updated_by'],
    key: 'id',
    customerColumn: 'id',
  },
  {
    table: 'contact_channels',
    columns: [...identity, 'customer_id', 'kind', 'value', 'label'],
    key: 'id',
    unique: { columns: ['customer_id', 'kind', 'value'], resolve: 'retire' },
    customerColumn: 'customer_id',
  },
  { table: 'products', columns: [...identity, 'identity_key', 'sku', 'name', 'search_text', 'last_unit_price_minor', 'last_currency', 'last_sold_on'], key: 'id', unique: { columns: ['identity_key'], resolve: 'retire' } },
  {
    table: 'orders',
    columns: [...identity, 'customer_id', 'order_date', 'amount_minor', 'currency', 'fx_rate', 'base_currency', 'base_amount_minor', 'note', 'order_number', 'kind', 'return_of_order_id', 'cost_minor', 'base_cost_minor', 'terms_unpaid_minor', 'terms_base_unpaid_minor', 'terms_set_at', 'payment_due_date', 'created_by', 'updated_by'],
    firstColumns: [...identity, 'customer_id', 'order_date', 'amount_minor', 'currency', 'fx_rate', 'base_currency', 'base_amount_minor', 'note', 'order_number', 'kind', 'return_of_order_id', 'cost_minor', 'base_cost_minor', 'unpaid_minor', 'base_unpaid_minor', 'payment_due_date', 'created_by', 'updated_by'],
    retriggeredIn: ORDER_PAYMENTS_TRIGGERS,
    // What is owed is derived on each laptop from the terms less the payments; a server whose check does not know the
    // terms would refuse every order, so orders wait for it as new tables do (waiting-tables.ts).
    retired: ['unpaid_minor', 'base_unpaid_minor'],
    rulesVersion: 3,
    key: 'id',
    // Two numbers are one when their keys are (INV-1 and inv-1 typed on two laptops offline collide).
    unique: { columns: ['order_number_key'], resolve: 'renumber' },
    derive: (v) => ({
      ...('order_number' in v ? { order_number_key: typeof v.order_number === 'string' ? orderNumberKey(v.order_number) : null } : {}),
      // What is owed, as the terms alone set it; the triggers of db/order-unpaid-sql.ts then subtract the payments.
      ...('terms_unpaid_minor' in v ? provisionalUnpaid({ kind: v.kind, amount_minor: v.amount_minor, terms_unpaid_minor: v.terms_unpaid_minor, terms_base_unpaid_minor: v.terms_base_unpaid_minor }) : {}),
    }),
    customerColumn: 'customer_id',
  },
  { table: 'order_lines', columns: ['id', 'order_id', 'position', 'product_id', 'sku', 'name', 'quantity', 'unit_price_minor', 'amount_minor', 'cost_minor'], key: 'id', hardDeletes: true },
  {
    table: 'order_payments',
    columns: [...identity, 'order_id', 'amount_minor', 'paid_on', 'recorded_by', 'closed_at'],
    key: 'id',
    triggersIn: ORDER_PAYMENTS_TRIGGERS,
    rulesVersion: 3,
  },
  {
    table: 'follow_ups',
    columns: [...identity, 'customer_id', 'occurred_at', 'channel', 'content', 'outcome', 'intent', 'satisfaction', 'next_contact_date', 'next_contact_time', 'done', 'answered_by', 'created_by', 'updated_by'],
    key: 'id',
    customerColumn: 'customer_id',
  },
  { table: 'fx_rates', columns: [...identity, 'currency', 'rate_date', 'rate'], key: 'id', unique: { columns: ['currency', 'rate_date'], resolve: 'retire' } },
  { table: 'custom_segments', columns: [...identity, 'name', 'rule'], key: 'id' },
  // Every laptop ships default policies under its own ids: the scheme and class name the document instead.
  { table: 'service_policies', columns: ['created_at', 'updated_at', 'deleted_at', 'scheme', 'class_key', 'cadence_days', 'priority', 'notes', 'next_action', 'responsible'], key: ['scheme', 'class_key'] },
  // The team's shared settings; language, reminders and onboarding stay per laptop, and so does the base
  // currency (orders lock their rate to it; docs/team.md says every laptop of a team uses the same one).
  { table: 'settings', columns: ['id', 'business_name', 'home_country', 'home_region', 'sources', 'clv_discount_percent', 'clv_horizon_months', 'updated_at'], key: ['id'] },
  { table: 'segmentation_settings', columns: ['id', 'overrides', 'updated_at'], key: ['id'] },
  // What the team must know to settle what two laptops wrote offline (core/sync/settle.ts): where merged-away
  // customers went and the rows moved on after them, and the sales brought back because a return stood against them.
  {
    table: 'customer_merge_moves',
    columns: [...identity, 'merge_id', 'row_table', 'row_id', 'from_customer_id', 'into_customer_id', 'previous_updated_at'],
    key: 'id',
    triggersIn: SETTLEMENTS_TRIGGERS,
    rulesVersion: 2,
  },
  {
    table: 'restored_sales',
    columns: [...identity, 'order_id', 'customer_id', 'sale_deleted_at', 'deleted_by', 'returned_by', 'returned_at'],
    key: 'id',
    triggersIn: SETTLEMENTS_TRIGGERS,
    rulesVersion: 2,
  },
];

const byName = new Map(SYNCED_TABLES.map((t) => [t.table, t]));

export function syncedTable(name: string): SyncedTable | undefined {
  return byName.get(name);
}

/** Parents first, so one batch can carry a customer and its follow-ups. */
export const APPLY_ORDER: ReadonlyMap<string, number> = new Map(SYNCED_TABLES.map((t, i) => [t.table, i]));

/** The document id of a row: `<table>:<uuid>` or `<table>:<key>:<key>`. The trigger SQL builds the same string. */
export function docIdOf(spec: SyncedTable, row: Record<string, unknown>): string {
  return spec.key === 'id' ? `${spec.table}:${String(row.id)}` : `${spec.table}:${spec.key.map((c) => String(row[c])).join(':')}`;
}

export function tableOfDocId(docId: string): SyncedTable | undefined {
  const at = docId.indexOf(':');
  return at > 0 ? byName.get(docId.slice(0, at)) : undefined;
}

/** SQL expression of the document id over NEW./OLD. rows, as docIdOf builds it. */
export function docIdSql(spec: SyncedTable, alias: 'NEW' | 'OLD'): string {
  const keys = spec.key === 'id' ? ['id'] : spec.key;
  return [`'${spec.table}:'`, ...keys.flatMap((c, i) => (i === 0 ? [`${alias}.${c}`] : [`':'`, `${alias}.${c}`]))].join(' || ');
}
