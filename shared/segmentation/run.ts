/**
 * Everything one segmentation run computes once and shares: the grouped data, the ranking of each group
 * of the partition (one group without a partition), the median gaps and the compiled custom segments.
 * Class columns and per-customer views read it.
 */
import type { EngineConfig } from './config';
import { medianGapsInSteps } from './lifecycle';
import { compileSegments, type CompiledSegment } from './local-schemes';
import { groupCustomers, type Groups } from './partition';
import type { Population } from './population';
import { rankGroupsInSteps, type Ranking } from './ranking';
import type { Steps } from '../domain/steps';

export interface Run {
  config: EngineConfig;
  pop: Population;
  groups: Groups;
  /** rankings[g] ranks group g; rankingOf(i) is customer i's group's. */
  rankings: Ranking[];
  rankingOf: (i: number) => Ranking;
  medianGaps: Float64Array;
  segments: CompiledSegment[];
}

/**
 * The run over a population already collected (from raw rows: population.ts; from activity rows:
 * activity.ts), yielding between its passes (shared/domain/steps.ts).
 */
export function* prepareRunInSteps(pop: Population, config: EngineConfig, predicted: ReadonlyMap<string, number> | undefined): Steps<Run> {
  const gaps = yield* medianGapsInSteps(pop);
  yield;
  const segments = compileSegments(config);
  const groups = groupCustomers(pop, config, segments, gaps);
  yield;
  const rankings = yield* rankGroupsInSteps(pop, config, predicted, groups);
  const rankingOf = (i: number): Ranking => rankings[groups.groupOf[i]!]!;
  return { config, pop, groups, rankings, rankingOf, medianGaps: gaps, segments };
}
