import { livePolicies } from '../../db/repos/service-policies';
import type { HandlerContext } from '../context';
import { ensureDefaultPolicies } from '../segmentation/policies';

export interface ClassPolicy {
  cadenceDays: number | null;
  responsible: string | null;
}

/** What each class's service policy says about contact cadence and who answers for the class. */
export function classPolicies(ctx: HandlerContext, scheme: string): Map<string, ClassPolicy> {
  ensureDefaultPolicies(ctx);
  return new Map(livePolicies(ctx.db, scheme).map((p) => [p.classKey, { cadenceDays: p.cadenceDays, responsible: p.responsible }]));
}
