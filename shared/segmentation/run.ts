/**
 * Everything one segmentation run computes once and shares: the grouped data, the population ranking,
 * the median gaps and the compiled custom segments. Class columns and per-customer views read it.
 */
import type { EngineConfig } from './config';
import { medianGaps } from './lifecycle';
import { compileSegments, type CompiledSegment } from './local-schemes';
import { collectPopulation, type Population } from './population';
import { rankPopulation, type Ranking } from './ranking';
import type { EngineCustomer, EngineFollowUp, EngineOrder } from './types';

export interface Run {
  config: EngineConfig;
  pop: Population;
  ranking: Ranking;
  medianGaps: Float64Array;
  segments: CompiledSegment[];
}

export function prepareRun(
  customers: readonly EngineCustomer[],
  orders: readonly EngineOrder[],
  followUps: readonly EngineFollowUp[],
  config: EngineConfig,
  predicted: ReadonlyMap<string, number> | undefined,
): Run {
  const pop = collectPopulation(customers, orders, followUps, config);
  return { config, pop, ranking: rankPopulation(pop, config, predicted), medianGaps: medianGaps(pop), segments: compileSegments(config) };
}
