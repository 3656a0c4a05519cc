import { daysBetween } from '../../shared/domain/dates';
import { dayNumber, isoDateOf } from '../../shared/segmentation/day-number';
import { ORDER_DAY_FIELDS, type CustomerActivity } from '../../shared/segmentation';

/**
 * Per-customer figures the lists show and sort by, from the same activity rows the engine read, with the
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

export function windowMetrics(activities: readonly (CustomerActivity | undefined)[], window: { start: string | null; end: string }): WindowMetrics {
  const n = activities.length;
  const m: WindowMetrics = {
    revenue: new Float64Array(n),
    orderCount: new Int32Array(n),
    followUpCount: new Int32Array(n),
    lastOrderDate: new Array<string | null>(n).fill(null),
    lastContactDate: new Array<string | null>(n).fill(null),
  };
  const end = dayNumber(window.end);
  const start = window.start === null ? Number.NEGATIVE_INFINITY : dayNumber(window.start);
  for (let i = 0; i < n; i++) {
    const activity = activities[i];
    if (!activity) continue;
    const days = activity.orders;
    let lastSale = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < days.length && days[k]! <= end; k += ORDER_DAY_FIELDS) {
      const day = days[k]!;
      // As in the engine: a return nets out of revenue but is not an order and not a last purchase.
      if (days[k + 1]! > 0) lastSale = day;
      if (day < start) continue;
      m.revenue[i]! += days[k + 2]! + days[k + 3]!;
      m.orderCount[i]! += days[k + 1]!;
    }
    if (lastSale !== Number.NEGATIVE_INFINITY) m.lastOrderDate[i] = isoDateOf(lastSale);
    let lastContact = Number.NEGATIVE_INFINITY;
    for (const day of activity.followUpDays) {
      if (day > end) continue;
      if (day > lastContact) lastContact = day;
      if (day >= start) m.followUpCount[i]! += 1;
    }
    if (lastContact !== Number.NEGATIVE_INFINITY) m.lastContactDate[i] = isoDateOf(lastContact);
  }
  return m;
}

export function daysSince(date: string | null, asOf: string): number | null {
  return date === null ? null : daysBetween(date, asOf);
}
