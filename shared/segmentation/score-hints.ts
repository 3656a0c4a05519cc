/**
 * Hints of the form "reach score s on dimension d" and the score cut points shown by the UI, translated
 * from goodness (higher is better, recency negated) back to raw numbers: days, orders, minor units.
 * Raw values are whole numbers, so "strictly above b" becomes "at least b + 1".
 */
import type { Population } from './population';
import { exceedToReach, scaleCuts, scoreAfterChange, type ScoreScale } from './quintile';
import { goodnessOf, type Ranking } from './ranking';
import type { MoveHint, ScoreCut, ScoreDimension, Scores } from './types';

export function scoreCutsOf(dim: ScoreDimension, scale: ScoreScale): ScoreCut[] {
  return scaleCuts(scale).map(({ score, above }) =>
    dim === 'r' ? { score, bound: 'at_most', value: 0 - above - 1 } : { score, bound: 'at_least', value: above + 1 },
  );
}

export interface ScoreStep {
  /** The score actually reached: ties among the others can lift it past the target. */
  score: number;
  bound: 'at_least' | 'at_most';
  value: number;
}

/**
 * The least raw value on `dim` that gives customer i at least `target`, everyone else unchanged, and the
 * score it really gets; null if no value gets there (recency cannot go below 0 days).
 */
export function reachScore(ranking: Ranking, pop: Population, i: number, dim: ScoreDimension, target: number): ScoreStep | null {
  const scale = ranking.scales[dim];
  const current = goodnessOf(pop, i, dim);
  const bound = exceedToReach(scale, current, target);
  if (bound === null) return null;
  const reached = bound + 1;
  const score = scoreAfterChange(scale, current, reached);
  // 0 - x, not -x: a recency of -0 would leak into the data.
  if (dim === 'r') return reached > 0 ? null : { score, bound: 'at_most', value: 0 - reached };
  return { score, bound: 'at_least', value: reached };
}

export function reachScoreHint(dim: ScoreDimension, step: ScoreStep, toClass: string | null): MoveHint {
  return { kind: 'reach_score', dimension: dim, score: step.score, bound: step.bound, value: step.value, toClass };
}

/**
 * For each dimension: the least raw value whose score changes the class `classify` gives, as a hint.
 * Stops when a score is unreachable: higher ones are too.
 */
export function classChangingHints(
  ranking: Ranking,
  pop: Population,
  i: number,
  scores: Scores,
  dims: readonly ScoreDimension[],
  classify: (scores: Scores) => string,
): MoveHint[] {
  const current = classify(scores);
  const hints: MoveHint[] = [];
  const probe: Scores = { ...scores };
  for (const dim of dims) {
    let target = scores[dim] + 1;
    while (target <= 5) {
      const step = reachScore(ranking, pop, i, dim, target);
      if (!step) break;
      probe[dim] = step.score;
      const toClass = classify(probe);
      if (toClass !== current) {
        hints.push(reachScoreHint(dim, step, toClass));
        break;
      }
      target = step.score + 1;
    }
    probe[dim] = scores[dim];
  }
  return hints;
}
