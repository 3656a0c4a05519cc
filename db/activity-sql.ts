/**
 * The SQL that folds one customer's live orders and follow-ups into their customer_activity row
 * (db/schema/customer-activity.ts describes the format). One source for the triggers
 * (db/migrations/0022_customer_activity_triggers.sql is printed by scripts/activity-triggers.ts) and for
 * the rebuild in db/repos/customer-activity.ts and the bulk writer's refresh (db/repos/bulk-write.ts), so
 * they cannot drift.
 */

/**
 * While a bulk writer (an import, its undo) holds bulk_write.active, the order and follow-up triggers stand
 * aside and it rebuilds the rows of the customers it touched before it commits. "IS NOT 1": should the flag
 * row ever be missing, the triggers keep working.
 */
export const NOT_BULK = `(SELECT active FROM bulk_write WHERE id = 1) IS NOT 1`;

/** Day number of a 'YYYY-MM-DD' column: julianday of a date is a whole day + .5, so the cast is exact. */
export const dayNumberOf = (column: string) => `CAST(julianday(${column}) - 2440587.5 AS INTEGER)`;

/**
 * Rows of the orders table a reader may pass over without reading them: a stretch of rowids every order of
 * which is known to be deleted (an undone import's), given as two SQL expressions. The customer index holds
 * the rowid, so the test costs no seek into the table; nothing to skip is 0 and -1.
 */
export interface SkippedOrders {
  first: string;
  last: string;
}

/** The orders array of the customer whose id is the SQL expression `customerId`. */
export function ordersDigestSql(customerId: string): string {
  return `(SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT ${dayNumberOf('order_date')} AS day,
        ${dayNumberOf('order_date')} || ',' || sum(kind = 'sale') || ',' || coalesce(sum(CASE WHEN kind = 'sale' THEN base_amount_minor END), 0) || ',' ||
        coalesce(sum(CASE WHEN kind = 'return' THEN base_amount_minor END), 0) || ',' || coalesce(sum(base_cost_minor), 0) || ',' || count(base_cost_minor) AS entry
      FROM orders WHERE customer_id = ${customerId} AND deleted_at IS NULL GROUP BY order_date))`;
}

/** The follow-ups array of the customer whose id is the SQL expression `customerId`. */
export function followUpsDigestSql(customerId: string): string {
  return `(SELECT '[' || coalesce(group_concat(json_quote(occurred_at) || ',' || json_quote(intent), ',' ORDER BY occurred_at, id), '') || ']'
      FROM follow_ups WHERE customer_id = ${customerId} AND deleted_at IS NULL)`;
}

/** The next value of customer_activity.rev (the index makes max() one lookup). */
export const NEXT_ACTIVITY_REV = `(SELECT coalesce(max(rev), 0) + 1 FROM customer_activity)`;

// INSERT … SELECT with an upsert needs a WHERE clause, or SQLite would read ON CONFLICT as a join's ON.
function refresh(column: 'orders' | 'follow_ups', customerId: string, when = ' WHERE true'): string {
  const digest = column === 'orders' ? ordersDigestSql(customerId) : followUpsDigestSql(customerId);
  return `  INSERT INTO customer_activity (customer_id, ${column}, rev) SELECT ${customerId}, ${digest}, ${NEXT_ACTIVITY_REV}${when}
    ON CONFLICT (customer_id) DO UPDATE SET ${column} = excluded.${column}, rev = excluded.rev;`;
}

function triggersOf(table: 'orders' | 'follow_ups', column: 'orders' | 'follow_ups', watched: readonly string[]): string[] {
  const changed = watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return [
    `CREATE TRIGGER customer_activity_${table}_insert AFTER INSERT ON ${table} WHEN NEW.deleted_at IS NULL AND ${NOT_BULK} BEGIN\n${refresh(column, 'NEW.customer_id')}\nEND;`,
    `CREATE TRIGGER customer_activity_${table}_update AFTER UPDATE OF ${watched.join(', ')} ON ${table}\n  WHEN (${changed}) AND ${NOT_BULK} BEGIN\n${refresh(column, 'OLD.customer_id')}\n${refresh(column, 'NEW.customer_id', ' WHERE NEW.customer_id IS NOT OLD.customer_id')}\nEND;`,
    `CREATE TRIGGER customer_activity_${table}_delete AFTER DELETE ON ${table} WHEN OLD.deleted_at IS NULL AND ${NOT_BULK} BEGIN\n${refresh(column, 'OLD.customer_id')}\nEND;`,
  ];
}

