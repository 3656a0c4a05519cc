/**
 * pyramid: platinum / gold / iron / lead by window revenue (or a caller's predicted value), default top
 * 1% / next 4% / next 15% / rest, cut by tiered-cut.ts. Customers outside the ranked population: 'none'.
 */
import type { EngineConfig } from './config';
import { NO_MOVES } from './hints';
import type { Population } from './population';
import type { Ranking } from './ranking';
import { NONE, PYRAMID_CLASSES } from './schemes';
import { countAbove } from './sorted';
import { tierIndex } from './tiered-cut';
import type { Assignment, MoveHint, PyramidExplanation, SchemeCuts } from './types';

export function pyramidClassOf(ranking: Ranking, i: number): string {
  const value = ranking.pyramidValue[i]!;
  return Number.isNaN(value) ? NONE : PYRAMID_CLASSES[tierIndex(value, ranking.pyramidTiers)]!;
}

export function assignPyramid(ranking: Ranking, i: number, config: EngineConfig, by: string | null): Assignment<PyramidExplanation> {
  const { platinum, gold, iron } = ranking.pyramidCuts;
  const tiers = ranking.pyramidTiers;
  const value = ranking.pyramidValue[i]!;
  const basis = config.pyramid.basis;
  const ranked = ranking.pyramidRanked.length;
  const cuts = { platinum: platinum.minValue, gold: gold.minValue, iron: iron.minValue };
  if (Number.isNaN(value)) {
    return { classKey: NONE, explanation: { kind: 'pyramid', basis, rankValue: null, rank: null, ranked, cuts, moves: NO_MOVES } };
  }
  const tier = tierIndex(value, tiers);
  const next = tier > 0 ? tiers[tier - 1]!.minValue : null;
  // Exact: other customers' revenue does not move when this one spends. Predicted values are not spendable.
  const moves: readonly MoveHint[] =
    next !== null && basis === 'revenue'
      ? [{ kind: 'spend_more', amountMinor: next - value, by, toClass: PYRAMID_CLASSES[tierIndex(next, tiers)]! }]
      : NO_MOVES;
  const rank = countAbove(ranking.pyramidRanked, value) + 1;
  return { classKey: pyramidClassOf(ranking, i), explanation: { kind: 'pyramid', basis, rankValue: value, rank, ranked, cuts, moves } };
}

export function pyramidCuts(ranking: Ranking, config: EngineConfig): SchemeCuts {
  return { kind: 'pyramid', basis: config.pyramid.basis, ranked: ranking.pyramidRanked.length, ...ranking.pyramidCuts };
}
