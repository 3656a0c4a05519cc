/**
 * The holdout check: fit on the orders up to the split, predict the calibration customers' repeat
 * purchases after it, and compare with the purchase days that actually followed — per number of
 * calibration repeat purchases (the paper's conditional-expectation table) and week by week, cumulated.
 * As in histories.ts, a purchase is a day with a sale: returns are never counted.
 */
import type { Db } from '../../db/open';
import type { Holdout } from '../../shared/contract/prediction';
import { addDays, daysBetween } from '../../shared/domain/dates';
import { expectedPurchases, fitBase, fitRefusalOf, fitSpend, type FitRefusal, type ModelSummary, type Recency } from '../../shared/prediction';
import { loadHistories } from './histories';
import { fitSummaryOf } from './summary';

const MAX_WEEKS = 520;
const TOP_BUCKET = 7;

const ACTUAL_SQL = `
SELECT o.customer_id AS id, COUNT(DISTINCT o.order_date) AS days
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND o.kind = 'sale' AND o.order_date > @split AND o.order_date <= @until
GROUP BY o.customer_id`;

const ACTUAL_BY_DAY_SQL = `
SELECT day, COUNT(*) AS purchases FROM (
  SELECT o.customer_id, o.order_date AS day
  FROM orders o JOIN customers c ON c.id = o.customer_id
  WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND o.kind = 'sale' AND o.order_date > @split AND o.order_date <= @until
    AND o.customer_id IN (SELECT customer_id FROM orders WHERE deleted_at IS NULL AND kind = 'sale' AND order_date <= @split)
  GROUP BY o.customer_id, o.order_date
) GROUP BY day ORDER BY day`;

/** Latest order date, for `until` when the caller gives none. */
export function latestOrderDate(db: Db): string | null {
  return (db.$client.prepare('SELECT MAX(order_date) FROM orders WHERE deleted_at IS NULL').pluck().get() as string | null) ?? null;
}

/** The check, or null when nobody bought by the split, or why nothing can be fitted on the orders up to it. */
export function holdoutCheck(db: Db, split: string, until: string): Holdout | FitRefusal | null {
  const histories = loadHistories(db, split, 'day');
  if (histories.length === 0) return null;
  const refused = fitRefusalOf(histories);
  if (refused) return refused;
  const model: ModelSummary = { ...fitBase(histories, 'day'), ...fitSpend(histories), unit: 'day' };
  const p = model.bgnbd.params;
  const holdoutDays = Math.max(0, daysBetween(split, until));
  const actualOf = new Map((db.$client.prepare(ACTUAL_SQL).all({ split, until }) as { id: string; days: number }[]).map((r) => [r.id, r.days]));

  // Identical (x, t_x, T) customers share every forecast: compute each curve once.
  const weeks = Math.min(MAX_WEEKS, Math.ceil(holdoutDays / 7));
  const horizons = Array.from({ length: weeks }, (_, k) => Math.min(holdoutDays, 7 * (k + 1)));
  const curves = new Map<string, { count: number; recency: Recency; curve: number[] }>();
  const buckets = Array.from({ length: TOP_BUCKET + 1 }, (_, x) => ({ x, customers: 0, actual: 0, predicted: 0 }));
  for (const h of histories) {
    const key = `${h.x}|${h.tx}|${h.T}`;
    let entry = curves.get(key);
    if (!entry) {
      entry = { count: 0, recency: h, curve: horizons.map((t) => expectedPurchases(p, h, t)) };
      curves.set(key, entry);
    }
    entry.count++;
    const bucket = buckets[Math.min(h.x, TOP_BUCKET)]!;
    bucket.customers++;
    bucket.actual += actualOf.get(h.id) ?? 0;
    bucket.predicted += holdoutDays > 0 ? expectedPurchases(p, h, holdoutDays) : 0;
  }
  const byFrequency = buckets.map((b) => ({
    x: b.x,
    customers: b.customers,
    actual: b.customers > 0 ? b.actual / b.customers : 0,
    predicted: b.customers > 0 ? b.predicted / b.customers : 0,
  }));

  const byDay = db.$client.prepare(ACTUAL_BY_DAY_SQL).all({ split, until }) as { day: string; purchases: number }[];
  const cumulative = horizons.map((t, k) => {
    const end = addDays(split, t);
    const actual = byDay.filter((d) => d.day <= end).reduce((s, d) => s + d.purchases, 0);
    let predicted = 0;
    for (const e of curves.values()) predicted += e.count * e.curve[k]!;
    return { week: k + 1, date: end, actual, predicted };
  });
  return { split, until, holdoutDays, fit: fitSummaryOf(model), byFrequency, cumulative };
}
