/**
 * Scores 1–5 by quintile, with a tie rule under which equal values always get equal scores:
 *
 *   score(v) = 1 + floor(5 × below(v) / n)
 *
 * where n is the size of the scored population and below(v) the number of its members with a strictly
 * worse value — the 0-based rank of the value's first occurrence. The worst value always scores 1 (so a
 * one-order customer is always F1), and a population whose values are all equal scores 1 throughout.
 * Values are "goodness" numbers: higher is better (recency is passed negated).
 */
import { sortAscending } from './ascending';
import { countBelow } from './sorted';

export interface ScoreScale {
  /** Goodness values of the scored population, ascending. */
  sorted: Float64Array;
}

export function makeScale(goodness: ArrayLike<number>): ScoreScale {
  return { sorted: sortAscending(Float64Array.from(goodness)) };
}

/** A scale of `count` values written by `valueAt(k)`, with no array in between (the engine's 100k-member path). */
export function makeScaleOf(count: number, valueAt: (k: number) => number): ScoreScale {
  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) values[k] = valueAt(k);
  return { sorted: sortAscending(values) };
}

/**
 * 1 + floor(5 × below / n), read from the four cut ranks instead of a binary search: the score reaches s
 * exactly when at least ceil((s − 1)·n / 5) members are strictly below, that is when the member at that
 * rank − 1 is. Four or five reads, where a search over 100k values takes seventeen, for every customer on
 * every run.
 */
export function scoreOf(scale: ScoreScale, goodness: number): number {
  const sorted = scale.sorted;
  const n = sorted.length;
  // 0 / 0, as the formula gives for an empty scale.
  if (n === 0) return Number.NaN;
  // A member of the scale scores at most 5; a value above all of it, 6, as the formula says.
  let score = 1;
  while (score < 6 && sorted[membersBelowFor(score + 1, n) - 1]! < goodness) score++;
  return score;
}

/** Members needed strictly below a value for it to score at least `score`. */
function membersBelowFor(score: number, n: number): number {
  return Math.ceil(((score - 1) * n) / 5);
}

/**
 * Population cut points: for each score 2..5, the goodness a value must strictly exceed to reach it.
 * Empty for an empty population.
 */
export function scaleCuts(scale: ScoreScale): { score: number; above: number }[] {
  const n = scale.sorted.length;
  if (n === 0) return [];
  return [2, 3, 4, 5].map((score) => ({ score, above: scale.sorted[membersBelowFor(score, n) - 1] as number }));
}

/**
 * For one member currently at `goodness`: the goodness it must strictly exceed to reach `target`, with
 * everyone else's values unchanged; null when even the best value would not get there (too few others).
 * The member itself never counts as "below" itself, so the bound is read from the others: skipping the
 * member's own slot shifts the index by one.
 */
export function exceedToReach(scale: ScoreScale, goodness: number, target: number): number | null {
  const n = scale.sorted.length;
  if (scoreOf(scale, goodness) >= target) return null;
  const needed = membersBelowFor(target, n);
  if (needed > n - 1) return null;
  return scale.sorted[needed] as number;
}

/** The score a member gets after its own value moves from `from` to `to`, everyone else unchanged. */
export function scoreAfterChange(scale: ScoreScale, from: number, to: number): number {
  const n = scale.sorted.length;
  const othersBelow = countBelow(scale.sorted, to) - (from < to ? 1 : 0);
  return 1 + Math.floor((5 * othersBelow) / n);
}
