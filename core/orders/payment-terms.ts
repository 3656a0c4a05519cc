import type { ParsedInputOf } from '../../shared/contract';
import type { OrderRecord } from '../../db/repos/orders';
import { pricePayment, type PricedPayment } from './pricing';

export interface PaymentTerms extends PricedPayment {
  /**
   * The edit states the order's payment anew: the payments recorded so far are in what it says, and close with it
   * (db/repos/order-payments.ts closePayments). A payment recorded on another laptop meanwhile still counts.
   */
  restates: boolean;
}

/**
 * The terms an order's payment sets (what is left unpaid before the payments recorded later: docs/orders.md, Payments).
 * The order form sends the payment with every edit, as the order shows it: said again unchanged (the same currency and
 * amount, the same unpaid amount as the order owes now), it is not a new statement, so a note corrected does not take the payments
 * into the terms — the terms and their payments stay, and only a due date typed there is taken.
 */
export function paymentTerms(payment: ParsedInputOf<'orders:create'>['payment'], amountMinor: number, currency: string, existing?: OrderRecord): PaymentTerms {
  const stated = pricePayment(payment, amountMinor, currency, existing);
  if (!existing || payment === undefined) return { ...stated, restates: false };
  // In another currency nothing is unchanged: the payments recorded were in the old one.
  if (currency === existing.currency && amountMinor === existing.amountMinor && stated.unpaidMinor === existing.unpaidMinor) {
    const kept = pricePayment(undefined, amountMinor, currency, existing);
    return { unpaidMinor: kept.unpaidMinor, paymentDueDate: stated.unpaidMinor > 0 ? stated.paymentDueDate : existing.paymentDueDate, restates: false };
  }
  return { ...stated, restates: true };
}
