import { daysBetween } from '../../shared/domain/dates';
import { isoDateOf } from '../../shared/segmentation/day-number';
import { columnsOf, positionIn, type ActivityTable } from '../../shared/segmentation';
import type { Population } from '../../shared/segmentation/population';

/**
 * Per-customer figures the lists show and sort by, from the same population the engine ranked, with the
 * engine's window rules (docs/segmentation.md §2): orders and follow-ups dated in [start, asOf] count,
 * anything after asOf is ignored. Flat arrays aligned with the customer order.
 */
export interface WindowMetrics {
  revenue: Float64Array;
  orderCount: Int32Array;
  followUpCount: Int32Array;
  /** Latest order date on or before asOf, whole history. */
  lastOrderDate: (string | null)[];
  /** Latest follow-up date on or before asOf, whole history. */
  lastContactDate: (string | null)[];
}

/**
 * The figures from the run's own population (shared/segmentation/activity.ts), which already holds the
 * window's revenue, orders and follow-ups and each customer's order days: the arrays are shared, not
 * copied (nothing writes to a run's population; patch.ts copies before it changes a figure). Only the
 * last contact is read from the activity, as the population keeps follow-up counts, not days.
 */
export function windowMetrics(pop: Population, activities: ActivityTable): WindowMetrics {
  const n = pop.customers.length;
  const lastOrderDate = new Array<string | null>(n).fill(null);
  const lastContactDate = new Array<string | null>(n).fill(null);
  const end = pop.asOfDay;
  for (let i = 0; i < n; i++) {
    // Order days up to asOf, whole history, one per sale: the last one is the last purchase.
    const sales = pop.orderStart[i + 1]! - pop.orderStart[i]!;
    if (sales > 0) lastOrderDate[i] = isoDateOf(pop.orderDays[pop.orderStart[i + 1]! - 1]!);
    const c = columnsOf(activities, i);
    const k = positionIn(activities, c, i);
    let lastContact = Number.NEGATIVE_INFINITY;
    for (let f = c.followUpAt[k]!, stop = c.followUpAt[k + 1]!; f < stop; f++) {
      const day = c.followUpDays[f]!;
      if (day <= end && day > lastContact) lastContact = day;
    }
    if (lastContact !== Number.NEGATIVE_INFINITY) lastContactDate[i] = isoDateOf(lastContact);
  }
  return { revenue: pop.revenue, orderCount: pop.orderCount, followUpCount: pop.followUpCount, lastOrderDate, lastContactDate };
}

export function daysSince(date: string | null, asOf: string): number | null {
  return date === null ? null : daysBetween(date, asOf);
}
