/**
 * Each customer's purchase history as the model needs it, read in one query: orders up to the as-of
 * date folded to one purchase per customer and calendar day (several orders on a day are one purchase,
 * as in the paper), then per customer the number of purchase days, the first and last day, the total
 * value and the first day's value (the repeat purchases' mean leaves the first one out, as Gamma-Gamma's
 * zbar does). order_date is already the user's local calendar day.
 *
 * Returns: a purchase (a BG/NBD transaction) is a day with a sale; a return is never one. Money nets
 * returns: each customer's returns (their whole history up to asOf) scale every purchase day's value by
 * net ÷ gross sales, clamped to 0…1 — a customer who sends back a quarter of what they buy is worth three
 * quarters of their gross per purchase, and Gamma-Gamma still sees no negative value. Returns need not
 * be dated on the sale's day nor recorded against it, so spreading them is the one rule that always applies.
 */
import type { Db } from '../../db/open';
import { dayNumber } from '../../shared/segmentation/day-number';
import type { CustomerHistory, TimeUnit } from '../../shared/prediction';

const HISTORY_SQL = `
WITH live AS (
  SELECT o.customer_id AS id, o.order_date AS day, o.kind, o.base_amount_minor AS amount
  FROM orders o JOIN customers c ON c.id = o.customer_id
  WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND o.order_date <= @asOf
), days AS (
  SELECT id, day, SUM(amount) AS value FROM live WHERE kind = 'sale' GROUP BY id, day
), returned AS (
  SELECT id, -SUM(amount) AS value FROM live WHERE kind = 'return' GROUP BY id
), numbered AS (
  SELECT id, day, value, ROW_NUMBER() OVER (PARTITION BY id ORDER BY day) AS n FROM days
)
SELECT numbered.id AS id, COUNT(*) AS purchases, MIN(day) AS first, MAX(day) AS last, SUM(numbered.value) AS total,
       SUM(CASE WHEN n = 1 THEN numbered.value ELSE 0 END) AS firstValue, COALESCE(MAX(returned.value), 0) AS returned
FROM numbered LEFT JOIN returned ON returned.id = numbered.id GROUP BY numbered.id ORDER BY numbered.id`;

interface HistoryRow {
  id: string;
  purchases: number;
  first: string;
  last: string;
  total: number;
  firstValue: number;
  /** Sum of the customer's returns as a positive amount. */
  returned: number;
}

/** net ÷ gross sales, clamped to 0…1 (1 without returns or without gross sales to scale). */
export function keptShare(gross: number, returned: number): number {
  if (returned <= 0 || gross <= 0) return 1;
  return Math.min(1, Math.max(0, (gross - returned) / gross));
}

export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7 };

export function loadHistories(db: Db, asOf: string, unit: TimeUnit = 'day'): CustomerHistory[] {
  const rows = db.$client.prepare(HISTORY_SQL).all({ asOf }) as HistoryRow[];
  const end = dayNumber(asOf);
  const perUnit = UNIT_DAYS[unit];
  return rows.map((r) => {
    const x = r.purchases - 1;
    const first = dayNumber(r.first);
    const kept = keptShare(r.total, r.returned);
    return {
      id: r.id,
      x,
      tx: (dayNumber(r.last) - first) / perUnit,
      T: (end - first) / perUnit,
      repeatMeanValue: x > 0 ? ((r.total - r.firstValue) * kept) / x : 0,
      meanValue: (r.total * kept) / r.purchases,
    };
  });
}
