import type { Db } from '../../db/open';
import { addDays } from '../../shared/domain/dates';
import { monthIndexOf, type Period } from './periods';

/**
 * Orders and follow-ups summed per customer and period in SQL, so JavaScript sees one row per customer
 * who did something in a period rather than every order (at 100k customers a year is ~840k orders).
 * Periods are consecutive whole months, quarters or years; `index` counts from the first one, negative
 * for the look-back before it (only what coverage needs: the last contact before a period ends).
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
  /** The last follow-up's instant in the period (UTC ISO). */
  lastAt: string;
}

/** Added to month offsets so SQLite's integer division (which truncates toward zero) only sees positives. */
const SHIFT_PERIODS = 100_000;

/**
 * Calls `each` per customer and period with that customer's orders in it, from `lookBackFrom` (or the
 * first period, if later) to the last period's end. Periods of `months` months starting at periods[0].
 */
export function eachOrderRow(db: Db, periods: readonly Period[], months: number, lookBackFrom: string, each: (row: OrderRow) => void): void {
  const first = periods[0]!;
  const from = lookBackFrom < first.start ? lookBackFrom : first.start;
  const base = monthIndexOf(first.start) - SHIFT_PERIODS * months;
  const rows = db.$client
    .prepare(
      `SELECT customer_id,
              ((CAST(substr(order_date, 1, 4) AS INTEGER) * 12 + CAST(substr(order_date, 6, 2) AS INTEGER) - 1) - ?) / ? AS shifted,
              sum(base_amount_minor), sum(kind = 'sale'), sum(kind = 'return'),
              total(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), total(base_cost_minor), count(base_cost_minor),
              max(CASE WHEN kind = 'sale' THEN order_date END)
       FROM orders
       WHERE order_date BETWEEN ? AND ? AND deleted_at IS NULL
       GROUP BY customer_id, shifted`,
    )
    .raw()
    .iterate(base, months, from, periods[periods.length - 1]!.end) as Iterable<[string, number, number, number, number, number, number, number, string | null]>;
  for (const [customerId, shifted, revenueMinor, sales, returns, costedRevenueMinor, costMinor, costed, lastSale] of rows) {
    each({ customerId, index: shifted - SHIFT_PERIODS, revenueMinor, sales, returns, costedRevenueMinor, costMinor, costed, lastSale });
  }
}

/** The instant a local calendar day begins (the business's time zone: the machine's, as everywhere). */
export const dayStartInstant = (day: string): string => new Date(`${day}T00:00:00`).toISOString();

/**
 * Calls `each` per customer and period with that customer's follow-ups in it. A follow-up belongs to the
 * local calendar day of its instant, so period bounds are the instants their first days begin.
 * Look-back rows (before the first period) come with index −1.
 */
export function eachFollowUpRow(db: Db, periods: readonly Period[], lookBackFrom: string, each: (row: FollowUpRow) => void): void {
  const bounds: [number, string, string][] = periods.map((p, i) => [i, dayStartInstant(p.start), dayStartInstant(addDays(p.end, 1))]);
  if (lookBackFrom < periods[0]!.start) bounds.unshift([-1, dayStartInstant(lookBackFrom), bounds[0]![1]]);
  const values = bounds.map(() => '(?, ?, ?)').join(', ');
  const rows = db.$client
    .prepare(
      `WITH bounds(idx, s, e) AS (VALUES ${values})
       SELECT f.customer_id, b.idx, count(*), total(f.satisfaction), count(f.satisfaction), max(f.occurred_at)
       FROM follow_ups f JOIN bounds b ON f.occurred_at >= b.s AND f.occurred_at < b.e
       WHERE f.deleted_at IS NULL AND f.occurred_at >= ? AND f.occurred_at < ?
       GROUP BY f.customer_id, b.idx`,
    )
    .raw()
    .iterate(...bounds.flat(), bounds[0]![1], bounds[bounds.length - 1]![2]) as Iterable<[string, number, number, number, number, string]>;
  for (const [customerId, index, followUps, satisfactionSum, satisfactionCount, lastAt] of rows) each({ customerId, index, followUps, satisfactionSum, satisfactionCount, lastAt });
}
