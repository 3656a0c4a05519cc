/**
 * pyramid: platinum / gold / iron / lead by the basis amount (window revenue, gross profit, or a caller's
 * predicted value), default top 1% / next 4% / next 15% / rest, cut by tiered-cut.ts — or by fixed
 * thresholds (basis amount ≥ ¥500,000 → platinum …). Customers outside the ranked population: 'none'.
 */
import type { EngineConfig } from './config';
import { NO_MOVES } from './hints';
import type { Population } from './population';
import { profitFallsBack, type Ranking } from './ranking';
import { NONE, PYRAMID_CLASSES } from './schemes';
import { countAbove, countBelow } from './sorted';
import { tierIndex } from './tiered-cut';
import type { Assignment, MoveHint, PyramidExplanation, SchemeCuts } from './types';

export function pyramidClassOf(ranking: Ranking, i: number): string {
  const value = ranking.pyramidValue[i]!;
  return Number.isNaN(value) ? NONE : PYRAMID_CLASSES[tierIndex(value, ranking.pyramidTiers)]!;
}

/** How the tiers were cut: each tier's own share, or each tier's threshold in the customer's group. */
function cutRule(ranking: Ranking, config: EngineConfig): Pick<PyramidExplanation, 'mode' | 'shares' | 'thresholds'> {
  const p = config.pyramid;
  if (p.mode === 'thresholds') return { mode: 'thresholds', shares: null, thresholds: p.groupThresholds[ranking.group] ?? p.thresholds };
  return { mode: 'shares', shares: { platinum: p.platinumShare, gold: p.goldShare, iron: p.ironShare }, thresholds: null };
}

export function assignPyramid(pop: Population, ranking: Ranking, i: number, config: EngineConfig, by: string | null): Assignment<PyramidExplanation> {
  const { platinum, gold, iron } = ranking.pyramidCuts;
  const tiers = ranking.pyramidTiers;
  const value = ranking.pyramidValue[i]!;
  const basis = config.pyramid.basis;
  const ranked = ranking.pyramidRanked.length;
  const cuts = { platinum: platinum.minValue, gold: gold.minValue, iron: iron.minValue };
  const rule = cutRule(ranking, config);
  // Gross profit without any known cost ranks the customer by revenue; the explanation says so.
  const fellBackToRevenue = basis === 'gross_profit' && pop.orderCount[i]! > 0 && profitFallsBack(pop, i);
  const base = { kind: 'pyramid' as const, basis, fellBackToRevenue, ranked, cuts, ...rule, group: null };
  if (Number.isNaN(value)) {
    return { classKey: NONE, explanation: { ...base, rankValue: null, rank: null, reached: null, moves: NO_MOVES } };
  }
  const tier = tierIndex(value, tiers);
  const next = tier > 0 ? tiers[tier - 1]!.minValue : null;
  // Exact: other customers' amounts do not move when this one spends, and each sale adds its whole amount
  // to revenue. For gross profit "spend" means margin; predicted values are not spendable at all.
  const moves: readonly MoveHint[] =
    next !== null && basis !== 'predicted'
      ? [{ kind: 'spend_more', amountMinor: next - value, by, toClass: PYRAMID_CLASSES[tierIndex(next, tiers)]! }]
      : NO_MOVES;
  const rank = countAbove(ranking.pyramidRanked, value) + 1;
  return { classKey: pyramidClassOf(ranking, i), explanation: { ...base, rankValue: value, rank, reached: reachedOf(ranking, tier, config), moves } };
}

/** Members of tier `tier` or above, and the count the shares aimed at (see PyramidExplanation.reached). */
function reachedOf(ranking: Ranking, tier: number, config: EngineConfig): PyramidExplanation['reached'] {
  const sorted = ranking.pyramidRanked;
  const cut = ranking.pyramidTiers[tier];
  if (cut === undefined || cut.minValue === null) return { count: sorted.length, target: null };
  return { count: sorted.length - countBelow(sorted, cut.minValue), target: config.pyramid.mode === 'shares' ? cut.targetCount : null };
}

export function pyramidCuts(ranking: Ranking, config: EngineConfig): SchemeCuts {
  return { kind: 'pyramid', basis: config.pyramid.basis, mode: config.pyramid.mode, ranked: ranking.pyramidRanked.length, ...ranking.pyramidCuts };
}
