import type { Db } from '../../db/open';
import { addDays } from '../../shared/domain/dates';
import type { Period } from './periods';

/**
 * Orders and follow-ups summed per customer and period in SQL, so JavaScript sees one row per customer
 * who did something in a period rather than every order. `index` counts periods from the first one;
 * −1 is the look-back before it (read only for coverage: the last contact before a period ends).
 */

export interface OrderRow {
  customerId: string;
  index: number;
  /** Net of returns, base-currency minor units. */
  revenueMinor: number;
  sales: number;
  returns: number;
  /** Net revenue and net cost of the orders that carry a cost; costed = how many do. */
  costedRevenueMinor: number;
  costMinor: number;
  costed: number;
  /** The last sale's date in the period, or null when the customer only returned goods. */
  lastSale: string | null;
}

export interface FollowUpRow {
  customerId: string;
  index: number;
  followUps: number;
  satisfactionSum: number;
  satisfactionCount: number;
  /** The last follow-up's instant in the period (UTC ISO, as stored). */
  lastAt: string;
}

/** The instant a local calendar day begins (the business's time zone: the machine's, as everywhere). */
export const dayStartInstant = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/**
 * An SQL expression giving the bucket of `column`: i where bounds[i] ≤ value < bounds[i + 1], as a
 * balanced tree of comparisons (about log2 of the periods per row instead of one per period), minus
 * `shift`. Bounds are generated here from dates, never from input text, and are bound as parameters.
 */
function bucketOf(column: string, bounds: readonly string[], shift: number, params: string[]): string {
  const tree = (lo: number, hi: number): string => {
    if (hi - lo <= 1) return String(lo - shift);
    const mid = (lo + hi) >> 1;
    params.push(bounds[mid]!);
    return `(CASE WHEN ${column} < ? THEN ${tree(lo, mid)} ELSE ${tree(mid, hi)} END)`;
  };
  return tree(0, bounds.length - 1);
}

/** Period starts, then the day after the last one ends; with the look-back's first day in front when it is earlier. */
function dayBounds(periods: readonly Period[], lookBackFrom: string): { bounds: string[]; shift: number } {
  const bounds = [...periods.map((p) => p.start), addDays(periods[periods.length - 1]!.end, 1)];
  return lookBackFrom < bounds[0]! ? { bounds: [lookBackFrom, ...bounds], shift: 1 } : { bounds, shift: 0 };
}

/**
 * Calls `each` per customer and period with that customer's orders in it (returns net out of revenue
 * and cost); `index` counts from `indexOffset` for the first period, −1 for the look-back. The row
 * object is reused between calls: copy what you keep. `revenueOnly`: just revenue and the last sale (what growth and coverage need of the year
 * before a report), which reads less per row. The scan reads the table in storage order: the range is
 * most of the orders in practice, and walking an index would cost a random table read per order.
 */
export function eachOrderRow(db: Db, periods: readonly Period[], lookBackFrom: string, revenueOnly: boolean, indexOffset: number, each: (row: OrderRow) => void): void {
  const { bounds, shift } = dayBounds(periods, lookBackFrom);
  const params: string[] = [];
  const bucket = bucketOf('order_date', bounds, shift, params);
  const figures = revenueOnly
    ? `sum(base_amount_minor), max(CASE WHEN kind = 'sale' THEN order_date END)`
    : `sum(base_amount_minor), max(CASE WHEN kind = 'sale' THEN order_date END), sum(kind = 'sale'), sum(kind = 'return'),
       total(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), total(base_cost_minor), count(base_cost_minor)`;
  const rows = db.$client
    .prepare(
      `SELECT customer_id, ${bucket} AS bucket, ${figures}
       FROM orders NOT INDEXED
       WHERE order_date >= ? AND order_date < ? AND deleted_at IS NULL
       GROUP BY customer_id, bucket`,
    )
    .raw()
    .iterate(...params, bounds[0]!, bounds[bounds.length - 1]!) as Iterable<[string, number, number, string | null, number?, number?, number?, number?, number?]>;
  // One row object, refilled: at 100k customers there are ~500k rows, and garbage costs as much as the query.
  const row: OrderRow = { customerId: '', index: 0, revenueMinor: 0, sales: 0, returns: 0, costedRevenueMinor: 0, costMinor: 0, costed: 0, lastSale: null };
  for (const r of rows) {
    row.customerId = r[0];
    row.index = r[1] < 0 ? -1 : r[1] + indexOffset;
    row.revenueMinor = r[2];
    row.lastSale = r[3];
    row.sales = r[4] ?? 0;
    row.returns = r[5] ?? 0;
    row.costedRevenueMinor = r[6] ?? 0;
    row.costMinor = r[7] ?? 0;
    row.costed = r[8] ?? 0;
    each(row);
  }
}

/**
 * Calls `each` per customer and period with that customer's follow-ups in it. A follow-up belongs to the
 * local calendar day of its instant, so the bounds are the instants those days begin. Indexes and the
 * reused row object as eachOrderRow.
 */
export function eachFollowUpRow(db: Db, periods: readonly Period[], lookBackFrom: string, indexOffset: number, each: (row: FollowUpRow) => void): void {
  const { bounds: days, shift } = dayBounds(periods, lookBackFrom);
  const bounds = days.map(dayStartInstant);
  const params: string[] = [];
  const bucket = bucketOf('occurred_at', bounds, shift, params);
  const rows = db.$client
    .prepare(
      `SELECT customer_id, ${bucket} AS bucket, count(*), total(satisfaction), count(satisfaction), max(occurred_at)
       FROM follow_ups
       WHERE occurred_at >= ? AND occurred_at < ? AND deleted_at IS NULL
       GROUP BY customer_id, bucket`,
    )
    .raw()
    .iterate(...params, bounds[0]!, bounds[bounds.length - 1]!) as Iterable<[string, number, number, number, number, string]>;
  const row: FollowUpRow = { customerId: '', index: 0, followUps: 0, satisfactionSum: 0, satisfactionCount: 0, lastAt: '' };
  for (const r of rows) {
    [row.customerId, row.index, row.followUps, row.satisfactionSum, row.satisfactionCount, row.lastAt] = r;
    row.index = r[1] < 0 ? -1 : r[1] + indexOffset;
    each(row);
  }
}
