import { notFound } from '../../shared/contract';
import type { orderPagesContract } from '../../shared/contract/order-pages';
import { findCustomer } from '../../db/repos/customers';
import { liveOrderLinesPage, liveOrdersPage, orderFigures } from '../../db/repos/order-pages';
import { orderViews, owingSales } from '../../db/repos/orders';
import { readSettings } from '../../db/repos/settings';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

export type OrderPageChannel = keyof typeof orderPagesContract;

/** The customer file's reads of a customer's orders: a page at a time, and the figures over all of them. */
export function orderPageHandlers(ctx: HandlerContext): Pick<HandlerMap<'orders'>, OrderPageChannel> {
  const { db } = ctx;
  // As orders:list: an unknown id has no orders rather than none yet; one in the trash or merged away still has its own.
  const knownCustomer = (customerId: string) => {
    if (!findCustomer(db, customerId)) throw notFound('customer', customerId);
  };

  return {
    'orders:page': ({ customerId, offset, limit }) => {
      knownCustomer(customerId);
      const { rows, total } = liveOrdersPage(db, customerId, offset, limit);
      return { orders: orderViews(db, rows, ctx.clock.today()), total };
    },

    'orders:summary': ({ customerId }) => {
      knownCustomer(customerId);
      const today = ctx.clock.today();
      const owing = owingSales(db, customerId);
      return {
        ...orderFigures(db, customerId, today),
        balanceBaseMinor: owing.reduce((sum, s) => sum + s.baseBalanceMinor, 0),
        overdueBaseMinor: owing.filter((s) => s.paymentDueDate !== null && s.paymentDueDate < today).reduce((sum, s) => sum + s.baseBalanceMinor, 0),
        baseCurrency: readSettings(db).baseCurrency,
      };
    },

    'orders:lines': ({ customerId, offset, limit }) => {
      knownCustomer(customerId);
      return liveOrderLinesPage(db, customerId, offset, limit);
    },
  };
}
