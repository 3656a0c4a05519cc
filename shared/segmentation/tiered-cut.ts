/**
 * Tiers by cumulative share of a ranked population (pyramid: 1% / 4% / 15% / rest; value: 20% / 30% / rest).
 *
 * Small-count rule: tier i's cumulative target count is round-half-up(cumulativeShare_i × n), so every
 * cumulative count is the nearest whole customer to its cut-off (within ½ customer when there are no ties).
 * Tie rule: tier i takes every value ≥ minValue_i, where minValue_i is the targetCount_i-th largest value.
 * Equivalently a member goes to the first tier i with (members strictly greater) < targetCount_i: equal
 * values never split, and a tie straddling a boundary goes to the higher tier (so tiers can exceed their
 * targets, never fall short). That also makes "gold ≥ ¥12,345" an exact description of the tier.
 */
import type { TierCut } from './types';

/** Absorbs binary floating-point error in share × n (0.05 × 50 must round up to 3, not down to 2). */
const EPSILON = 1e-9;

export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + EPSILON);
}

/** `sortedAsc`: the ranked values, ascending. `shares`: each tier's own share, best tier first. */
export function tierCuts(sortedAsc: ArrayLike<number>, shares: readonly number[]): TierCut[] {
  const n = sortedAsc.length;
  let cumulative = 0;
  return shares.map((share) => {
    cumulative += share;
    const targetCount = Math.min(n, roundHalfUp(cumulative * n));
    const minValue = targetCount > 0 ? (sortedAsc[n - targetCount] as number) : null;
    return { targetCount, minValue };
  });
}

/** Index of the tier a value falls in; cuts.length means the rest tier below all cuts. */
export function tierIndex(value: number, cuts: readonly TierCut[]): number {
  for (let i = 0; i < cuts.length; i++) {
    const min = (cuts[i] as TierCut).minValue;
    if (min !== null && value >= min) return i;
  }
  return cuts.length;
}
