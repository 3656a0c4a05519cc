/**
 * behavior: high_frequency when the window order count ≥ the threshold (default the median count among
 * buyers — the mean of the two middle counts for an even number — or a fixed number), low_frequency
 * below it, 'potential' without orders in the window.
 */
import type { EngineConfig } from './config';
import { NO_MOVES } from './hints';
import type { Population } from './population';
import type { Ranking } from './ranking';
import { kthAfterReplace } from './sorted';
import type { Assignment, BehaviorExplanation, MoveHint, SchemeCuts } from './types';

/** The median order count if one buyer's count changed from `from` to `to`. */
function medianAfter(sorted: Float64Array, from: number, to: number): number {
  const n = sorted.length;
  const hi = kthAfterReplace(sorted, from, to, n >> 1);
  return n % 2 === 1 ? hi : (kthAfterReplace(sorted, from, to, (n >> 1) - 1) + hi) / 2;
}

/**
 * Fewest orders in the window that reach the median once this customer's own count has moved it.
 * count − median(count) never decreases as the count grows (a median moves at most as fast as one of its
 * values), so binary search applies; the maximum count always qualifies.
 */
function ordersToReachMedian(sorted: Float64Array, count: number): number {
  let lo = count + 1;
  let hi = Math.max(lo, sorted[sorted.length - 1]!);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= medianAfter(sorted, count, mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function behaviorClassOf(pop: Population, ranking: Ranking, i: number): string {
  const orderCount = pop.orderCount[i]!;
  const threshold = ranking.behaviorThreshold;
  if (orderCount === 0 || threshold === null) return 'potential';
  return orderCount >= threshold ? 'high_frequency' : 'low_frequency';
}

export function assignBehavior(pop: Population, ranking: Ranking, i: number, config: EngineConfig, by: string | null): Assignment<BehaviorExplanation> {
  const orderCount = pop.orderCount[i]!;
  const basis = config.behavior.threshold.kind;
  const thresholdOrders = ranking.behaviorThreshold;
  const explain = (moves: readonly MoveHint[]): BehaviorExplanation => ({ kind: 'behavior', group: null, orderCount, basis, thresholdOrders, moves });
  const classKey = behaviorClassOf(pop, ranking, i);
  if (classKey !== 'low_frequency' || thresholdOrders === null) return { classKey, explanation: explain(NO_MOVES) };
  const needed = basis === 'fixed' ? Math.ceil(thresholdOrders) : ordersToReachMedian(ranking.sortedOrderCounts, orderCount);
  return { classKey, explanation: explain([{ kind: 'order_more', orders: needed - orderCount, by, toClass: 'high_frequency' }]) };
}

export function behaviorCuts(ranking: Ranking, config: EngineConfig): SchemeCuts {
  return { kind: 'behavior', basis: config.behavior.threshold.kind, thresholdOrders: ranking.behaviorThreshold };
}
