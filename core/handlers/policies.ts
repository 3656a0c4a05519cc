import { z } from 'zod';
import { findCustomSegment } from '../../db/repos/segmentation';
import { findPolicy, livePolicies, softDeletePolicy, upsertPolicy, type PolicyRecord } from '../../db/repos/service-policies';
import { invalidInput, notFound, type Issue } from '../../shared/contract';
import type { Policy } from '../../shared/contract/policies';
import { refuseUnknownClass, schemeSchema } from '../../shared/contract/segmentation';
import { OPEN_SCHEME_KEYS, textKey } from '../../shared/segmentation';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { ensureDefaultPolicies, policiesDue } from '../segmentation/policies';
import { segmentationInSteps } from '../segmentation/state';
import type { HandlerMap } from './types';

const toPolicy = (r: PolicyRecord): Policy => ({ ...r });

/** A scheme the tiers have and one of its classes, as the tier lists name them (segments:members). */
const policyClassSchema = z.object({ scheme: schemeSchema, classKey: z.string() }).superRefine((p, ctx) => refuseUnknownClass(p.scheme, [p.classKey], ctx, () => ['classKey']));

/**
 * A policy applies to a class of a scheme, so a mistyped scheme or class (`pyramd`, `platnum`) or a custom
 * segment that is not saved is refused rather than stored as a policy that never applies. A free-text class
 * (industry, income, size) is stored as its text key, the form the classes have (`Apparel` → `apparel`).
 */
function checkedPolicy<P extends { scheme: string; classKey: string }>(ctx: HandlerContext, policy: P, at: (string | number)[]): P {
  const parsed = policyClassSchema.safeParse(policy);
  if (!parsed.success) {
    throw invalidInput(parsed.error.issues.map((i): Issue => ({ path: [...at, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')], key: i.message, params: (i as { params?: Issue['params'] }).params })));
  }
  if (policy.scheme.startsWith('custom:') && !findCustomSegment(ctx.db, policy.scheme.slice('custom:'.length))) throw notFound('custom segment', policy.scheme.slice('custom:'.length));
  return (OPEN_SCHEME_KEYS as readonly string[]).includes(policy.scheme) ? { ...policy, classKey: textKey(policy.classKey) } : policy;
}

export function policyHandlers(ctx: HandlerContext): HandlerMap<'policies'> {
  const { db } = ctx;
  const ensureDefaults = () => ensureDefaultPolicies(ctx);

  return {
    'policies:list': ({ scheme }) => {
      ensureDefaults();
      return { policies: livePolicies(db, scheme).map(toPolicy) };
    },

    'policies:save': (given) => {
      const input = checkedPolicy(ctx, given, []);
      ensureDefaults();
      db.transaction(() => upsertPolicy(db, newId(), input, ctx.clock.now().toISOString()));
      return toPolicy(findPolicy(db, input.scheme, input.classKey)!);
    },

    'policies:saveMany': (given) => {
      const policies = given.policies.map((p, i) => checkedPolicy(ctx, p, ['policies', i]));
      ensureDefaults();
      const now = ctx.clock.now().toISOString();
      db.transaction(() => policies.forEach((input) => upsertPolicy(db, newId(), input, now)));
      return { policies: policies.map((input) => toPolicy(findPolicy(db, input.scheme, input.classKey)!)) };
    },

    'policies:delete': ({ scheme, classKey }) => {
      ensureDefaults();
      const key = (OPEN_SCHEME_KEYS as readonly string[]).includes(scheme) ? textKey(classKey) : classKey;
      return { deleted: softDeletePolicy(db, scheme, key, ctx.clock.now().toISOString()) };
    },

    'policies:due': async ({ asOf, limit }) => {
      ensureDefaults();
      const day = asOf ?? ctx.clock.today();
      const items = policiesDue(await segmentationInSteps(ctx, day), livePolicies(db));
      return { asOf: day, total: items.length, items: items.slice(0, limit) };
    },
  };
}
