import { z } from 'zod';
import { idSchema } from './common';

/**
 * The payments recorded on an order (orders:record-payment records one), for the payment dialog. Each is a row of
 * its own, so payments recorded on two laptops before they synced both count (docs/orders.md, Payments).
 */
export const orderPaymentSchema = z.object({
  id: z.string(),
  /** Minor units of the order's currency. */
  amountMinor: z.number().int(),
  paidOn: z.string(),
  /** Who recorded it (a team member's name); null in a single-user book. */
  recordedBy: z.string().nullable(),
  /** When an edit of the order restated its payment, taking this one into its terms; null while it subtracts. */
  closedAt: z.string().nullable(),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

export const orderPaymentsContract = {
  'order-payments:list': {
    input: z.object({ orderId: idSchema }),
    output: z.object({
      payments: z.array(orderPaymentSchema),
      currency: z.string(),
      /**
       * How far the live payments pass what the order's terms left unpaid (0 when they do not): two laptops each took
       * the balance before they synced. The payments stand and the order owes 0; this much is to give back.
       */
      overpaidMinor: z.number().int(),
      /**
       * What the order's own terms say was paid with it (amount − terms_unpaid_minor; 0 for a return): not a payment
       * row, so said above them, or a sale entered part paid would seem to have received nothing.
       */
      paidWithOrderMinor: z.number().int(),
    }),
  },
} as const;
