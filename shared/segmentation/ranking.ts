/**
 * The group-wide numbers the relative schemes share: who the buyers are (≥ 1 sale in the window), their
 * R/F/M/follow-up scores, value scores and the tier cuts. Without a partition there is one group, the whole
 * population; with one, each group is ranked on its own (partition.ts). Each numeric array is sorted once
 * and then only binary-searched, so ranking n customers is O(n log n).
 *
 * Per-customer arrays (scores, valueScore, pyramidValue, basis amounts) are allocated once for the whole
 * population and shared by every group's Ranking — groups are disjoint, so each writes only its members.
 */
import type { EngineConfig, TierBasis } from './config';
import type { Population } from './population';
import { sortAscending } from './ascending';
import { makeScaleOf, scoreOf, type ScoreScale } from './quintile';
import { countBelow, medianOfSorted } from './sorted';
import { tierCuts } from './tiered-cut';
import { CUSTOMERS_PER_STEP } from './step-size';
import { inStretches, runSteps, type Steps } from '../domain/steps';
import type { Scores, ScoreDimension, TierCut } from './types';

export interface Ranking {
  /** Group key ('all' without a partition) and the number of customers in the group. */
  group: string;
  groupSize: number;
  buyers: number;
  scales: Record<ScoreDimension, ScoreScale>;
  /** 0 for customers without orders in the window. */
  scores: Record<ScoreDimension, Uint8Array>;
  /** The value scheme's M: the basis amount's scale and scores (the same as scales.m / scores.m for revenue). */
  valueMScale: ScoreScale;
  valueMScores: Uint8Array;
  /** Basis amount of value's M per customer (NaN outside the value basis). */
  valueMoney: Float64Array;
  /** NaN for non-buyers. */
  valueScore: Float64Array;
  valueCuts: { high: TierCut; medium: TierCut };
  /** The same cuts best-first, as tierIndex takes them. */
  valueTiers: readonly TierCut[];
  /** NaN for customers outside the pyramid's ranked population. */
  pyramidValue: Float64Array;
  pyramidRanked: Float64Array;
  pyramidCuts: { platinum: TierCut; gold: TierCut; iron: TierCut };
  pyramidTiers: readonly TierCut[];
  /** Window order counts of buyers, ascending (behavior's median reads it). */
  sortedOrderCounts: Float64Array;
  behaviorThreshold: number | null;
}

/** Higher is better for every dimension, so recency enters negated. */
export function goodnessOf(pop: Population, i: number, dim: ScoreDimension): number {
  switch (dim) {
    case 'r':
      return pop.orderDays[pop.orderStart[i + 1]! - 1]! - pop.asOfDay;
    case 'f':
      return pop.orderCount[i]!;
    case 'm':
      return pop.revenue[i]!;
    case 'followUps':
      return pop.followUpCount[i]!;
  }
}

/** True when gross profit has no cost to go on for customer i and falls back to revenue. */
export function profitFallsBack(pop: Population, i: number): boolean {
  return pop.costKnown[i] === 0;
}

/**
 * Customer i's amount on a money basis: window revenue; gross profit = revenue − known costs (revenue when
 * no window order has a cost); or the caller's predicted value (NaN when the map has none).
 */
export function basisAmount(pop: Population, i: number, basis: TierBasis, predicted: ReadonlyMap<string, number> | undefined): number {
  switch (basis) {
    case 'revenue':
      return pop.revenue[i]!;
    case 'gross_profit':
      return profitFallsBack(pop, i) ? pop.revenue[i]! : pop.revenue[i]! - pop.cost[i]!;
    case 'predicted': {
      const v = predicted?.get(pop.customers[i]!.id);
      return v !== undefined && Number.isFinite(v) ? v : Number.NaN;
    }
  }
}

const DIMENSIONS: readonly ScoreDimension[] = ['r', 'f', 'm', 'followUps'];

/** Rounded so that equal weighted sums compare equal despite binary floating point. */
export function valueScoreOf(scores: Scores, weights: Scores): number {
  const raw = weights.r * scores.r + weights.f * scores.f + weights.m * scores.m + weights.followUps * scores.followUps;
  return Math.round(raw * 1e6) / 1e6;
}

/**
 * Fixed thresholds as cuts: tier i holds every value ≥ threshold_i (its targetCount is then simply how many
 * ranked values reach it, cumulatively), so "再采购 ¥12,000 → 黄金" is exact.
 */
