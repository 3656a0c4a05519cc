import { notFound } from '../../shared/contract';
import { readSettings } from '../../db/repos/settings';
import type { HandlerContext } from '../context';
import { offersByClass, offersForCustomer } from '../offering';
import { segmentationInSteps } from '../segmentation/state';
import type { HandlerMap } from './types';

/** The tiers as the screens show them today (cached while nothing changed), with their partition groups. */
const todaysTiers = (ctx: HandlerContext) => segmentationInSteps(ctx, ctx.clock.today());

export function offeringHandlers(ctx: HandlerContext): HandlerMap<'offers'> {
  return {
    'offers:customer': async ({ customerId, scheme, limit }) => {
      const exists = ctx.db.$client.prepare(`SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL`).pluck().get(customerId);
      if (!exists) throw notFound('customer', customerId);
      const state = await todaysTiers(ctx);
      const tag = state.config.partition.kind === 'tag' ? state.config.partition.tag : null;
      return { ...offersForCustomer(ctx.db, state, customerId, scheme, limit), partitionTag: tag, baseCurrency: readSettings(ctx.db).baseCurrency };
    },
    'offers:classes': async ({ scheme, limit }) => ({ ...offersByClass(ctx.db, await todaysTiers(ctx), scheme, limit), baseCurrency: readSettings(ctx.db).baseCurrency }),
  };
}
