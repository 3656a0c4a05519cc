/**
 * Cheap recompute for one customer after an edit: the schemes that depend only on that customer's own
 * data (LOCAL_SCHEME_KEYS and custom segments that do not read a ranked scheme). Ranked schemes (rfm,
 * rf_segment, value, pyramid, loyalty, behavior) move everyone's cut points and need segmentAll.
 * Runs the very same code as segmentAll on a population of one, so the results are identical.
 */
import { engineConfigSchema, type EngineConfig } from './config';
import { assignCustom, type OwnMetrics } from './custom-eval';
import { medianGaps } from './lifecycle';
import { assignLocal, compileSegments, ownMetricsOf, type LocalAssignments } from './local-schemes';
import { collectPopulation } from './population';
import { UNKNOWN } from './schemes';
import type { Assignment, CustomExplanation, CustomSchemeKey, EngineCustomer, EngineFollowUp, EngineOrder } from './types';

export interface LocalSegmentation {
  customerId: string;
  metrics: OwnMetrics;
  assignments: LocalAssignments & { [key: CustomSchemeKey]: Assignment<CustomExplanation> };
}

/** orders / followUps may be the customer's own or everyone's; other customers' rows are ignored. */
export function segmentOne(
  customer: EngineCustomer,
  orders: readonly EngineOrder[],
  followUps: readonly EngineFollowUp[],
  config: EngineConfig,
): LocalSegmentation {
  const cfg = engineConfigSchema.parse(config);
  const pop = collectPopulation([customer], orders, followUps, cfg);
  const metrics = ownMetricsOf(pop, 0);
  const local = assignLocal(pop, 0, medianGaps(pop)[0]!, cfg);
  const assignments: LocalSegmentation['assignments'] = local;
  const classOf = (scheme: string): string => (local as unknown as Record<string, { classKey: string } | undefined>)[scheme]?.classKey ?? UNKNOWN;
  for (const segment of compileSegments(cfg)) {
    if (segment.local) assignments[segment.key] = assignCustom(segment.run, { customer, metrics, classOf });
  }
  return { customerId: customer.id, metrics, assignments };
}
