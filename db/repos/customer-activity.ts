import type { Db } from '../open';
import { activityBackfillSql } from '../activity-sql';
import { LocalDays } from '../../shared/domain/local-days';
import { ActivityColumnsBuilder, activityTable, columnsOf, positionIn, ORDER_DAY_FIELDS, type ActivityColumns, type ActivityTable } from '../../shared/segmentation';
import { inTimedStretches, runSteps, STRETCH_BUDGET_MS, type Steps } from '../../shared/domain/steps';

/**
 * Reads of customer_activity (db/schema/customer-activity.ts): each customer's history in one row, kept
 * by triggers. The follow-ups' local calendar days are worked out here, in the process's time zone, as
 * everywhere else in the app.
 */

/** Adds one row (its two JSON columns) to `builder`, working out each follow-up's instant and local day. */
function addRow(builder: ActivityColumnsBuilder, orders: string, followUps: string, days: LocalDays): void {
  const flat = JSON.parse(followUps) as (string | null)[];
  const count = flat.length / 2;
  const followUpDays = new Array<number>(count);
  const followUpMs = new Array<number>(count);
  for (let f = 0; f < count; f++) {
    const ms = days.msOf(flat[2 * f]!);
    followUpMs[f] = ms;
    // The local calendar day of the instant, in this process's time zone.
    followUpDays[f] = days.dayOf(ms);
  }
  builder.add(JSON.parse(orders) as number[], flat, followUpDays, followUpMs);
}

/**
 * The number of values in one of the rows' flat JSON arrays, counted by its commas (numbers, instants and
 * intents hold none): the columns are sized once from the totals.
 */
function jsonArrayLength(json: string | undefined): number {
  if (json === undefined || json === '[]') return 0;
  let values = 1;
  for (let at = json.indexOf(','); at !== -1; at = json.indexOf(',', at + 1)) values++;
  return values;
}

/** One customer's row as columns of one. */
export function parseActivity(orders: string, followUps: string): ActivityColumns {
  const builder = new ActivityColumnsBuilder();
  addRow(builder, orders, followUps, new LocalDays());
  return builder.build();
}

/**
 * Every row, as a table of columns aligned with `indexOf` (customer id → position, which is id order); customers
 * without a row have no days and no follow-ups. The rows are read in the table's order and their text
 * kept until all are in (a third of the parsed size), then parsed in the customers' order.
 */
export function loadActivities(db: Db, indexOf: ReadonlyMap<string, number>): ActivityTable {
  return runSteps(activitiesInSlices(db, indexOf));
}

/** Rows read per slice in steps: 20–40 ms of work each at 100k customers. */
export const ACTIVITY_ROWS_PER_SLICE = 10_000;

/**
 * Customers parsed per step: half a slice, as parsing allocates most of a full read's garbage and a
 * step's collector pause comes on top of its own work.
 */
const CUSTOMERS_PARSED_PER_STEP = 5_000;

/**
 * loadActivities a slice at a time, yielding between slices (shared/domain/steps.ts): the rows by stretches
 * of rowid, each a query run to its end (no cursor stays open while other calls write in between), then
 * the parsing in the customers' order.
 */
