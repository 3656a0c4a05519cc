import { notFound } from '../../shared/contract';
import { readSettings } from '../../db/repos/settings';
import type { HandlerContext } from '../context';
import { offersByClass, offersForCustomer } from '../offering';
import { segmentationInSteps, type SegmentationState } from '../segmentation/state';
import type { HandlerMap } from './types';
import { liveCustomerFor } from './live-customer';

/** A scheme the tiers do not compute (a custom segment never saved, or deleted) has no classes to offer from. */
function schemeOf(state: SegmentationState, scheme: string): string {
  if (!state.result.classKeys[scheme]) throw notFound('scheme', scheme);
  return scheme;
}

/** The tiers as the screens show them today (cached while nothing changed), with their partition groups. */
const todaysTiers = (ctx: HandlerContext) => segmentationInSteps(ctx, ctx.clock.today());

export function offeringHandlers(ctx: HandlerContext): HandlerMap<'offers'> {
  return {
    'offers:customer': async ({ customerId, scheme, limit }) => {
      // Unknown, or deleted / merged (said so, with the key the screens translate).
      liveCustomerFor(ctx.db, customerId);
      const state = await todaysTiers(ctx);
      const tag = state.config.partition.kind === 'tag' ? state.config.partition.tag : null;
      return { ...offersForCustomer(ctx.db, state, customerId, schemeOf(state, scheme), limit), partitionTag: tag, baseCurrency: readSettings(ctx.db).baseCurrency };
    },
    'offers:classes': async ({ scheme, limit }) => {
      const state = await todaysTiers(ctx);
      return { ...offersByClass(ctx.db, state, schemeOf(state, scheme), limit), baseCurrency: readSettings(ctx.db).baseCurrency };
    },
  };
}
