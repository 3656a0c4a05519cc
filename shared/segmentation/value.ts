/**
 * value: high / medium / low by the weighted value score
 *   valueScore = wR·R + wF·F + wM·M + wFollowUps·FollowUpScore   (scores 1–5, rounded to 6 decimals)
 * among buyers, cut by tiered-cut.ts (default top 20% high, next 30% medium; ties at a cut go up).
 */
import type { EngineConfig } from './config';
import { NO_MOVES } from './hints';
import type { Population } from './population';
import { exceedToReach, scoreAfterChange } from './quintile';
import { profitFallsBack, valueScoreOf, type Ranking } from './ranking';
import { NONE, VALUE_CLASSES } from './schemes';
import { reachScore, reachScoreHint, scoreCutsOf, type ScoreStep } from './score-hints';
import { tierIndex } from './tiered-cut';
import type { Assignment, MoveHint, SchemeCuts, Scores, ValueExplanation } from './types';

const DIMS = ['r', 'f', 'm', 'followUps'] as const;

export function valueClassOf(ranking: Ranking, i: number): string {
  const valueScore = ranking.valueScore[i]!;
  return Number.isNaN(valueScore) ? NONE : VALUE_CLASSES[tierIndex(valueScore, ranking.valueTiers)]!;
}

/**
 * The M step on value's own basis: for revenue the usual reach_score; for gross profit the least profit
 * (minor units) that lifts value's M to the target; none for predicted values, which nobody can spend.
 */
function reachValueM(pop: Population, ranking: Ranking, i: number, target: number, config: EngineConfig): ScoreStep | null {
  const basis = config.value.basis;
  if (basis === 'revenue') return reachScore(ranking, pop, i, 'm', target);
  if (basis === 'predicted') return null;
  const current = ranking.valueMoney[i]!;
  const bound = exceedToReach(ranking.valueMScale, current, target);
  if (bound === null) return null;
  return { score: scoreAfterChange(ranking.valueMScale, current, bound + 1), bound: 'at_least', value: bound + 1 };
}

export function assignValue(pop: Population, ranking: Ranking, i: number, config: EngineConfig): Assignment<ValueExplanation> {
  const weights = config.value.weights;
  const tierList = ranking.valueTiers;
  const cuts = { high: ranking.valueCuts.high.minValue, medium: ranking.valueCuts.medium.minValue };
  const orderCount = pop.orderCount[i]!;
  const followUpCount = pop.followUpCount[i]!;
  const { basis, mode } = config.value;
  if (orderCount === 0) {
    const explanation: ValueExplanation = {
      kind: 'value', group: null, basis, fellBackToRevenue: false, basisAmountMinor: null, mode,
      recencyDays: null, orderCount, revenueMinor: pop.revenue[i]!, followUpCount, scores: null, weights, valueScore: null, cuts, moves: NO_MOVES,
    };
    return { classKey: NONE, explanation };
  }

  // M is value's own M: scored from the basis amount (the same as the RFM M for revenue).
  const scores: Scores = { r: ranking.scores.r[i]!, f: ranking.scores.f[i]!, m: ranking.valueMScores[i]!, followUps: ranking.scores.followUps[i]! };
  const valueScore = ranking.valueScore[i]!;
  const tier = tierIndex(valueScore, tierList);
  const moves: MoveHint[] = [];
  const target = tier > 0 ? tierList[tier - 1]!.minValue : null;
  if (target !== null) {
    const toClass = VALUE_CLASSES[tierIndex(target, tierList)]!;
    moves.push({ kind: 'raise_value_score', points: Math.round((target - valueScore) * 1e6) / 1e6, toClass });
    // Per dimension, the least raw value whose score alone closes the gap. Sufficient, not always minimal:
    // passing other customers can only lower their scores, which never raises the cut.
    const probe: Scores = { ...scores };
    for (const dim of DIMS) {
      if (weights[dim] === 0) continue;
      let s = scores[dim] + 1;
      while (s <= 5) {
        const step = dim === 'm' ? reachValueM(pop, ranking, i, s, config) : reachScore(ranking, pop, i, dim, s);
        if (!step) break;
        probe[dim] = step.score;
        const raised = valueScoreOf(probe, weights);
        if (raised >= target) {
          moves.push(reachScoreHint(dim, step, VALUE_CLASSES[tierIndex(raised, tierList)]!));
          break;
        }
        s = step.score + 1;
      }
      probe[dim] = scores[dim];
    }
  }
  const explanation: ValueExplanation = {
    kind: 'value',
    group: null,
    basis,
    fellBackToRevenue: basis === 'gross_profit' && profitFallsBack(pop, i),
    basisAmountMinor: ranking.valueMoney[i]!,
    mode,
    recencyDays: pop.asOfDay - pop.orderDays[pop.orderStart[i + 1]! - 1]!,
    orderCount,
    revenueMinor: pop.revenue[i]!,
    followUpCount,
    scores,
    weights,
    valueScore,
    cuts,
    moves,
  };
  return { classKey: valueClassOf(ranking, i), explanation };
}

export function valueCuts(ranking: Ranking, config: EngineConfig): SchemeCuts {
  return {
    kind: 'value',
    buyers: ranking.buyers,
    basis: config.value.basis,
    mode: config.value.mode,
    weights: config.value.weights,
    followUps: scoreCutsOf('followUps', ranking.scales.followUps),
    high: ranking.valueCuts.high,
    medium: ranking.valueCuts.medium,
  };
}