/** What of a customer the tiers and the lists read (db/repos/segmentation.ts loadSegmentCustomers), and whether they are in the population. */
export const SEGMENT_CUSTOMER_COLUMNS = [
  'name', 'company', 'code', 'created_at', 'type', 'industry', 'country', 'region', 'city', 'locality', 'size_band', 'income_band',
  'needs', 'tags', 'owner', 'source', 'manual_level', 'search_text', 'sort_name', 'deleted_at', 'archived_at',
] as const;

/**
 * A customer's row also moves its rev when the customer is added or anything the tiers read of them
 * changes, so a reader that kept the population in memory sees exactly which customers to read again.
 */
function customerTriggers(): string[] {
  const bump = (id: string) => `  INSERT INTO customer_activity (customer_id, rev) VALUES (${id}, ${NEXT_ACTIVITY_REV})
    ON CONFLICT (customer_id) DO UPDATE SET rev = excluded.rev;`;
  const changed = SEGMENT_CUSTOMER_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return [
    `CREATE TRIGGER customer_activity_customers_insert AFTER INSERT ON customers BEGIN\n${bump('NEW.id')}\nEND;`,
    `CREATE TRIGGER customer_activity_customers_update AFTER UPDATE OF ${SEGMENT_CUSTOMER_COLUMNS.join(', ')} ON customers\n  WHEN ${changed} BEGIN\n${bump('NEW.id')}\nEND;`,
  ];
}

/** Builds every row from the raw tables (the migration's first fill; the repair command does the same). */
export function activityBackfillSql(): string {
  return `INSERT INTO customer_activity (customer_id, orders, follow_ups, rev)
  SELECT src.cid, ${ordersDigestSql('src.cid')}, ${followUpsDigestSql('src.cid')}, 1 FROM (SELECT customer_id AS cid FROM orders UNION SELECT customer_id FROM follow_ups) AS src`;
}

export function activityTriggerSql(): string {
  const statements = [
    ...triggersOf('orders', 'orders', ['customer_id', 'order_date', 'deleted_at', 'base_amount_minor', 'base_cost_minor', 'kind']),
    ...triggersOf('follow_ups', 'follow_ups', ['customer_id', 'occurred_at', 'deleted_at', 'intent']),
    ...customerTriggers(),
    `${activityBackfillSql()};`,
  ];
  return `-- Keeps customer_activity (db/schema/customer-activity.ts) equal to each customer's live orders and follow-ups,\n-- inside the writing transaction. Printed by scripts/activity-triggers.ts from db/activity-sql.ts.\n${statements.join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * The bulk writer's refresh of the customers in `customerIds` (an SQL list: a subquery or a table): their rows'
 * orders set to `ordersDigest` (an SQL expression of `src.cid`, the customer; ordersDigestSql or one from sums the
 * writer read already) and their follow-ups rebuilt from the raw rows, all at the next rev. `ordersOnly`: the write
 * changed no follow-up, so a row's follow-ups stay as they are (a customer without a row yet gets theirs read).
 */
export function activityRefreshSql(customerIds: string, ordersDigest: string, options: { ordersOnly?: boolean } = {}): string {
  const followUps = options.ordersOnly
    ? `coalesce((SELECT follow_ups FROM customer_activity WHERE customer_id = src.cid), ${followUpsDigestSql('src.cid')})`
    : followUpsDigestSql('src.cid');
  const kept = options.ordersOnly ? '' : ', follow_ups = excluded.follow_ups';
  return `INSERT INTO customer_activity (customer_id, orders, follow_ups, rev)
  SELECT src.cid, ${ordersDigest}, ${followUps}, ${NEXT_ACTIVITY_REV} FROM (SELECT DISTINCT id AS cid FROM (${customerIds})) AS src WHERE true
  ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders${kept}, rev = excluded.rev`;
}

/**
 * The orders array of `customerId` (an SQL expression) from a table of its days' sums (columns order_date, sales,
 * sale_revenue, return_revenue, cost, costed, one row per date): the same text ordersDigestSql makes from the orders.
 */
export function ordersDigestFromDaysSql(daysTable: string, customerId: string): string {
  return `(SELECT '[' || coalesce(group_concat(entry, ',' ORDER BY day), '') || ']' FROM (
      SELECT ${dayNumberOf('order_date')} AS day,
        ${dayNumberOf('order_date')} || ',' || sales || ',' || sale_revenue || ',' || return_revenue || ',' || cost || ',' || costed AS entry
      FROM ${daysTable} WHERE customer_id = ${customerId}))`;
}
