import { z } from 'zod';
import { MAX_LINE_QUANTITY } from '../domain/order-lines';
import { currencySchema, enumOf, fxRateValueSchema, idSchema, isoDateSchema, optionalText, requiredText, timestampsSchema } from './common';
import { boundedArray } from './limits';

/** A decimal as typed ("1234.50"), converted to minor units with the currency's own digits by the handler. */
const decimalText = z.string().trim().min(1, 'required').max(24, 'too_long');

/** Lines one order may carry: more than any invoice a person types, enough for imported ones. */
export const MAX_ORDER_LINES = 500;

export const orderLineInputSchema = z.object({
  sku: optionalText(64),
  name: requiredText(200),
  /** Units; fractional for goods sold by weight. Positive as typed (a return's lines are typed positive too). */
  quantity: z
    .number({ error: 'quantity_out_of_range' })
    .refine((q) => Number.isFinite(q) && q !== 0 && Math.abs(q) <= MAX_LINE_QUANTITY, 'quantity_out_of_range'),
  /** Price of one unit, a decimal in the order's currency. */
  unitPrice: decimalText,
});
export type OrderLineInput = z.input<typeof orderLineInputSchema>;

export const PAYMENT_STATUSES = ['paid', 'unpaid', 'part'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const paymentInputSchema = z.object({
  status: enumOf(PAYMENT_STATUSES),
  /** What the customer has paid so far; required for 'part', ignored otherwise. */
  paid: decimalText.nullish(),
  /** When the rest falls due (月结); ignored when paid in full. */
  dueDate: isoDateSchema.nullish(),
});

export const orderInputSchema = z.object({
  customerId: idSchema,
  orderDate: isoDateSchema,
  /**
   * A plain decimal as typed ("1234.50"); converted to minor units with the currency's own digits. With
   * lines it may be omitted (the lines' sum is the amount) and, when typed, must equal that sum.
   */
  amount: decimalText.optional(),
  currency: currencySchema,
  /**
   * Base units per one unit of `currency`; omitted → the FX table's rate on or before the order date (on an
   * edit of a sale with live returns: the rate they were recorded at, which may not change).
   */
  fxRate: fxRateValueSchema.nullish(),
  note: optionalText(1000),
  /** The business's own number (单号), unique among live orders. On update, omitted keeps the current one. */
  orderNumber: z.string().max(64, 'too_long').nullish(),
  /** Line items; on update, omitted keeps the current lines and [] removes them (a new currency needs them typed again). */
  lines: boundedArray(orderLineInputSchema, MAX_ORDER_LINES).optional(),
  /** Cost of goods, a decimal in the order's currency; on update, omitted keeps it and null clears it (a new currency needs it typed again). */
  cost: decimalText.nullish(),
  /** Omitted: paid in full on create, unchanged on update (in a new currency a part payment must be typed again). */
  payment: paymentInputSchema.optional(),
});
export type OrderInput = z.input<typeof orderInputSchema>;

export const orderLineSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  quantity: z.number(),
  unitPriceMinor: z.number().int(),
  amountMinor: z.number().int(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderSchema = z.object({
  ...timestampsSchema,
  customerId: z.string(),
  orderDate: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  fxRate: z.number(),
  baseCurrency: z.string(),
  baseAmountMinor: z.number().int(),
  note: z.string().nullable(),
  orderNumber: z.string().nullable(),
  kind: z.enum(['sale', 'return']),
  returnOfOrderId: z.string().nullable(),
  costMinor: z.number().int().nullable(),
  baseCostMinor: z.number().int().nullable(),
  /** Gross profit (amount − cost) in the order's currency; null when the cost is unknown. */
  profitMinor: z.number().int().nullable(),
  /** Left unpaid when the sale was recorded, less payments since (amount − paid). 0 on returns. */
  unpaidMinor: z.number().int(),
  baseUnpaidMinor: z.number().int(),
  paymentDueDate: z.string().nullable(),
  /** Returns recorded against this sale, as a positive total in its currency (0 on returns). */
  returnedMinor: z.number().int(),
  /** What the customer still owes on this sale: unpaid less what was returned, never below 0. */
  balanceMinor: z.number().int(),
  baseBalanceMinor: z.number().int(),
  /**
   * What the payments recorded on this sale pass what it owed after returns by (sale − returns − payments below 0), in
   * its currency: the customer's money, to give back or carry to another order. 0 when they do not; 0 on returns.
   */
  overpaidMinor: z.number().int(),
  /** Derived from the balance: 'paid' when nothing is owed; null on returns. */
  paymentStatus: z.enum(PAYMENT_STATUSES).nullable(),
  /** A balance is owed and its due date is before today (the local day). */
  overdue: z.boolean(),
  lines: z.array(orderLineSchema),
});
export type Order = z.infer<typeof orderSchema>;

export const orderReturnInputSchema = z
  .object({
    /** The sale returned; omitted for a standalone return, which then names the customer and currency. */
    orderId: idSchema.optional(),
    customerId: idSchema.optional(),
    currency: currencySchema.optional(),
    fxRate: fxRateValueSchema.nullish(),
    /** Omitted: today. */
    orderDate: isoDateSchema.optional(),
    /** Typed positive, stored negative. Omitted against an order: all that is left to return of it. */
    amount: decimalText.optional(),
    /** Returned goods, quantities typed positive (stored negative). */
    lines: boundedArray(orderLineInputSchema, MAX_ORDER_LINES).optional(),
    /** Cost of the goods back, typed positive. Omitted against an order with a cost: its share of that cost. */
    cost: decimalText.nullish(),
    orderNumber: z.string().max(64, 'too_long').nullish(),
    note: optionalText(1000),
  })
  .refine((r) => r.orderId !== undefined || r.customerId !== undefined, { message: 'required', path: ['customerId'] });
export type OrderReturnInput = z.input<typeof orderReturnInputSchema>;

export const productSchema = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  name: z.string(),
  lastUnitPriceMinor: z.number().int().nullable(),
  lastCurrency: z.string().nullable(),
  lastSoldOn: z.string().nullable(),
});
export type Product = z.infer<typeof productSchema>;

export const ordersContract = {
  'orders:list': {
    input: z.object({ customerId: idSchema }),
    output: z.object({
      orders: z.array(orderSchema),
      /** What the customer owes over all sales, in the base currency, and how much of it is overdue. */
      balanceBaseMinor: z.number().int(),
      overdueBaseMinor: z.number().int(),
      baseCurrency: z.string(),
    }),
  },
  'orders:create': { input: orderInputSchema, output: orderSchema },
  'orders:update': { input: z.object({ id: idSchema, order: orderInputSchema }), output: orderSchema },
  'orders:delete': { input: z.object({ id: idSchema }), output: orderSchema },
  'orders:restore': { input: z.object({ id: idSchema }), output: orderSchema },
  /** A customer's orders deleted by hand, the latest first, to bring back (orders:restore); `total` counts them all. */
  'orders:deleted': {
    input: z.object({ customerId: idSchema, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ orders: z.array(orderSchema.extend({ deletedAt: z.string() })), total: z.number().int() }),
  },
  'orders:return': { input: orderReturnInputSchema, output: orderSchema },
  'orders:record-payment': {
    input: z.object({
      id: idSchema,
      /** Omitted: the whole balance. */
      amount: decimalText.optional(),
    }),
    output: orderSchema,
  },
  'products:search': {
    input: z.object({ query: z.string().max(100, 'too_long').default(''), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ products: z.array(productSchema) }),
  },
} as const;
