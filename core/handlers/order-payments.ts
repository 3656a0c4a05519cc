import { notFound } from '../../shared/contract';
import { findOrder } from '../../db/repos/orders';
import { paymentsOf } from '../../db/repos/order-payments';
import { paidWithOrderMinor } from '../orders/paid-with-order';
import type { HandlerContext } from '../context';
import type { HandlerMap } from './types';

/** The payments recorded on an order, for the payment dialog (recording one is orders:record-payment). */
export function orderPaymentHandlers(ctx: HandlerContext): HandlerMap<'order-payments'> {
  const { db } = ctx;
  return {
    'order-payments:list': ({ orderId }) => {
      const order = findOrder(db, orderId);
      if (!order) throw notFound('order', orderId);
      return { ...paymentsOf(db.$client, orderId), currency: order.currency, paidWithOrderMinor: paidWithOrderMinor(order) };
    },
  };
}
