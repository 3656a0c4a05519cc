/**
 * value: high / medium / low by the weighted value score
 *   valueScore = wR·R + wF·F + wM·M + wFollowUps·FollowUpScore   (scores 1–5, rounded to 6 decimals)
 * among buyers, cut by tiered-cut.ts (default top 20% high, next 30% medium; ties at a cut go up).
 */
import type { EngineConfig } from './config';
import { NO_MOVES } from './hints';
import type { Population } from './population';
import { valueScoreOf, type Ranking } from './ranking';
import { NONE, VALUE_CLASSES } from './schemes';
import { reachScore, reachScoreHint, scoreCutsOf } from './score-hints';
import { tierIndex } from './tiered-cut';
import type { Assignment, MoveHint, SchemeCuts, Scores, ValueExplanation } from './types';

const DIMS = ['r', 'f', 'm', 'followUps'] as const;

export function valueClassOf(ranking: Ranking, i: number): string {
  const valueScore = ranking.valueScore[i]!;
  return Number.isNaN(valueScore) ? NONE : VALUE_CLASSES[tierIndex(valueScore, ranking.valueTiers)]!;
}

export function assignValue(pop: Population, ranking: Ranking, i: number, config: EngineConfig): Assignment<ValueExplanation> {
  const weights = config.value.weights;
  const tierList = ranking.valueTiers;
  const cuts = { high: ranking.valueCuts.high.minValue, medium: ranking.valueCuts.medium.minValue };
  const orderCount = pop.orderCount[i]!;
  const followUpCount = pop.followUpCount[i]!;
  if (orderCount === 0) {
    const explanation: ValueExplanation = { kind: 'value', recencyDays: null, orderCount, revenueMinor: 0, followUpCount, scores: null, weights, valueScore: null, cuts, moves: NO_MOVES };
    return { classKey: NONE, explanation };
  }

  const scores: Scores = { r: ranking.scores.r[i]!, f: ranking.scores.f[i]!, m: ranking.scores.m[i]!, followUps: ranking.scores.followUps[i]! };
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
        const step = reachScore(ranking, pop, i, dim, s);
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
    weights: config.value.weights,
    followUps: scoreCutsOf('followUps', ranking.scales.followUps),
    high: ranking.valueCuts.high,
    medium: ranking.valueCuts.medium,
  };
}
