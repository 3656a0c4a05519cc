import type { OrderRecord } from '../../db/repos/orders';

/**
 * What a sale's own terms say was paid with it: its amount less what the terms left unpaid (never more than the
 * amount, as the balance reads them). Not a payment row: a sale entered part paid has its paid part here, and the
 * payment dialog and `orders payments` say it above the payments recorded since. A return pays nothing.
 */
export function paidWithOrderMinor(order: Pick<OrderRecord, 'kind' | 'amountMinor' | 'termsUnpaidMinor'>): number {
  if (order.kind !== 'sale') return 0;
  return Math.max(0, order.amountMinor - Math.min(order.termsUnpaidMinor, order.amountMinor));
}
