/**
 * One customer placed again right after their own data changed, on the scales and cuts of the last full
 * run: their R/F/M and follow-up scores, value score, pyramid amount, lifecycle, intent, attributes and
 * custom segments are their own and exact; what stays as of the full run is everyone else — the quintile
 * scales, the tier cuts, the group sizes. The caller refreshes those with a full run in the background.
 * Exactly the full run's own per-customer code on a population of one, so for a customer whose data did
 * not change the answer is the full run's, to the last explanation (a test holds it to that).
 */
import { activityTable, collectPopulationFromActivity, type ActivityColumns } from './activity';
import { classColumns } from './columns';
import { buildCustomer } from './customer-view';
import { medianGaps } from './lifecycle';
import { groupCustomers } from './partition';
import { goodnessOf, scoreMember, sharedArrays, type PlaceOnScale, type Ranking } from './ranking';
import { scoreAfterChange } from './quintile';
import { countBelow } from './sorted';
import type { Population } from './population';
import type { Run } from './run';
import type { CustomerSegmentation, EngineCustomer } from './types';

export interface Reclassified {
  /** Scheme → class key, for every scheme of the run. */
  classKeys: Record<string, string>;
  /** The partition group the customer is ranked in now. */
  groupKey: string;
  view: CustomerSegmentation;
  /** The customer's own population of one (their window figures and order days). */
  pop: Population;
}

/**
 * Customer `index` of the run, with their data now `activity` (their columns of one) and their record `customer`. Null when
 * they now fall in a partition group the run has no cuts for: only a full run can place them.
 */
export function reclassifyOne(run: Run, index: number, customer: EngineCustomer, activity: ActivityColumns, predicted?: ReadonlyMap<string, number>): Reclassified | null {
  const { config, segments } = run;
  const pop = collectPopulationFromActivity([customer], activityTable(activity), config);
  const gaps = medianGaps(pop);
  const groups = groupCustomers(pop, config, segments, gaps);
  const groupKey = groups.keys[0]!;
  const before = run.rankings.find((r) => r.group === groupKey);
  if (!before) return null;
  const own = sharedArrays(1);
  scoreMember(pop, 0, config, predicted, before, own, placeAgain(run, index, before));
  const ranking: Ranking = {
    ...before,
    scores: own.scores,
    valueMScores: config.value.basis === 'revenue' ? own.scores.m : own.valueMScores,
    valueMoney: own.valueMoney,
    valueScore: own.valueScore,
    pyramidValue: own.pyramidValue,
  };
  const one: Run = { config, pop, groups, rankings: [ranking], rankingOf: () => ranking, medianGaps: gaps, segments };
  const columns = classColumns(one);
  return { classKeys: Object.fromEntries(Object.entries(columns).map(([scheme, column]) => [scheme, column[0]!])), groupKey, view: buildCustomer(one, 0), pop };
}

/**
 * Scores on the run's scales for a customer whose value moved: if the run scored them in this group, as
 * quintile.ts scoreAfterChange does (their old value leaves the scale, the new one is placed among the
 * others); if not (they were no buyer, or in another group), as one member more. Unchanged values score
 * exactly as in the run.
 */
function placeAgain(run: Run, index: number, ranking: Ranking): PlaceOnScale {
  const wasScored = run.pop.orderCount[index]! > 0 && run.rankingOf(index) === ranking;
  return (scale, goodness, dimension) => {
    if (!wasScored) return 1 + Math.floor((5 * countBelow(scale.sorted, goodness)) / (scale.sorted.length + 1));
    const before = dimension === 'valueM' ? ranking.valueMoney[index]! : goodnessOf(run.pop, index, dimension);
    return scoreAfterChange(scale, before, goodness);
  };
}
