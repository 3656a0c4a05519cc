/**
 * The part of segmentation that reads only one customer's own data: metrics, lifecycle, intent, profile
 * attributes and custom segments that do not look at ranked schemes. segmentAll and segmentOne both go
 * through here, which is what makes a one-customer recompute equal to a full one.
 */
import { assignAttributes } from './attributes';
import type { EngineConfig } from './config';
import { compileRule, type OwnMetrics, type RuleContext } from './custom-eval';
import { isLocalRule } from './custom-rules';
import { isoDateOf } from './day-number';
import { assignIntent } from './intent';
import { assignLifecycle } from './lifecycle';
import type { Population } from './population';
import { customSchemeKey, LOCAL_SCHEME_KEYS, type LocalSchemeKey } from './schemes';
import type { CustomSchemeKey, FixedAssignments, RuleTrace } from './types';

export function ownMetricsOf(pop: Population, i: number): OwnMetrics {
  const start = pop.orderStart[i]!;
  const end = pop.orderStart[i + 1]!;
  const orderCount = pop.orderCount[i]!;
  const revenueMinor = pop.revenue[i]!;
  const lastDay = end > start ? pop.orderDays[end - 1]! : null;
  return {
    orderCount,
    revenueMinor,
    averageOrderValueMinor: orderCount > 0 ? revenueMinor / orderCount : null,
    followUpCount: pop.followUpCount[i]!,
    daysSinceLastOrder: lastDay === null ? null : pop.asOfDay - lastDay,
    firstOrderDate: end > start ? isoDateOf(pop.orderDays[start]!) : null,
    lastOrderDate: lastDay === null ? null : isoDateOf(lastDay),
    lifetimeOrderCount: end - start,
  };
}

export type LocalAssignments = Pick<FixedAssignments, LocalSchemeKey>;

export function assignLocal(pop: Population, i: number, medianGap: number, config: EngineConfig): LocalAssignments {
  return {
    lifecycle: assignLifecycle(pop, i, medianGap, config),
    intent: assignIntent(pop, i),
    ...assignAttributes(pop.customers[i]!),
  };
}

export interface CompiledSegment {
  key: CustomSchemeKey;
  /** Reads only the customer's own data (no ranked scheme), so segmentOne can evaluate it. */
  local: boolean;
  run: (ctx: RuleContext) => RuleTrace;
}

export function compileSegments(config: EngineConfig): CompiledSegment[] {
  return config.customSegments.map((s) => ({
    key: customSchemeKey(s.id),
    local: isLocalRule(s.rule, LOCAL_SCHEME_KEYS),
    run: compileRule(s.rule),
  }));
}
