/**
 * The population-wide numbers the relative schemes share: who the buyers are (≥ 1 order in the window),
 * their R/F/M/follow-up scores, value scores and the tier cuts. Each numeric array is sorted once and then
 * only binary-searched, so ranking n customers is O(n log n).
 */
import type { EngineConfig } from './config';
import type { Population } from './population';
import { makeScale, scoreOf, type ScoreScale } from './quintile';
import { tierCuts } from './tiered-cut';
import type { Scores, ScoreDimension, TierCut } from './types';
import { medianOfSorted } from './sorted';

export interface Ranking {
  buyers: number;
  scales: Record<ScoreDimension, ScoreScale>;
  /** 0 for customers without orders in the window. */
  scores: Record<ScoreDimension, Uint8Array>;
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

const DIMENSIONS: readonly ScoreDimension[] = ['r', 'f', 'm', 'followUps'];

/** Rounded so that equal weighted sums compare equal despite binary floating point. */
export function valueScoreOf(scores: Scores, weights: Scores): number {
  const raw = weights.r * scores.r + weights.f * scores.f + weights.m * scores.m + weights.followUps * scores.followUps;
  return Math.round(raw * 1e6) / 1e6;
}

export function rankPopulation(pop: Population, config: EngineConfig, predicted?: ReadonlyMap<string, number>): Ranking {
  const n = pop.customers.length;
  const buyerIdx: number[] = [];
  for (let i = 0; i < n; i++) if (pop.orderCount[i]! > 0) buyerIdx.push(i);

  const scales = {} as Record<ScoreDimension, ScoreScale>;
  const scores = {} as Record<ScoreDimension, Uint8Array>;
  for (const dim of DIMENSIONS) {
    const scale = makeScale(buyerIdx.map((i) => goodnessOf(pop, i, dim)));
    const dimScores = new Uint8Array(n);
    for (const i of buyerIdx) dimScores[i] = scoreOf(scale, goodnessOf(pop, i, dim));
    scales[dim] = scale;
    scores[dim] = dimScores;
  }

  const valueScore = new Float64Array(n).fill(Number.NaN);
  const weights = config.value.weights;
  for (const i of buyerIdx) {
    valueScore[i] = valueScoreOf({ r: scores.r[i]!, f: scores.f[i]!, m: scores.m[i]!, followUps: scores.followUps[i]! }, weights);
  }
  const sortedValues = Float64Array.from(buyerIdx, (i) => valueScore[i]!).sort();
  const [high, medium] = tierCuts(sortedValues, [config.value.highShare, config.value.mediumShare]) as [TierCut, TierCut];

  const pyramidValue = new Float64Array(n).fill(Number.NaN);
  if (config.pyramid.basis === 'revenue') {
    for (const i of buyerIdx) pyramidValue[i] = pop.revenue[i]!;
  } else {
    if (!predicted) throw new RangeError("pyramid basis 'predicted' needs a predicted value map");
    for (let i = 0; i < n; i++) {
      const v = predicted.get(pop.customers[i]!.id);
      if (v !== undefined && Number.isFinite(v)) pyramidValue[i] = v;
    }
  }
  const pyramidRanked = pyramidValue.filter((v) => !Number.isNaN(v)).sort();
  const p = config.pyramid;
  const [platinum, gold, iron] = tierCuts(pyramidRanked, [p.platinumShare, p.goldShare, p.ironShare]) as [TierCut, TierCut, TierCut];

  const sortedOrderCounts = scales.f.sorted;
  const t = config.behavior.threshold;
  const behaviorThreshold = t.kind === 'fixed' ? t.orders : buyerIdx.length > 0 ? medianOfSorted(sortedOrderCounts) : null;

  return {
    buyers: buyerIdx.length,
    scales,
    scores,
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
