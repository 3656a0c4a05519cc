import { daysBetween } from '../../shared/domain/dates';
import type { EngineFollowUp, EngineOrder } from '../../shared/segmentation';

/**
 * Per-customer figures the lists show and sort by, computed from the very rows given to the engine with
 * the engine's window rules (docs/segmentation.md §2): orders and follow-ups dated in [start, asOf] count,
 * anything after asOf is ignored. Flat arrays aligned with the customer order, one pass over each table.
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

export function windowMetrics(
  indexOf: ReadonlyMap<string, number>,
  orders: readonly EngineOrder[],
  followUps: readonly EngineFollowUp[],
  window: { start: string | null; end: string },
): WindowMetrics {
  const n = indexOf.size;
  const m: WindowMetrics = {
    revenue: new Float64Array(n),
    orderCount: new Int32Array(n),
    followUpCount: new Int32Array(n),
    lastOrderDate: new Array<string | null>(n).fill(null),
    lastContactDate: new Array<string | null>(n).fill(null),
  };
  const inWindow = (date: string) => date <= window.end && (window.start === null || date >= window.start);
  for (const o of orders) {
    const i = indexOf.get(o.customerId);
    if (i === undefined || o.date > window.end) continue;
    // As in the engine: a return nets out of revenue but is not an order and not a last purchase.
    const sale = o.kind !== 'return';
    if (sale && (m.lastOrderDate[i] === null || o.date > m.lastOrderDate[i]!)) m.lastOrderDate[i] = o.date;
    if (inWindow(o.date)) {
      m.revenue[i]! += o.baseAmountMinor;
      if (sale) m.orderCount[i]! += 1;
    }
  }
  for (const f of followUps) {
    const i = indexOf.get(f.customerId);
    if (i === undefined || f.date > window.end) continue;
    if (m.lastContactDate[i] === null || f.date > m.lastContactDate[i]!) m.lastContactDate[i] = f.date;
    if (inWindow(f.date)) m.followUpCount[i]! += 1;
  }
  return m;
}

export function daysSince(date: string | null, asOf: string): number | null {
  return date === null ? null : daysBetween(date, asOf);
}
