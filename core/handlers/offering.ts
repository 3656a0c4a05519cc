import { notFound } from '../../shared/contract';
import { readSettings } from '../../db/repos/settings';
import type { HandlerContext } from '../context';
import { offersByClass, offersForCustomer } from '../offering';
import type { HandlerMap } from './types';

export function offeringHandlers(ctx: HandlerContext): HandlerMap<'offers'> {
  return {
    'offers:customer': ({ customerId, scheme, limit }) => {
      const exists = ctx.db.$client.prepare(`SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL`).pluck().get(customerId);
      if (!exists) throw notFound('customer', customerId);
      return { ...offersForCustomer(ctx.db, customerId, scheme, limit), baseCurrency: readSettings(ctx.db).baseCurrency };
    },
    'offers:classes': ({ scheme, limit }) => ({ ...offersByClass(ctx.db, scheme, limit), baseCurrency: readSettings(ctx.db).baseCurrency }),
  };
}
