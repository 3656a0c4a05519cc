/**
 * Each customer's purchase history as the model needs it, from their activity row: orders up to the as-of
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
import { liveOrderActivity, type ParsedActivity } from '../../db/repos/customer-activity';
import { dayNumber } from '../../shared/segmentation/day-number';
import { ORDER_DAY_FIELDS } from '../../shared/segmentation';
import type { CustomerHistory, TimeUnit } from '../../shared/prediction';

/** net ÷ gross sales, clamped to 0…1 (1 without returns or without gross sales to scale). */
export function keptShare(gross: number, returned: number): number {
  if (returned <= 0 || gross <= 0) return 1;
  return Math.min(1, Math.max(0, (gross - returned) / gross));
}

export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7 };

/**
 * Read from each customer's activity row (one row per customer, kept by triggers): per day with a live
 * order, the day's sales count, their amount and the returns' amount. A purchase day is a day with a sale.
 * `parsed`: the rows the tiers already hold, used while still current (db/repos/customer-activity.ts).
 */
export function loadHistories(db: Db, asOf: string, unit: TimeUnit = 'day', parsed?: ParsedActivity): CustomerHistory[] {
  const end = dayNumber(asOf);
  const perUnit = UNIT_DAYS[unit];
  const histories: CustomerHistory[] = [];
  for (const [id, days] of liveOrderActivity(db, parsed)) {
    let purchases = 0;
    let first = 0;
    let last = 0;
    let total = 0;
    let firstValue = 0;
    let returned = 0;
    for (let k = 0; k < days.length && days[k]! <= end; k += ORDER_DAY_FIELDS) {
      returned -= days[k + 3]!;
      if (days[k + 1]! === 0) continue;
      if (purchases === 0) {
        first = days[k]!;
        firstValue = days[k + 2]!;
      }
      purchases += 1;
      last = days[k]!;
      total += days[k + 2]!;
    }
    if (purchases === 0) continue;
    const x = purchases - 1;
    const kept = keptShare(total, returned);
    histories.push({
      id,
      x,
      tx: (last - first) / perUnit,
      T: (end - first) / perUnit,
      repeatMeanValue: x > 0 ? ((total - firstValue) * kept) / x : 0,
      meanValue: (total * kept) / purchases,
    });
  }
  return histories;
}
