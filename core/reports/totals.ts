import type { Db } from '../../db/open';

/**
 * The monthly totals the evaluation report reads (db/schema/report-totals.ts): triggers keep them in
 * step with every write; this file (re)builds them from the raw rows when they cannot be trusted — never
 * built (a database that had orders before the triggers existed), built by an older version of these
 * rules, built under another time zone (a follow-up's month is local), or a trigger missing (a migration
 * that rebuilt a table would drop its triggers).
 */

/** Bump when the totals' meaning or the triggers change: every database then rebuilds once. */
export const REPORT_TOTALS_VERSION = 1;
const TRIGGERS = [
  ...['order', 'follow_up'].flatMap((table) => ['insert', 'update', 'delete'].map((event) => `report_totals_${table}_${event}`)),
  ...['orders', 'follow_ups'].flatMap((source) => ['insert', 'update', 'delete'].map((event) => `report_versions_${source}_${event}`)),
];

/** The month index (core/reports/periods.ts monthIndexOf) of an SQL expression holding 'YYYY-MM…'. */
export const monthOf = (expr: string) => `(CAST(substr(${expr}, 1, 4) AS INTEGER) * 12 + CAST(substr(${expr}, 6, 2) AS INTEGER) - 1)`;

/** The local month of a follow-up: SQLite's 'localtime' follows the process's zone, as JavaScript's Date does. */
export const FOLLOW_UP_MONTH = monthOf(`strftime('%Y-%m', occurred_at, 'localtime')`);

/** The sums of one customer-month, after (month, customer_id), in the columns' order of each table. */
export const ORDER_SUMS = `total(base_amount_minor), sum(kind = 'sale'), sum(kind = 'return'),
    total(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), total(base_cost_minor), count(base_cost_minor), max(CASE WHEN kind = 'sale' THEN order_date END)`;
export const FOLLOW_UP_SUMS = `count(*), total(satisfaction), count(satisfaction), max(occurred_at)`;

/** The same sums the triggers keep, over every live row: the definition the tests hold the triggers to. */
export const ORDER_TOTALS_SELECT = `SELECT ${monthOf('order_date')} AS month, customer_id, ${ORDER_SUMS}
  FROM orders WHERE deleted_at IS NULL GROUP BY customer_id, month`;
export const FOLLOW_UP_TOTALS_SELECT = `SELECT ${FOLLOW_UP_MONTH} AS month, customer_id, ${FOLLOW_UP_SUMS}
  FROM follow_ups WHERE deleted_at IS NULL GROUP BY customer_id, month`;

/** The zone the process runs in (SQLite's 'localtime' and JavaScript's Date both follow it). */
export const currentTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

/** Rebuilds both tables from the raw rows in one transaction and marks them built. */
export function rebuildReportTotals(db: Db, now = new Date().toISOString()): { orderMonths: number; followUpMonths: number } {
  const client = db.$client;
  return client.transaction(() => {
    client.prepare(`DELETE FROM order_month_totals`).run();
    client.prepare(`DELETE FROM follow_up_month_totals`).run();
    const orderMonths = client
      .prepare(`INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale) ${ORDER_TOTALS_SELECT}`)
      .run().changes;
    const followUpMonths = client.prepare(`INSERT INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at) ${FOLLOW_UP_TOTALS_SELECT}`).run().changes;
    markTotalsBuilt(db, now);
    return { orderMonths, followUpMonths };
  })();
}

/** Records the totals as built by this version of their rules, in this process's zone. */
export function markTotalsBuilt(db: Db, now: string): void {
  db.$client
    .prepare(`INSERT INTO report_totals_state (id, version, time_zone, built_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, time_zone = excluded.time_zone, built_at = excluded.built_at`)
    .run(REPORT_TOTALS_VERSION, currentTimeZone(), now);
}

/**
 * A book without a single order or follow-up — a new file, before the demo, an import or its first entry — has
 * its totals right as they are (none), and from its first row on the triggers keep them right, as they do after
 * a rebuild: it is marked built at once. Unmarked, the first report after the book filled up rebuilt totals
 * equal to what the triggers had kept from every row: 24 s at 100k customers (in steps, but the dashboard waits
 * for them). Writes only when it marks, so a file already marked, or holding rows, opens with reads alone.
 */
export function trustTotalsOfEmptyBook(db: Db, now: string): void {
  if (reportTotalsTrusted(db)) return;
  const anyRow = db.$client
    .prepare(`SELECT EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM follow_ups) OR EXISTS (SELECT 1 FROM order_month_totals) OR EXISTS (SELECT 1 FROM follow_up_month_totals)`)
    .pluck()
    .get() as number;
  if (!anyRow && triggersPresent(db)) markTotalsBuilt(db, now);
}

/** Whether the stored totals can be read as they are. */
export function reportTotalsTrusted(db: Db): boolean {
  const state = db.$client.prepare(`SELECT version, time_zone FROM report_totals_state WHERE id = 1`).raw().get() as [number, string] | undefined;
  if (!state || state[0] !== REPORT_TOTALS_VERSION || state[1] !== currentTimeZone()) return false;
  return triggersPresent(db);
}

/** Whether every trigger that keeps the totals is there (a migration that rebuilt a table would drop its triggers). */
function triggersPresent(db: Db): boolean {
  const triggers = db.$client.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => '?').join(', ')})`).pluck().get(...TRIGGERS) as number;
  return triggers === TRIGGERS.length;
}

/** The counter of a source's month (db/schema/report-totals.ts reportMonthVersions); 0 before any change. */
export function monthVersions(db: Db, source: 'orders' | 'follow_ups', firstMonth: number, lastMonth: number): Map<number, number> {
  const rows = db.$client.prepare(`SELECT month, version FROM report_month_versions WHERE source = ? AND month BETWEEN ? AND ?`).raw().all(source, firstMonth, lastMonth) as [number, number][];
  return new Map(rows);
}

/** The tier history's counter: moves with every write to segment_assignments. */
export const historyVersion = (db: Db): number =>
  (db.$client.prepare(`SELECT version FROM report_month_versions WHERE source = 'segments' AND month = 0`).pluck().get() as number | undefined) ?? 0;

/** Before a report reads the totals: rebuilds them when they cannot be trusted (once per database, zone or version). */
export function ensureReportTotals(db: Db): void {
  if (!reportTotalsTrusted(db)) rebuildReportTotals(db);
}
