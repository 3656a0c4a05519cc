/**
 * The engine's population built from each customer's activity row (db/schema/customer-activity.ts)
 * instead of every order and follow-up: the rows are kept up to date on every write, so a recompute
 * reads one row per customer. Same rules as collectPopulation (population.ts), to the last field: a
 * property test builds both from the same data and requires them equal.
 */
import type { EngineConfig } from './config';
import { isoDateOf } from './day-number';
import { emptyFigures, INTENT_PRECEDENCE, type Population } from './population';
import type { EngineCustomer, Intent } from './types';

/** Numbers per day in CustomerActivity.orders. */
export const ORDER_DAY_FIELDS = 6;

/** One customer's whole history, folded. */
export interface CustomerActivity {
  /**
   * Per calendar day with a live order, ascending: day number, sales that day, their amount, the
   * returns' amount (≤ 0), the known costs of the day's orders, how many of them had a cost.
   */
  orders: readonly number[];
  /** Per live follow-up: occurredAt as stored (may be null where no intent was recorded), then its intent or null (2 values each). */
  followUps: readonly (string | null)[];
  /** Local calendar day number of each follow-up's instant (one per follow-up). */
  followUpDays: readonly number[];
  /** Each follow-up's instant in epoch milliseconds (one per follow-up). */
  followUpMs: readonly number[];
}

/** activities[i] is customers[i]'s (undefined: no orders, no follow-ups). */
export function collectPopulationFromActivity(
  customers: readonly EngineCustomer[],
  activities: readonly (CustomerActivity | undefined)[],
  config: EngineConfig,
): Population {
  const n = customers.length;
  const { asOfDay, windowStartDay, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntent } = emptyFigures(n, config);

  // Pass 1: sales per customer up to asOf, to size the flat order-day array.
  const orderStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const days = activities[i]?.orders;
    let sales = 0;
    if (days) for (let k = 0; k < days.length && days[k]! <= asOfDay; k += ORDER_DAY_FIELDS) sales += days[k + 1]!;
    orderStart[i + 1] = orderStart[i]! + sales;
  }
  const orderDays = new Int32Array(orderStart[n]!);

  for (let i = 0; i < n; i++) {
    const activity = activities[i];
    if (!activity) continue;
    const days = activity.orders;
    let at = orderStart[i]!;
    for (let k = 0; k < days.length; k += ORDER_DAY_FIELDS) {
      const day = days[k]!;
      if (day > asOfDay) break;
      const sales = days[k + 1]!;
      // One entry per sale, as collectPopulation lists each order's day.
      for (let s = 0; s < sales; s++) orderDays[at++] = day;
      if (day < windowStartDay) continue;
      // Money nets returns in; a return is never an order, an order day, or a first day.
      revenue[i]! += days[k + 2]! + days[k + 3]!;
      cost[i]! += days[k + 4]!;
      costKnown[i]! += days[k + 5]!;
      if (sales > 0) {
        orderCount[i]! += sales;
        if (day < firstWindowDay[i]!) firstWindowDay[i] = day;
      }
    }

    const followUps = activity.followUps;
    // The latest intent's position, its object built once at the end rather than for every newer one met.
    let latest = -1;
    let latestMs = 0;
    let latestIntentKey: Intent | null = null;
    for (let f = 0; f < activity.followUpDays.length; f++) {
      const day = activity.followUpDays[f]!;
      if (day > asOfDay) continue;
      if (day >= windowStartDay) followUpCount[i]! += 1;
      const intent = followUps[2 * f + 1] as Intent | null;
      if (intent === null) continue;
      const ms = activity.followUpMs[f]!;
      if (latest < 0 || ms > latestMs || (ms === latestMs && INTENT_PRECEDENCE[intent] > INTENT_PRECEDENCE[latestIntentKey!])) {
        latest = f;
        latestMs = ms;
        latestIntentKey = intent;
      }
    }
    if (latest >= 0) {
      const day = activity.followUpDays[latest]!;
      latestIntent[i] = { customerId: customers[i]!.id, occurredAt: followUps[2 * latest]!, date: isoDateOf(day), intent: latestIntentKey, satisfaction: null };
    }
  }
  return { customers, asOfDay, windowStartDay, orderDays, orderStart, orderCount, revenue, cost, costKnown, firstWindowDay, followUpCount, latestIntent };
}
