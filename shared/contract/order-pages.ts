import { z } from 'zod';
import { idSchema } from './common';
import { orderLineSchema, orderSchema } from './orders';

/**
 * The customer file reads a customer's orders a page at a time: a distributor with thousands of orders would
 * otherwise send every order with its lines (megabytes) on each reload of the file, to show twenty. What the file
 * says of all of them (how many, the revenue, the balance) is added up in SQL and asked for apart.
 */

/** Rows one page may carry: more than any table shows at once. */
export const MAX_ORDERS_PAGE = 100;

const pageInput = {
  customerId: idSchema,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_ORDERS_PAGE).default(20),
};

export const orderFileLineSchema = orderLineSchema.extend({ orderId: z.string(), orderDate: z.string(), orderNumber: z.string().nullable(), currency: z.string() });
export type OrderFileLine = z.infer<typeof orderFileLineSchema>;

export const orderPagesContract = {
  /** A page of the customer's live orders and returns, the latest first (by date, then entry); `total` counts them all. */
  'orders:page': {
    input: z.object(pageInput),
    output: z.object({ orders: z.array(orderSchema), total: z.number().int() }),
  },
  /** Figures over all the customer's live orders and returns, for the file's header and the orders tab. */
  'orders:summary': {
    input: z.object({ customerId: idSchema }),
    output: z.object({
      /** Live sales (returns are not orders). */
      sales: z.number().int(),
      /** Live sales and returns: the rows of the orders tab. */
      rows: z.number().int(),
      /** Revenue in the base currency, net of returns. */
      revenueBaseMinor: z.number().int(),
      /** The latest sale dated on or before today (a sale dated ahead is not yet contact, as on Today). */
      lastSaleDate: z.string().nullable(),
      /** The currency of the latest order (by date, then entry): the order form's default; null with no order. */
      usualCurrency: z.string().nullable(),
      /** Some order is in another currency than the base one: the tab then shows the rate and the converted amount. */
      otherCurrencies: z.boolean(),
      /** What the customer owes over all sales, in the base currency, and how much of it is overdue. */
      balanceBaseMinor: z.number().int(),
      overdueBaseMinor: z.number().int(),
      baseCurrency: z.string(),
    }),
  },
  /** A page of the lines of the customer's live orders, the latest order first and each order's lines in their order. */
  'orders:lines': {
    input: z.object(pageInput),
    output: z.object({ lines: z.array(orderFileLineSchema), total: z.number().int() }),
  },
} as const;
