/**
 * segmentAll: every customer, every scheme. Class keys for everyone are computed up front (one pass to
 * group orders and follow-ups, one sort per ranked dimension, O(log n) per customer per scheme — no
 * pairwise work); explanations are built per customer when asked for (customer-view.ts).
 */
import { behaviorCuts } from './behavior';
import { classColumnsInSteps } from './columns';
import { engineConfigSchema, type EngineConfig } from './config';
import { customerViews } from './customer-view';
import { isoDateOf } from './day-number';
import { loyaltyCuts } from './loyalty';
import { pyramidCuts } from './pyramid';
import type { Ranking } from './ranking';
import { rfmCuts, rfSegmentCuts } from './rfm';
import { prepareRunInSteps, type Run } from './run';
import { populationFromActivityInSteps, type ActivityTable } from './activity';
import { collectPopulation, type Population } from './population';
import { classKeysOf, isSchemeKey, SCHEME_KEYS, type SchemeKey } from './schemes';
import { codeColumn, codedColumnOf, rememberCoding, tallyCodes, type CodedColumn } from './class-codes';
import { partitionName } from './partition';
import type { EngineCustomer, EngineFollowUp, EngineOrder, GroupSummary, SchemeCuts, SchemeSummary, SegmentationResult } from './types';

const RANKED = ['rfm', 'rf_segment', 'value', 'pyramid', 'loyalty', 'behavior'] as const;
import { valueCuts } from './value';
import { runSteps, type Steps } from '../domain/steps';

export interface SegmentOptions {
  /** Per-customer predicted value (minor units) for pyramid basis 'predicted'; customers absent are 'none'. */
  predictedValueMinor?: ReadonlyMap<string, number>;
  /** Customer id → position in the input, when the caller already holds one (else built when first needed). */
  indexOf?: ReadonlyMap<string, number>;
}

function cutsOf(scheme: SchemeKey, ranking: Ranking, config: EngineConfig): SchemeCuts {
  switch (scheme) {
    case 'rfm':
      return rfmCuts(ranking);
    case 'rf_segment':
      return rfSegmentCuts(ranking);
    case 'value':
      return valueCuts(ranking, config);
    case 'pyramid':
      return pyramidCuts(ranking, config);
    case 'lifecycle':
      return { kind: 'lifecycle', ...config.lifecycle };
    case 'loyalty':
      return loyaltyCuts(config);
    case 'behavior':
      return behaviorCuts(ranking, config);
    default:
      return { kind: 'none' };
  }
}

/**
 * Closed schemes list every class, zeros included, in classKeysOf order; open ones list what occurs.
 * `members`: only these positions of the column (a partition group's).
 */
function countClasses(scheme: string, coded: CodedColumn, members?: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries((classKeysOf(scheme) ?? []).map((c) => [c, 0]));
  for (const [classKey, count] of tallyCodes(coded, members)) counts[classKey] = count;
  return counts;
}

export function segmentAll(
  customers: readonly EngineCustomer[],
  orders: readonly EngineOrder[],
  followUps: readonly EngineFollowUp[],
  config: EngineConfig,
  options: SegmentOptions = {},
): SegmentationResult {
  const cfg = engineConfigSchema.parse(config);
  return segmentPopulation(collectPopulation(customers, orders, followUps, cfg), cfg, options).result;
}

/** A result with the run behind it, so one customer can be placed again on its cuts (reclassify.ts). */
export interface SegmentedRun {
  result: SegmentationResult;
  run: Run;
}

/**
 * segmentAll from each customer's activity row (activity.ts) instead of every order and follow-up:
 * the same result, read from one row per customer.
 */
export function segmentActivity(
  customers: readonly EngineCustomer[],
  activities: ActivityTable,
  config: EngineConfig,
  options: SegmentOptions = {},
): SegmentedRun {
  return runSteps(segmentActivityInSteps(customers, activities, config, options));
}

/**
 * segmentActivity yielding between its passes (the population, the rankings, the class columns, the
 * counts), for a caller that answers other calls in between (shared/domain/steps.ts). Pure: nothing it
 * reads changes between steps unless the caller changes it.
 */
export function* segmentActivityInSteps(
  customers: readonly EngineCustomer[],
  activities: ActivityTable,
  config: EngineConfig,
  options: SegmentOptions = {},
): Steps<SegmentedRun> {
  const cfg = engineConfigSchema.parse(config);
  const pop = yield* populationFromActivityInSteps(customers, activities, cfg);
  yield;
  return yield* populationInSteps(pop, cfg, options);
}

function segmentPopulation(pop: Population, cfg: EngineConfig, options: SegmentOptions): SegmentedRun {
  return runSteps(populationInSteps(pop, cfg, options));
}

/** At 100k customers coding a column is 2–4 ms per scheme, up to 30 ms before the code is optimised (a fresh process). */
const SCHEMES_COUNTED_PER_STEP = 1;

function* populationInSteps(pop: Population, cfg: EngineConfig, options: SegmentOptions): Steps<SegmentedRun> {
  const customers = pop.customers;
  const run = yield* prepareRunInSteps(pop, cfg, options.predictedValueMinor);
  yield;
  const classKeys = yield* classColumnsInSteps(run);
  yield;
  const schemeKeys: string[] = [...SCHEME_KEYS, ...run.segments.map((s) => s.key)];
  const schemes: Record<string, SchemeSummary> = {};
  const { groups, rankings } = run;
  const partitioned = cfg.partition.kind !== 'none';
  for (const [k, key] of schemeKeys.entries()) {
    // Coding a scheme's column is a pass over every customer: a few at a time. Counted from the codes, which
    // are remembered with the column for whoever stores or compares it next (class-codes.ts).
    // Columns coded already (the attribute columns: columns.ts) are taken as they are.
    const column = classKeys[key]!;
    let coded = codedColumnOf(column);
    if (!coded || coded.codes.length !== column.length) {
      if (k > 0 && k % SCHEMES_COUNTED_PER_STEP === 0) yield;
      coded = codeColumn(column);
      rememberCoding(column, coded);
    }
    const counts = countClasses(key, coded);
    if (!isSchemeKey(key)) {
      schemes[key] = { counts, cuts: { kind: 'none' }, groups: null };
      continue;
    }
    const ranked = (RANKED as readonly string[]).includes(key);
    const groupSummaries: GroupSummary[] | null =
      ranked && partitioned
        ? rankings.map((ranking, g) => ({
            group: ranking.group,
            customers: ranking.groupSize,
            counts: countClasses(key, coded, groups.members[g]!),
            cuts: cutsOf(key, ranking, cfg),
          }))
        : null;
    // One group: its cuts are the scheme's. Several: each group's cuts are in groups.
    const cuts: SchemeCuts = rankings.length === 1 || !ranked ? cutsOf(key, rankings[0]!, cfg) : { kind: 'partitioned', groups: rankings.length };
    schemes[key] = { counts, cuts, groups: groupSummaries };
  }
  yield;
  const result: SegmentationResult = {
    asOf: cfg.asOf,
    window: { start: Number.isFinite(run.pop.windowStartDay) ? isoDateOf(run.pop.windowStartDay) : null, end: cfg.asOf },
    schemeKeys,
    customerIds: customers.map((c) => c.id),
    classKeys,
    customers: customerViews(run, options.indexOf),
    schemes,
    partition: partitionName(cfg.partition),
    groupKeys: Array.from(groups.groupOf, (g) => groups.keys[g]!),
  };
  return { result, run };
}
