import type { FollowUpMonths, OrderMonths } from './activity';
import type { Tally } from './figures';
import { NO_CLASS, type TierTimeline } from './timeline';

/**
 * The evaluation report's inner loops (core/reports/evaluation.ts walks the periods in order and calls
 * these): every customer-month of orders and follow-ups, then every cohort customer, per period — a few
 * million steps at 100k customers. Each is a small function over typed arrays so that V8 optimises it
 * after a few calls and keeps it optimised; written inline in the report, the same loops ran for
 * hundreds of milliseconds unoptimised whenever the report's one big function was compiled again.
 */

/** Per customer (timeline index), carried from period to period while they are walked in order. */
export interface Walk {
  /** The last sale day (day number) and last follow-up instant (epoch ms) so far; −1 before any. */
  lastSaleDay: Int32Array;
  lastFollowUpAt: Float64Array;
  /** The period a customer was last counted in as a buyer, a rater, an active unclassified customer. */
  boughtIn: Int32Array;
  ratedIn: Int32Array;
  activeIn: Int32Array;
  /** Net revenue over the report's own periods (the pyramid and the Pareto curve). */
  rangeRevenue: Float64Array;
}

export function newWalk(customers: number): Walk {
  return {
    lastSaleDay: new Int32Array(customers).fill(-1),
    lastFollowUpAt: new Float64Array(customers).fill(-1),
    boughtIn: new Int32Array(customers).fill(-2),
    ratedIn: new Int32Array(customers).fill(-2),
    activeIn: new Int32Array(customers).fill(-2),
    rangeRevenue: new Float64Array(customers),
  };
}

/** Where a period's tallies go: its slots by class (the last one: no class), and each customer's class on its first day. */
export interface PeriodSlots {
  index: number;
  slots: Tally[];
  starts: Int32Array;
  unclassified: number;
}

const slotOf = (p: PeriodSlots, k: number): number => {
  const c = k < p.starts.length ? p.starts[k]! : NO_CLASS;
  return c === NO_CLASS ? p.unclassified : c;
};

/**
 * One month's order rows, walked as part of its period: last sale days always; the tallies when the period has slots (not the
 * look-back); the range revenue when it is one of the report's own periods. Returns how many customers
 * of no class bought or returned something in it and were not counted yet in the period.
 */
export function walkOrders(o: OrderMonths, customerOf: Int32Array, walk: Walk, period: PeriodSlots | undefined, inRange: boolean): number {
  const { lastSaleDay, boughtIn, activeIn, rangeRevenue } = walk;
  let activeUnclassified = 0;
  for (let r = 0; r < o.length; r++) {
    const k = customerOf[o.customer[r]!]!;
    const sale = o.lastSale[r]!;
    if (sale > lastSaleDay[k]!) lastSaleDay[k] = sale;
    if (period === undefined) continue;
    const slot = slotOf(period, k);
    const t = period.slots[slot]!;
    const revenue = o.revenue[r]!;
    t.revenueMinor += revenue;
    t.sales += o.sales[r]!;
    t.returns += o.returns[r]!;
    t.costedRevenueMinor += o.costedRevenue[r]!;
    t.costMinor += o.cost[r]!;
    t.costed += o.costed[r]!;
    if (o.sales[r]! > 0 && boughtIn[k] !== period.index) {
      boughtIn[k] = period.index;
      t.buyers += 1;
    }
    if (slot === period.unclassified && activeIn[k] !== period.index) {
      activeIn[k] = period.index;
      activeUnclassified += 1;
    }
    if (inRange) rangeRevenue[k] = rangeRevenue[k]! + revenue;
  }
  return activeUnclassified;
}

/** One month's follow-up rows: last follow-up instants always; the tallies for the report's own periods (`period`). */
export function walkFollowUps(f: FollowUpMonths, customerOf: Int32Array, walk: Walk, period: PeriodSlots | undefined): number {
  const { lastFollowUpAt, ratedIn, activeIn } = walk;
  let activeUnclassified = 0;
  for (let r = 0; r < f.length; r++) {
    const k = customerOf[f.customer[r]!]!;
    const at = f.lastAt[r]!;
    if (at > lastFollowUpAt[k]!) lastFollowUpAt[k] = at;
    if (period === undefined) continue;
    const slot = slotOf(period, k);
    const t = period.slots[slot]!;
    t.followUps += f.count[r]!;
    t.satisfactionSum += f.satisfactionSum[r]!;
    t.satisfactionFollowUps += f.satisfactionCount[r]!;
    if (f.satisfactionCount[r]! > 0 && ratedIn[k] !== period.index) {
      ratedIn[k] = period.index;
      t.satisfactionCustomers += 1;
    }
    if (slot === period.unclassified && activeIn[k] !== period.index) {
      activeIn[k] = period.index;
      activeUnclassified += 1;
    }
  }
  return activeUnclassified;
}

/**
 * Cohort sizes and coverage of one period. A cohort customer of a class with a cadence of d days is
 * covered when their last contact (a sale or a follow-up) on or before the period's last day L is fewer
 * than d days before L — the policies:due rule — i.e. their last sale day is in fromDay[c] … lastDay, or
 * their last follow-up instant in fromAt[c] … before lastEnds. hasCadence[c] is 0 for a class without one.
 */
export function coverCohort(
  period: PeriodSlots,
  walk: Walk,
  hasCadence: Uint8Array,
  fromDay: Float64Array,
  fromAt: Float64Array,
  lastDay: number,
  lastEnds: number,
): void {
  const { starts, slots } = period;
  const { lastSaleDay, lastFollowUpAt } = walk;
  for (let k = 0; k < starts.length; k++) {
    const c = starts[k]!;
    if (c === NO_CLASS) continue;
    const t = slots[c]!;
    t.customers += 1;
    if (hasCadence[c] === 0) continue;
    t.cadenceCustomers += 1;
    const sale = lastSaleDay[k]!;
    const follow = lastFollowUpAt[k]!;
    if ((sale >= fromDay[c]! && sale <= lastDay) || (follow >= fromAt[c]! && follow < lastEnds)) t.covered += 1;
  }
}

/**
 * Each interned customer's index in the timeline (core/reports/activity.ts MonthList.customerIds). Kept
 * per list of interned ids (ids only ever join it, at its end) and timeline (whose indexes never change),
 * and extended by the ids that joined since: an order re-reads its month but maps only new customers.
 */
const indexes = new WeakMap<readonly string[], WeakMap<TierTimeline, Int32Array>>();
export function timelineIndexes(timeline: TierTimeline, ids: readonly string[]): Int32Array {
  let byTimeline = indexes.get(ids);
  if (!byTimeline) indexes.set(ids, (byTimeline = new WeakMap()));
  const known = byTimeline.get(timeline);
  if (known && known.length >= ids.length) return known;
  const found = new Int32Array(ids.length);
  const from = known ? known.length : 0;
  if (known) found.set(known);
  for (let i = from; i < ids.length; i++) found[i] = timeline.indexOf(ids[i]!);
  byTimeline.set(timeline, found);
  return found;
}
