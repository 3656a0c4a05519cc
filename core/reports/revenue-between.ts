import type { Db } from '../../db/open';
import { addDays } from '../../shared/domain/dates';
import { inTimedStretches, turnsEvery, type Steps } from '../../shared/domain/steps';
import { orderMonthList, warmMonthInSteps } from './activity';
import { timelineIndexes } from './evaluation-walk';
import { firstDayOfMonth, monthIndexOf, periodOf } from './periods';
import type { TierTimeline } from './timeline';
import { monthVersions } from './totals';

/**
 * Orders of a part-month read per turn, by the date index: a month's ~30k orders summed in one statement
 * took 55-80 ms at 100k customers, a slice of 5,000 takes 10-25.
 */
export const PART_MONTH_ROWS_PER_STEP = 5_000;

/** How long the whole months' sums run before other calls get a turn. */
const TURN_MS = 20;

/** Rows of the whole months added per stretch between two looks at the clock (inTimedStretches). */
const MONTH_ROWS_PER_STRETCH = 20_000;

/**
 * Net revenue (returns subtract) of the orders dated from…to, per customer of `timeline`: revenue[k] for the
 * customer at index k, for the customers that ever had a class (no cell of a migration holds the others).
 * The whole months come from the monthly totals the evaluation keeps in memory (core/reports/activity.ts),
 * read a slice per turn when they are not kept yet; the part-months at either end from the orders, a slice
 * per turn. Summing a year of raw orders in one statement took ~0.3 s at 100k customers.
 */
export function* revenueBetweenInSteps(db: Db, timeline: TierTimeline, from: string, to: string, rowsPerStep = PART_MONTH_ROWS_PER_STEP): Steps<Float64Array> {
  const revenue = new Float64Array(timeline.classifiedCount);
  const fromWhole = from.endsWith('-01');
  const toWhole = to === periodOf(to, 'month').end;
  const firstWhole = monthIndexOf(from) + (fromWhole ? 0 : 1);
  const lastWhole = monthIndexOf(to) - (toWhole ? 0 : 1);
  if (lastWhole < firstWhole) {
    yield* ordersBetweenInSteps(db, timeline, from, to, revenue, rowsPerStep);
    return revenue;
  }
  if (!fromWhole) yield* ordersBetweenInSteps(db, timeline, from, addDays(firstDayOfMonth(firstWhole), -1), revenue, rowsPerStep);
  const turnIfLong = turnsEvery(TURN_MS);
  for (let month = firstWhole; month <= lastWhole; month++) {
    yield* warmMonthInSteps(db, 'orders', month);
    yield* turnIfLong();
  }
  // Kept and current now (a month written to since it was warmed is read again here, as the evaluation does).
  const { customerIds, months } = orderMonthList(db, firstWhole, lastWhole);
  const at = timelineIndexes(timeline, customerIds);
  for (const month of months) {
    yield* inTimedStretches(month.length, MONTH_ROWS_PER_STRETCH, (a, b) => {
      for (let r = a; r < b; r++) {
        const k = at[month.customer[r]!]!;
        if (k < revenue.length) revenue[k]! += month.revenue[r]!;
      }
    });
    yield* turnIfLong();
  }
  if (!toWhole) yield* ordersBetweenInSteps(db, timeline, firstDayOfMonth(lastWhole + 1), to, revenue, rowsPerStep);
  return revenue;
}

const SLICE_SQL = `SELECT rowid, order_date, customer_id, base_amount_minor FROM orders
  WHERE order_date <= @end AND (order_date, rowid) > (@date, @rowid) AND deleted_at IS NULL ORDER BY order_date, rowid LIMIT @limit`;
const WHOLE_SQL = `SELECT customer_id, sum(base_amount_minor) FROM orders WHERE order_date BETWEEN ? AND ? AND deleted_at IS NULL GROUP BY customer_id`;

/**
 * Adds the orders dated start…end (within two months) to `revenue`: read a slice per turn, by keyset seeks
 * `(order_date, rowid) > (…)` in the date index. The months' counters (moved by every write of an order
 * dated in them) are read before the first slice and after the last; a write in between makes it read
 * again, and after two such tries in one statement, which no write can land in.
 */
function* ordersBetweenInSteps(db: Db, timeline: TierTimeline, start: string, end: string, revenue: Float64Array, rowsPerStep: number): Steps<void> {
  const client = db.$client;
  const [firstMonth, lastMonth] = [monthIndexOf(start), monthIndexOf(end)];
  const counters = () => {
    const versions = monthVersions(db, 'orders', firstMonth, lastMonth);
    const out: number[] = [];
    for (let m = firstMonth; m <= lastMonth; m++) out.push(versions.get(m) ?? 0);
    return out.join(',');
  };
  const slice = client.prepare(SLICE_SQL).raw();
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = counters();
    const sums = new Map<string, number>();
    let position: { date: string; rowid: number } = { date: start, rowid: Number.MIN_SAFE_INTEGER };
    for (;;) {
      // The first slice starts at `start` itself: every date before it compares lower than (start, MIN).
      const rows = slice.all({ end, date: position.date, rowid: position.rowid, limit: rowsPerStep }) as [number, string, string, number][];
      for (const [, , customerId, minor] of rows) sums.set(customerId, (sums.get(customerId) ?? 0) + minor);
      if (rows.length < rowsPerStep) break;
      const last = rows[rows.length - 1]!;
      position = { date: last[1], rowid: last[0] };
      yield;
    }
    if (counters() === before) return addSums(timeline, sums, revenue);
    yield;
  }
  const rows = client.prepare(WHOLE_SQL).raw().all(start, end) as [string, number][];
  addSums(timeline, new Map(rows), revenue);
}

function addSums(timeline: TierTimeline, sums: ReadonlyMap<string, number>, revenue: Float64Array): void {
  for (const [customerId, minor] of sums) {
    const k = timeline.positionOf(customerId);
    if (k >= 0 && k < revenue.length) revenue[k]! += minor;
  }
}
