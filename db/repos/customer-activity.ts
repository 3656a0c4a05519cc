import type { Db } from '../open';
import { activityBackfillSql } from '../activity-sql';
import { dayNumberOfCivil, type CustomerActivity } from '../../shared/segmentation';

/**
 * Reads of customer_activity (db/schema/customer-activity.ts): each customer's history in one row, kept
 * by triggers. The follow-ups' local calendar days are worked out here, in the process's time zone, as
 * everywhere else in the app.
 */

export function parseActivity(orders: string, followUps: string): CustomerActivity {
  const flat = JSON.parse(followUps) as (string | null)[];
  const count = flat.length / 2;
  const followUpDays = new Array<number>(count);
  const followUpMs = new Array<number>(count);
  for (let f = 0; f < count; f++) {
    const moment = new Date(flat[2 * f]!);
    followUpMs[f] = moment.getTime();
    // The local calendar day of the instant, in this process's time zone.
    followUpDays[f] = dayNumberOfCivil(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
    // Only an intent's instant is shown (as the latest intent's source): the others need not be kept.
    if (flat[2 * f + 1] === null) flat[2 * f] = null;
  }
  return { orders: JSON.parse(orders) as number[], followUps: flat, followUpDays, followUpMs };
}

/** Every row, aligned with `indexOf` (customer id → position); customers without a row get undefined. */
export function loadActivities(db: Db, indexOf: ReadonlyMap<string, number>): (CustomerActivity | undefined)[] {
  const activities = new Array<CustomerActivity | undefined>(indexOf.size).fill(undefined);
  const rows = db.$client.prepare(`SELECT customer_id, orders, follow_ups FROM customer_activity`).raw().iterate() as Iterable<[string, string, string]>;
  for (const [id, orders, followUps] of rows) {
    const i = indexOf.get(id);
    if (i !== undefined) activities[i] = parseActivity(orders, followUps);
  }
  return activities;
}

export interface ActivityRow {
  customerId: string;
  orders: string;
  followUps: string;
  rev: number;
}

/** The highest rev: everything up to it has been read by whoever holds it. */
export function latestActivityRev(db: Db): number {
  return (db.$client.prepare(`SELECT coalesce(max(rev), 0) FROM customer_activity`).pluck().get() as number) ?? 0;
}

/** Rows changed after rev `since` (customers whose orders, follow-ups or tier-relevant fields changed), at most `limit`. */
export function activityRowsSince(db: Db, since: number, limit: number): ActivityRow[] {
  return db.$client
    .prepare(`SELECT customer_id AS customerId, orders, follow_ups AS followUps, rev FROM customer_activity WHERE rev > ? ORDER BY rev LIMIT ?`)
    .all(since, limit) as ActivityRow[];
}

/**
 * Activity rows already read and parsed (by the tiers: core/segmentation/loaded.ts), for the live,
 * unarchived customers in id order, current up to `rev`.
 */
export interface ParsedActivity {
  ids: readonly string[];
  activities: readonly (CustomerActivity | undefined)[];
  rev: number;
}

const LIVE_ORDERS_SQL = `SELECT a.customer_id, a.orders FROM customer_activity a JOIN customers c ON c.id = a.customer_id
  WHERE c.deleted_at IS NULL AND a.orders <> '[]'`;

/**
 * The orders arrays of live (not deleted) customers that have one, in id order: what purchase prediction
 * reads. Yielded one at a time from SQLite's cursor, so a caller that folds each array into a few numbers
 * never holds every customer's history at once (at 100k customers that is tens of megabytes). Given rows
 * the tiers parsed and still current (no rev moved since), only the archived customers' rows are read.
 */
export function* liveOrderActivity(db: Db, parsed?: ParsedActivity): Generator<[id: string, orders: readonly number[]]> {
  const rows = (sql: string) => db.$client.prepare(sql).raw().iterate() as Iterable<[string, string]>;
  if (!parsed || parsed.rev !== latestActivityRev(db)) {
    for (const [id, orders] of rows(`${LIVE_ORDERS_SQL} ORDER BY a.customer_id`)) yield [id, JSON.parse(orders) as number[]];
    return;
  }
  // The two id-ordered sequences merged (ids are ASCII, so JavaScript's order is SQLite's binary one).
  const { ids, activities } = parsed;
  let k = 0;
  const knownUpTo = function* (id: string | null): Generator<[string, readonly number[]]> {
    for (; k < ids.length && (id === null || ids[k]! < id); k++) {
      const orders = activities[k]?.orders;
      if (orders && orders.length > 0) yield [ids[k]!, orders];
    }
  };
  for (const [id, orders] of rows(`${LIVE_ORDERS_SQL} AND c.archived_at IS NOT NULL ORDER BY a.customer_id`)) {
    yield* knownUpTo(id);
    yield [id, JSON.parse(orders) as number[]];
  }
  yield* knownUpTo(null);
}

/** Each row's content (orders and follow-ups, not rev) by customer, for comparing before and after a rebuild. */
export function activitySnapshot(db: Db): Map<string, string> {
  const rows = db.$client.prepare(`SELECT customer_id, orders || '|' || follow_ups FROM customer_activity WHERE orders <> '[]' OR follow_ups <> '[]'`).raw().all() as [string, string][];
  return new Map(rows);
}

/** Rebuilds every row from the raw orders and follow-ups (`tierbook repair`); returns how many rows were written. */
export function rebuildCustomerActivity(db: Db): number {
  return db.transaction(() => {
    // Above every rev handed out so far, so whoever keeps the rows in memory reads them all again.
    const above = latestActivityRev(db);
    db.$client.prepare(`DELETE FROM customer_activity`).run();
    const written = db.$client.prepare(activityBackfillSql()).run().changes;
    db.$client.prepare(`UPDATE customer_activity SET rev = rev + ?`).run(above);
    return written;
  });
}
