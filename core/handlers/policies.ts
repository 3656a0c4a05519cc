import { findPolicy, livePolicies, softDeletePolicy, upsertPolicy, type PolicyRecord } from '../../db/repos/service-policies';
import type { Policy } from '../../shared/contract/policies';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { ensureDefaultPolicies, policiesDue } from '../segmentation/policies';
import { segmentationInSteps } from '../segmentation/state';
import type { HandlerMap } from './types';

const toPolicy = (r: PolicyRecord): Policy => ({ ...r });

export function policyHandlers(ctx: HandlerContext): HandlerMap<'policies'> {
  const { db } = ctx;
  const ensureDefaults = () => ensureDefaultPolicies(ctx);

  return {
    'policies:list': ({ scheme }) => {
      ensureDefaults();
      return { policies: livePolicies(db, scheme).map(toPolicy) };
    },

    'policies:save': (input) => {
      ensureDefaults();
      db.transaction(() => upsertPolicy(db, newId(), input, ctx.clock.now().toISOString()));
      return toPolicy(findPolicy(db, input.scheme, input.classKey)!);
    },

    'policies:saveMany': ({ policies }) => {
      ensureDefaults();
      const now = ctx.clock.now().toISOString();
      db.transaction(() => policies.forEach((input) => upsertPolicy(db, newId(), input, now)));
      return { policies: policies.map((input) => toPolicy(findPolicy(db, input.scheme, input.classKey)!)) };
    },

    'policies:delete': ({ scheme, classKey }) => {
      ensureDefaults();
      return { deleted: softDeletePolicy(db, scheme, classKey, ctx.clock.now().toISOString()) };
    },

    'policies:due': async ({ asOf, limit }) => {
      ensureDefaults();
      const day = asOf ?? ctx.clock.today();
      const items = policiesDue(await segmentationInSteps(ctx, day), livePolicies(db));
      return { asOf: day, total: items.length, items: items.slice(0, limit) };
    },
  };
}