function thresholdCuts(sortedAsc: Float64Array, thresholds: readonly number[]): TierCut[] {
  return thresholds.map((minValue) => ({ targetCount: sortedAsc.length - countBelow(sortedAsc, minValue), minValue }));
}

export interface SharedArrays {
  scores: Record<ScoreDimension, Uint8Array>;
  valueMScores: Uint8Array;
  valueMoney: Float64Array;
  valueScore: Float64Array;
  pyramidValue: Float64Array;
}

export function sharedArrays(n: number): SharedArrays {
  return {
    scores: { r: new Uint8Array(n), f: new Uint8Array(n), m: new Uint8Array(n), followUps: new Uint8Array(n) },
    valueMScores: new Uint8Array(n),
    valueMoney: new Float64Array(n).fill(Number.NaN),
    valueScore: new Float64Array(n).fill(Number.NaN),
    pyramidValue: new Float64Array(n).fill(Number.NaN),
  };
}

/** What value's M ranks a buyer by: the basis amount, a missing prediction counting as 0. */
function valueMoneyOf(pop: Population, i: number, config: EngineConfig, predicted: ReadonlyMap<string, number> | undefined): number {
  const amount = basisAmount(pop, i, config.value.basis, predicted);
  return Number.isNaN(amount) ? 0 : amount;
}

/** A group's scales: what each score is relative to. */
export interface GroupScales {
  scales: Record<ScoreDimension, ScoreScale>;
  valueMScale: ScoreScale;
}

/**
 * Customer i's scores and ranked amounts on a group's scales, written into the per-customer arrays:
 * what ranking does for each member once the scales are known (each on the scale it is part of). Also
 * used alone to place one customer whose data just changed on scales computed before (reclassify.ts),
 * with `place` saying how a value is scored on a scale it is no longer (or not yet) part of.
 */
/** The score of a goodness on a scale; `dimension` 'valueM' is value's M on its basis. */
export type PlaceOnScale = (scale: ScoreScale, goodness: number, dimension: ScoreDimension | 'valueM') => number;

const onOwnScale: PlaceOnScale = (scale, goodness) => scoreOf(scale, goodness);

export function scoreMember(
  pop: Population,
  i: number,
  config: EngineConfig,
  predicted: ReadonlyMap<string, number> | undefined,
  group: GroupScales,
  out: SharedArrays,
  place: PlaceOnScale = onOwnScale,
): void {
  const buyer = pop.orderCount[i]! > 0;
  if (buyer) {
    for (const dim of DIMENSIONS) out.scores[dim][i] = place(group.scales[dim], goodnessOf(pop, i, dim), dim);
    const revenueBasis = config.value.basis === 'revenue';
    out.valueMoney[i] = revenueBasis ? pop.revenue[i]! : valueMoneyOf(pop, i, config, predicted);
    const m = revenueBasis ? out.scores.m[i]! : place(group.valueMScale, out.valueMoney[i]!, 'valueM');
    if (!revenueBasis) out.valueMScores[i] = m;
    out.valueScore[i] = valueScoreOf({ r: out.scores.r[i]!, f: out.scores.f[i]!, m, followUps: out.scores.followUps[i]! }, config.value.weights);
  }
  const p = config.pyramid;
  if (p.basis === 'predicted') {
    if (!predicted) throw new RangeError("pyramid basis 'predicted' needs a predicted value map");
    out.pyramidValue[i] = basisAmount(pop, i, 'predicted', predicted);
  } else if (buyer) out.pyramidValue[i] = basisAmount(pop, i, p.basis, predicted);
}

/** scoreMember for members[from … to − 1]: an ordinary function, as a loop inside the generator runs slower. */
function scoreMembers(pop: Population, members: readonly number[], config: EngineConfig, predicted: ReadonlyMap<string, number> | undefined, group: GroupScales, out: SharedArrays, from: number, to: number): void {
  for (let k = from; k < to; k++) scoreMember(pop, members[k]!, config, predicted, group, out);
}