export function* activitiesInSlices(db: Db, indexOf: ReadonlyMap<string, number>, slice = ACTIVITY_ROWS_PER_SLICE, budgetMs = STRETCH_BUDGET_MS): Steps<ActivityTable> {
  const n = indexOf.size;
  const ordersText = new Array<string | undefined>(n).fill(undefined);
  const followUpsText = new Array<string | undefined>(n).fill(undefined);
  const page = db.$client.prepare(`SELECT rowid, customer_id, orders, follow_ups FROM customer_activity WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw();
  let after = Number.MIN_SAFE_INTEGER;
  // The order numbers and follow-ups the texts hold, counted as they come, so the columns are sized once.
  let orderNumbers = 0;
  let followUps = 0;
  // Each stretch is read by an ordinary function: V8 optimises a long loop inside a generator poorly.
  // A stretch ends at `slice` rows, or sooner once its time is up (the first, in a fresh process, read
  // slowly: 124 ms for 10,000 rows once); false when the table is read to its end.
  const readStretch = (): boolean => {
    let read = 0;
    const deadline = performance.now() + budgetMs;
    for (const [rowid, id, orders, followUpsJson] of page.iterate(after, slice) as Iterable<[number, string, string, string]>) {
      after = rowid;
      read++;
      const i = indexOf.get(id);
      if (i !== undefined) {
        ordersText[i] = orders;
        followUpsText[i] = followUpsJson;
        orderNumbers += jsonArrayLength(orders);
        followUps += jsonArrayLength(followUpsJson) / 2;
      }
      // Stopped after this row was taken: the next stretch starts after it.
      if ((read & 255) === 0 && performance.now() > deadline) return true;
    }
    return read === slice;
  };
  while (readStretch()) yield;
  // The last stretch read, the columns sized, and the parsing each take a turn of their own.
  yield;
  const builder = new ActivityColumnsBuilder();
  builder.reserve(orderNumbers, followUps);
  yield;
  const days = new LocalDays();
  yield* inTimedStretches(n, Math.min(slice, CUSTOMERS_PARSED_PER_STEP), (from, to) => {
    for (let i = from; i < to; i++) {
      const orders = ordersText[i];
      if (orders === undefined) builder.addNothing();
      else addRow(builder, orders, followUpsText[i]!, days);
      // Each text is let go as soon as it is parsed.
      ordersText[i] = undefined;
      followUpsText[i] = undefined;
    }
  }, budgetMs);
  return activityTable(builder.build());
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

/** How many rows changed after rev `since`, counted up to `limit` (an index range of at most that many entries). */
export function activityRowsChangedSince(db: Db, since: number, limit: number): number {
  return db.$client.prepare(`SELECT count(*) FROM (SELECT 1 FROM customer_activity WHERE rev > ? LIMIT ?)`).pluck().get(since, limit) as number;
}

/** Rows changed after rev `since` (customers whose orders, follow-ups or tier-relevant fields changed), at most `limit`. */
/** Whether any customer_activity row is as it was at `rev` (its rev at or below it): one seek of the rev index. */
export function hasActivityUpTo(db: Db, rev: number): boolean {
  return db.$client.prepare(`SELECT EXISTS (SELECT 1 FROM customer_activity WHERE rev <= ?)`).pluck().get(rev) === 1;
}

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
  activities: ActivityTable;
  rev: number;
}

const LIVE_ORDERS_SQL = `SELECT a.customer_id, a.orders FROM customer_activity a JOIN customers c ON c.id = a.customer_id
  WHERE c.deleted_at IS NULL AND a.orders <> '[]'`;

/** Customer i's order days in `table`, flat (ORDER_DAY_FIELDS numbers each), without copying. */
function ordersOf(table: ActivityTable, i: number): Float64Array {
  const c = columnsOf(table, i);
  const k = positionIn(table, c, i);
  return c.orders.subarray(c.orderAt[k]! * ORDER_DAY_FIELDS, c.orderAt[k + 1]! * ORDER_DAY_FIELDS);
}

/**
 * The orders arrays of live (not deleted) customers that have one, in id order: what purchase prediction
 * reads. Yielded one at a time from SQLite's cursor, so a caller that folds each array into a few numbers
 * never holds every customer's history at once (at 100k customers that is tens of megabytes). Given rows
 * the tiers parsed and still current (no rev moved since), only the archived customers' rows are read.
 */
export function* liveOrderActivity(db: Db, parsed?: ParsedActivity): Generator<[id: string, orders: ArrayLike<number>]> {
  const rows = (sql: string) => db.$client.prepare(sql).raw().iterate() as Iterable<[string, string]>;
  if (!parsed || parsed.rev !== latestActivityRev(db)) {
    for (const [id, orders] of rows(`${LIVE_ORDERS_SQL} ORDER BY a.customer_id`)) yield [id, JSON.parse(orders) as number[]];
    return;
  }
  // The two id-ordered sequences merged (ids are ASCII, so JavaScript's order is SQLite's binary one).
  const { ids, activities } = parsed;
  let k = 0;
  const knownUpTo = function* (id: string | null): Generator<[string, ArrayLike<number>]> {
    for (; k < ids.length && (id === null || ids[k]! < id); k++) {
      const orders = ordersOf(activities, k);
      if (orders.length > 0) yield [ids[k]!, orders];
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
