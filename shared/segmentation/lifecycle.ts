/**
 * Lifecycle: where a customer stands against their OWN buying rhythm, over all history up to asOf (not
 * just the window), so a customer who orders twice a year is not "at risk" after three quiet months.
 *
 *   potential  no order up to asOf
 *   new        first order fewer than newDays days before asOf (checked before recency)
 *   churned    days since last order > churnedAfter
 *   at_risk    days since last order > atRiskAfter
 *   active     otherwise
 *
 * With ≥ 2 distinct order dates: gap = max(median gap between consecutive distinct order dates, minGapDays),
 * atRiskAfter = atRiskMultiplier × gap, churnedAfter = churnedMultiplier × gap. With one order date (a
 * "one-order customer"; several orders on one day count once): the fixed oneOrderAtRiskDays / oneOrderChurnedDays.
 */
import type { EngineConfig } from './config';
import { isoDateOf } from './day-number';
import type { Population } from './population';
import { medianOfSorted } from './sorted';
import { CUSTOMERS_PER_STEP } from './step-size';
import { inTimedStretches, runSteps, STRETCH_BUDGET_MS, type Steps } from '../domain/steps';
import type { Assignment, LifecycleExplanation, MoveHint } from './types';
import type { LifecycleClass } from './schemes';

/** Median gap between consecutive distinct order dates per customer; NaN with fewer than two dates. */
export function medianGaps(pop: Population): Float64Array {
  return runSteps(medianGapsInSteps(pop));
}

/**
 * medianGaps, a stretch of customers per step (timed: at 100k customers the whole pass took 55 ms of one
 * 80 ms turn of a Recompute).
 */
export function* medianGapsInSteps(pop: Population, per = CUSTOMERS_PER_STEP, budgetMs = STRETCH_BUDGET_MS): Steps<Float64Array> {
  const result = new Float64Array(pop.customers.length).fill(Number.NaN);
  const scratch = { values: new Float64Array(16) };
  yield* inTimedStretches(pop.customers.length, per, (from, to) => fillMedianGaps(pop, result, scratch, from, to), budgetMs);
  return result;
}

function fillMedianGaps(pop: Population, result: Float64Array, scratch: { values: Float64Array }, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const start = pop.orderStart[i]!;
    const end = pop.orderStart[i + 1]!;
    if (end - start < 2) continue;
    if (scratch.values.length < end - start) scratch.values = new Float64Array(2 * (end - start));
    const values = scratch.values;
    let gaps = 0;
    for (let k = start + 1; k < end; k++) {
      const gap = pop.orderDays[k]! - pop.orderDays[k - 1]!;
      if (gap > 0) values[gaps++] = gap;
    }
    if (gaps === 0) continue;
    sortPrefix(values, gaps);
    result[i] = medianOfSorted(values, gaps);
  }
}

/**
 * Sorts the first `length` values ascending. Most customers have a handful of gaps, where insertion sort
 * in place beats a typed array's sort (a call into the runtime and a view object per customer, 100k times).
 */
function sortPrefix(values: Float64Array, length: number): void {
  if (length > 32) {
    values.subarray(0, length).sort();
    return;
  }
  for (let a = 1; a < length; a++) {
    const value = values[a]!;
    let b = a - 1;
    while (b >= 0 && values[b]! > value) {
      values[b + 1] = values[b]!;
      b--;
    }
    values[b + 1] = value;
  }
}

function classifyRecency(daysSinceLast: number, atRiskAfter: number, churnedAfter: number): LifecycleClass {
  if (daysSinceLast > churnedAfter) return 'churned';
  if (daysSinceLast > atRiskAfter) return 'at_risk';
  return 'active';
}

/** The numbers behind a lifecycle class (day numbers; NaN fields for a customer who never ordered). */
export interface LifecycleState {
  classKey: LifecycleClass;
  firstDay: number;
  lastDay: number;
  orderDays: number;
  hasRhythm: boolean;
  atRiskAfter: number;
  churnedAfter: number;
}

const NEVER_ORDERED: LifecycleState = Object.freeze({
  classKey: 'potential',
  firstDay: Number.NaN,
  lastDay: Number.NaN,
  orderDays: 0,
  hasRhythm: false,
  atRiskAfter: Number.NaN,
  churnedAfter: Number.NaN,
});

