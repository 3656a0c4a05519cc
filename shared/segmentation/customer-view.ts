/**
 * One customer's full segmentation — metrics, and class key plus explanation for every scheme — built on
 * request. Building all 100k eagerly would allocate millions of objects nobody reads; the UI shows one
 * customer's explanations at a time. Each call returns fresh plain data, safe to clone or send; treat it
 * as read-only, since attribute and no-intent assignments are shared frozen objects.
 */
import { assignBehavior } from './behavior';
import { assignCustom } from './custom-eval';
import { holdsUntil } from './hints';
import { assignLocal, ownMetricsOf } from './local-schemes';
import { assignLoyalty } from './loyalty';
import { assignPyramid } from './pyramid';
import { assignRfm, assignRfSegment } from './rfm';
import type { Run } from './run';
import { partitionName } from './partition';
import { UNKNOWN } from './schemes';

const RANKED_SCHEMES = ['rfm', 'rf_segment', 'value', 'pyramid', 'loyalty', 'behavior'] as const;
import type { Assignments, CustomerMetrics, CustomerSegmentation, CustomerViews, FixedAssignments } from './types';
import { assignValue } from './value';

export function buildCustomer(run: Run, i: number): CustomerSegmentation {
  const { pop, config } = run;
  const ranking = run.rankingOf(i);
  const customer = pop.customers[i]!;
  const own = ownMetricsOf(pop, i);
  const local = assignLocal(pop, i, run.medianGaps[i]!, config);
  const by = holdsUntil(pop, i, config);
  const fixed: FixedAssignments = {
    rfm: assignRfm(pop, ranking, i),
    rf_segment: assignRfSegment(pop, ranking, i),
    value: assignValue(pop, ranking, i, config),
    pyramid: assignPyramid(pop, ranking, i, config, by),
    lifecycle: local.lifecycle,
    loyalty: assignLoyalty(pop, ranking, i, local.lifecycle.classKey, config),
    behavior: assignBehavior(pop, ranking, i, config, by),
    intent: local.intent,
    locality: local.locality,
    continent: local.continent,
    country: local.country,
    type: local.type,
    industry: local.industry,
    income: local.income,
    size: local.size,
    needs: local.needs,
  };
  if (config.partition.kind !== 'none') {
    const group = { partition: partitionName(config.partition), key: ranking.group, size: ranking.groupSize };
    for (const scheme of RANKED_SCHEMES) fixed[scheme].explanation.group = group;
  }
  const assignments = fixed as Assignments;
  const byKey = fixed as unknown as Record<string, { classKey: string } | undefined>;
  const classOf = (scheme: string): string => byKey[scheme]?.classKey ?? UNKNOWN;
  for (const segment of run.segments) assignments[segment.key] = assignCustom(segment.run, { customer, metrics: own, classOf });
  const { r, f, m, followUps } = ranking.scores;
  const scores = own.orderCount > 0 ? { r: r[i]!, f: f[i]!, m: m[i]!, followUps: followUps[i]! } : null;
  const metrics: CustomerMetrics = { ...own, scores };
  return { customerId: customer.id, metrics, assignments };
}

/** `index`, when the caller has one, maps each customer id to its position; else it is built on first use. */
export function customerViews(run: Run, index?: ReadonlyMap<string, number>): CustomerViews {
  const customers = run.pop.customers;
  let built = index;
  const indexOf = () => (built ??= new Map(customers.map((c, i) => [c.id, i])));
  function* values(): Generator<CustomerSegmentation, void, undefined> {
    for (let i = 0; i < customers.length; i++) yield buildCustomer(run, i);
  }
  return {
    size: customers.length,
    has: (customerId) => indexOf().has(customerId),
    get: (customerId) => {
      const i = indexOf().get(customerId);
      return i === undefined ? undefined : buildCustomer(run, i);
    },
    values,
    [Symbol.iterator]: values,
  };
}
