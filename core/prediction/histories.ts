/**
 * Each customer's purchase history as the model needs it, read in one query: orders up to the as-of
 * date folded to one purchase per customer and calendar day (several orders on a day are one purchase,
 * as in the paper), then per customer the number of purchase days, the first and last day, the total
 * value and the first day's value (the repeat purchases' mean leaves the first one out, as Gamma-Gamma's
 * zbar does). order_date is already the user's local calendar day.
 */
import type { Db } from '../../db/open';
import { dayNumber } from '../../shared/segmentation/day-number';
import type { CustomerHistory, TimeUnit } from '../../shared/prediction';

const HISTORY_SQL = `
WITH days AS (
  SELECT o.customer_id AS id, o.order_date AS day, SUM(o.base_amount_minor) AS value
  FROM orders o JOIN customers c ON c.id = o.customer_id
  WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND o.order_date <= @asOf
  GROUP BY o.customer_id, o.order_date
), numbered AS (
  SELECT id, day, value, ROW_NUMBER() OVER (PARTITION BY id ORDER BY day) AS n FROM days
)
SELECT id, COUNT(*) AS purchases, MIN(day) AS first, MAX(day) AS last, SUM(value) AS total,
       SUM(CASE WHEN n = 1 THEN value ELSE 0 END) AS firstValue
FROM numbered GROUP BY id ORDER BY id`;

interface HistoryRow {
  id: string;
  purchases: number;
  first: string;
  last: string;
  total: number;
  firstValue: number;
}

export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7 };

export function loadHistories(db: Db, asOf: string, unit: TimeUnit = 'day'): CustomerHistory[] {
  const rows = db.$client.prepare(HISTORY_SQL).all({ asOf }) as HistoryRow[];
  const end = dayNumber(asOf);
  const perUnit = UNIT_DAYS[unit];
  return rows.map((r) => {
    const x = r.purchases - 1;
    const first = dayNumber(r.first);
    return {
      id: r.id,
      x,
      tx: (dayNumber(r.last) - first) / perUnit,
      T: (end - first) / perUnit,
      repeatMeanValue: x > 0 ? (r.total - r.firstValue) / x : 0,
      meanValue: r.total / r.purchases,
    };
  });
}