export function lifecycleStateOf(pop: Population, i: number, medianGap: number, config: EngineConfig): LifecycleState {
  const lc = config.lifecycle;
  const start = pop.orderStart[i]!;
  const end = pop.orderStart[i + 1]!;
  if (start === end) return NEVER_ORDERED;
  const firstDay = pop.orderDays[start]!;
  const lastDay = pop.orderDays[end - 1]!;
  let orderDays = 1;
  for (let k = start + 1; k < end; k++) if (pop.orderDays[k] !== pop.orderDays[k - 1]) orderDays++;
  const hasRhythm = orderDays >= 2;
  const gap = hasRhythm ? Math.max(medianGap, lc.minGapDays) : 0;
  const atRiskAfter = hasRhythm ? lc.atRiskMultiplier * gap : lc.oneOrderAtRiskDays;
  const churnedAfter = hasRhythm ? lc.churnedMultiplier * gap : lc.oneOrderChurnedDays;
  const isNew = pop.asOfDay - firstDay < lc.newDays;
  const classKey = isNew ? 'new' : classifyRecency(pop.asOfDay - lastDay, atRiskAfter, churnedAfter);
  return { classKey, firstDay, lastDay, orderDays, hasRhythm, atRiskAfter, churnedAfter };
}

export function assignLifecycle(pop: Population, i: number, medianGap: number, config: EngineConfig): Assignment<LifecycleExplanation> {
  const lc = config.lifecycle;
  const state = lifecycleStateOf(pop, i, medianGap, config);
  const { classKey, firstDay, lastDay, orderDays, hasRhythm, atRiskAfter, churnedAfter } = state;
  if (classKey === 'potential') {
    const moves: MoveHint[] = [{ kind: 'place_order', toClass: lc.newDays > 0 ? 'new' : 'active' }];
    return {
      classKey,
      explanation: {
        kind: 'lifecycle',
        firstOrderDate: null,
        lastOrderDate: null,
        daysSinceFirstOrder: null,
        daysSinceLastOrder: null,
        orderDays: 0,
        medianGapDays: null,
        basis: null,
        atRiskAfterDays: null,
        churnedAfterDays: null,
        newUntil: null,
        moves,
      },
    };
  }

  const moves: MoveHint[] = [];
  // Days since last order are whole numbers, so "≤ 1.5 × 10 = 15" and "≤ floor(x)" are the same test.
  const lastActiveDay = lastDay + Math.floor(atRiskAfter);
  if (classKey === 'new') {
    const firstNotNew = firstDay + lc.newDays;
    moves.push({ kind: 'changes_on', date: isoDateOf(firstNotNew), toClass: classifyRecency(firstNotNew - lastDay, atRiskAfter, churnedAfter) });
  } else if (classKey === 'active') {
    // Any order on or before lastActiveDay resets recency to 0, which is active under every threshold.
    moves.push({ kind: 'order_within', days: lastActiveDay - pop.asOfDay, by: isoDateOf(lastActiveDay), keeps: 'active' });
    moves.push({ kind: 'changes_on', date: isoDateOf(lastActiveDay + 1), toClass: classifyRecency(lastActiveDay + 1 - lastDay, atRiskAfter, churnedAfter) });
  } else {
    // Not new (first order is old enough), so an order today makes them active again.
    moves.push({ kind: 'place_order', toClass: 'active' });
    if (classKey === 'at_risk') moves.push({ kind: 'changes_on', date: isoDateOf(lastDay + Math.floor(churnedAfter) + 1), toClass: 'churned' });
  }

  return {
    classKey,
    explanation: {
      kind: 'lifecycle',
      firstOrderDate: isoDateOf(firstDay),
      lastOrderDate: isoDateOf(lastDay),
      daysSinceFirstOrder: pop.asOfDay - firstDay,
      daysSinceLastOrder: pop.asOfDay - lastDay,
      orderDays,
      medianGapDays: hasRhythm ? medianGap : null,
      basis: hasRhythm ? 'median_gap' : 'one_order_fallback',
      atRiskAfterDays: atRiskAfter,
      churnedAfterDays: churnedAfter,
      newUntil: lc.newDays > 0 ? isoDateOf(firstDay + lc.newDays - 1) : null,
      moves,
    },
  };
}
