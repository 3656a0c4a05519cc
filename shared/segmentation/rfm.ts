/**
 * rfm: the three scores as a class key ('545'); rf_segment: the classic R × F grid. Both only for
 * customers with ≥ 1 order in the window ('none' otherwise); scores come from ranking.ts.
 */
import { NO_MOVES } from './hints';
import type { Population } from './population';
import type { Ranking } from './ranking';
import { NONE, type RfSegment } from './schemes';
import { classChangingHints, reachScore, reachScoreHint, scoreCutsOf } from './score-hints';
import type { Assignment, MoveHint, RfmExplanation, RfSegmentExplanation, SchemeCuts } from './types';

type Range = readonly [number, number];

/** The grid as data, so a test can check it covers each of the 25 R×F cells exactly once. */
export const RF_GRID: readonly { segment: RfSegment; r: Range; f: Range }[] = [
  { segment: 'champions', r: [5, 5], f: [4, 5] },
  { segment: 'loyal', r: [3, 4], f: [4, 5] },
  { segment: 'potential_loyalist', r: [4, 5], f: [2, 3] },
  { segment: 'new', r: [5, 5], f: [1, 1] },
  { segment: 'promising', r: [4, 4], f: [1, 1] },
  { segment: 'need_attention', r: [3, 3], f: [3, 3] },
  { segment: 'about_to_sleep', r: [3, 3], f: [1, 2] },
  { segment: 'at_risk', r: [1, 2], f: [3, 4] },
  { segment: 'cant_lose', r: [1, 2], f: [5, 5] },
  { segment: 'hibernating', r: [1, 2], f: [1, 2] },
];

const within = (x: number, [lo, hi]: Range): boolean => x >= lo && x <= hi;

/** Lookup table [r][f] built from the grid once, so classifying is an array read. */
const SEGMENT_OF: readonly (readonly (RfSegment | undefined)[])[] = [0, 1, 2, 3, 4, 5].map((r) =>
  [0, 1, 2, 3, 4, 5].map((f) => RF_GRID.find((c) => within(r, c.r) && within(f, c.f))?.segment),
);

export function rfSegmentOf(r: number, f: number): RfSegment {
  const segment = SEGMENT_OF[r]?.[f];
  if (!segment) throw new RangeError(`R${r} F${f} is outside the grid`);
  return segment;
}

/** '111'..'555', precomputed so 100k customers do not each build a string. */
const RFM_KEY: readonly string[] = Array.from({ length: 216 }, (_, k) => `${Math.floor(k / 36)}${Math.floor(k / 6) % 6}${k % 6}`);
const rfmKey = (r: number, f: number, m: number): string => RFM_KEY[r * 36 + f * 6 + m]!;

function recencyOf(pop: Population, i: number): number | null {
  const end = pop.orderStart[i + 1]!;
  return pop.orderCount[i]! > 0 ? pop.asOfDay - pop.orderDays[end - 1]! : null;
}

export function rfmClassOf(ranking: Ranking, i: number): string {
  const r = ranking.scores.r[i]!;
  return r === 0 ? NONE : rfmKey(r, ranking.scores.f[i]!, ranking.scores.m[i]!);
}

export function rfSegmentClassOf(ranking: Ranking, i: number): string {
  const r = ranking.scores.r[i]!;
  return r === 0 ? NONE : rfSegmentOf(r, ranking.scores.f[i]!);
}

export function assignRfm(pop: Population, ranking: Ranking, i: number): Assignment<RfmExplanation> {
  if (pop.orderCount[i] === 0) {
    const explanation: RfmExplanation = { kind: 'rfm', group: null, recencyDays: null, orderCount: 0, revenueMinor: 0, scores: null, buyers: ranking.buyers, moves: NO_MOVES };
    return { classKey: NONE, explanation };
  }
  const r = ranking.scores.r[i]!;
  const f = ranking.scores.f[i]!;
  const m = ranking.scores.m[i]!;
  const moves: MoveHint[] = [];
  const scores = { r, f, m };
  for (const dim of ['r', 'f', 'm'] as const) {
    if (scores[dim] === 5) continue;
    const step = reachScore(ranking, pop, i, dim, scores[dim] + 1);
    if (!step) continue;
    const next = { ...scores, [dim]: step.score };
    moves.push(reachScoreHint(dim, step, rfmKey(next.r, next.f, next.m)));
  }
  const explanation: RfmExplanation = {
    kind: 'rfm',
    group: null,
    recencyDays: recencyOf(pop, i),
    orderCount: pop.orderCount[i]!,
    revenueMinor: pop.revenue[i]!,
    scores,
    buyers: ranking.buyers,
    moves,
  };
  return { classKey: rfmClassOf(ranking, i), explanation };
}

export function assignRfSegment(pop: Population, ranking: Ranking, i: number): Assignment<RfSegmentExplanation> {
  const orderCount = pop.orderCount[i]!;
  if (orderCount === 0) {
    return { classKey: NONE, explanation: { kind: 'rf_segment', group: null, recencyDays: null, orderCount, scores: null, moves: NO_MOVES } };
  }
  const scores = { r: ranking.scores.r[i]!, f: ranking.scores.f[i]!, m: 0, followUps: 0 };
  const moves = classChangingHints(ranking, pop, i, scores, ['r', 'f'], (s) => rfSegmentOf(s.r, s.f));
  return {
    classKey: rfSegmentClassOf(ranking, i),
    explanation: { kind: 'rf_segment', group: null, recencyDays: recencyOf(pop, i), orderCount, scores: { r: scores.r, f: scores.f }, moves },
  };
}

export function rfmCuts(ranking: Ranking): SchemeCuts {
  const { r, f, m } = ranking.scales;
  return { kind: 'rfm', buyers: ranking.buyers, r: scoreCutsOf('r', r), f: scoreCutsOf('f', f), m: scoreCutsOf('m', m) };
}

export function rfSegmentCuts(ranking: Ranking): SchemeCuts {
  return { kind: 'rf_segment', buyers: ranking.buyers, r: scoreCutsOf('r', ranking.scales.r), f: scoreCutsOf('f', ranking.scales.f) };
}