function* rankGroupInSteps(
  pop: Population,
  config: EngineConfig,
  predicted: ReadonlyMap<string, number> | undefined,
  group: string,
  members: readonly number[],
  shared: SharedArrays,
): Steps<Ranking> {
  const buyerIdx: number[] = [];
  for (const i of members) if (pop.orderCount[i]! > 0) buyerIdx.push(i);
  const buyers = buyerIdx.length;

  // A scale is a sort of every buyer's value (7-9 ms at 100k): one per turn, where the five took 40-60 ms in one.
  const scales = {} as Record<ScoreDimension, ScoreScale>;
  for (const dim of DIMENSIONS) {
    scales[dim] = makeScaleOf(buyers, (k) => goodnessOf(pop, buyerIdx[k]!, dim));
    yield;
  }
  const v = config.value;
  // Value's M follows its basis (revenue: the shared M).
  const valueMScale = v.basis === 'revenue' ? scales.m : makeScaleOf(buyers, (k) => valueMoneyOf(pop, buyerIdx[k]!, config, predicted));
  const { scores, valueScore, pyramidValue } = shared;
  const valueMScores = v.basis === 'revenue' ? scores.m : shared.valueMScores;
  yield;
  const groupScales: GroupScales = { scales, valueMScale };
  yield* inStretches(members.length, CUSTOMERS_PER_STEP, (from, to) => scoreMembers(pop, members, config, predicted, groupScales, shared, from, to));
  yield;

  const sortedValues = sortAscending(Float64Array.from(buyerIdx, (i) => valueScore[i]!));
  const valueThresholds = v.groupThresholds[group] ?? v.thresholds;
  const [high, medium] = (
    v.mode === 'thresholds' ? thresholdCuts(sortedValues, [valueThresholds.high, valueThresholds.medium]) : tierCuts(sortedValues, [v.highShare, v.mediumShare])
  ) as [TierCut, TierCut];

  const p = config.pyramid;
  const pyramidRanked = sortAscending(Float64Array.from(members.filter((i) => !Number.isNaN(pyramidValue[i]!)), (i) => pyramidValue[i]!));
  const pyramidThresholds = p.groupThresholds[group] ?? p.thresholds;
  const [platinum, gold, iron] = (
    p.mode === 'thresholds'
      ? thresholdCuts(pyramidRanked, [pyramidThresholds.platinum, pyramidThresholds.gold, pyramidThresholds.iron])
      : tierCuts(pyramidRanked, [p.platinumShare, p.goldShare, p.ironShare])
  ) as [TierCut, TierCut, TierCut];

  const sortedOrderCounts = scales.f.sorted;
  const t = config.behavior.threshold;
  const behaviorThreshold = t.kind === 'fixed' ? t.orders : buyerIdx.length > 0 ? medianOfSorted(sortedOrderCounts) : null;

  return {
    group,
    groupSize: members.length,
    buyers: buyerIdx.length,
    scales,
    scores,
    valueMScale,
    valueMScores,
    valueMoney: shared.valueMoney,
    valueScore,
    valueCuts: { high, medium },
    valueTiers: [high, medium],
    pyramidValue,
    pyramidRanked,
    pyramidCuts: { platinum, gold, iron },
    pyramidTiers: [platinum, gold, iron],
    sortedOrderCounts,
    behaviorThreshold,
  };
}

/** One Ranking per group (keys and members from partition.ts), all sharing the per-customer arrays. */
export function rankGroups(
  pop: Population,
  config: EngineConfig,
  predicted: ReadonlyMap<string, number> | undefined,
  groups: { keys: readonly string[]; members: readonly (readonly number[])[] },
): Ranking[] {
  return runSteps(rankGroupsInSteps(pop, config, predicted, groups));
}

/** rankGroups yielding between its passes: each group's scales, its members scored a slice at a time, its cuts. */
export function* rankGroupsInSteps(
  pop: Population,
  config: EngineConfig,
  predicted: ReadonlyMap<string, number> | undefined,
  groups: { keys: readonly string[]; members: readonly (readonly number[])[] },
): Steps<Ranking[]> {
  if (config.value.basis === 'predicted' && !predicted) throw new RangeError("value basis 'predicted' needs a predicted value map");
  const shared = sharedArrays(pop.customers.length);
  const rankings: Ranking[] = [];
  for (let g = 0; g < groups.keys.length; g++) rankings.push(yield* rankGroupInSteps(pop, config, predicted, groups.keys[g]!, groups.members[g]!, shared));
  return rankings;
}

/** The whole population as one group (segmentOne-style callers and tests). */
export function rankPopulation(pop: Population, config: EngineConfig, predicted?: ReadonlyMap<string, number>): Ranking {
  const all = Array.from({ length: pop.customers.length }, (_, i) => i);
  return rankGroups(pop, config, predicted, { keys: ['all'], members: [all] })[0]!;
}
