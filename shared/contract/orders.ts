import { z } from 'zod';
import { currencySchema, fxRateValueSchema, idSchema, isoDateSchema, optionalText, timestampsSchema } from './common';

export const orderInputSchema = z.object({
  customerId: idSchema,
  orderDate: isoDateSchema,
  /** A plain decimal as typed ("1234.50"); converted to minor units with the currency's own digits. */
  amount: z.string().trim().min(1, 'required').max(24, 'too_long'),
  currency: currencySchema,
  /** Base units per one unit of `currency`; omitted → the FX table's rate on or before the order date. */
  fxRate: fxRateValueSchema.nullish(),
  note: optionalText(1000),
});
export type OrderInput = z.input<typeof orderInputSchema>;

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
});
export type Order = z.infer<typeof orderSchema>;

export const ordersContract = {
  'orders:list': { input: z.object({ customerId: idSchema }), output: z.object({ orders: z.array(orderSchema) }) },
  'orders:create': { input: orderInputSchema, output: orderSchema },
  'orders:update': { input: z.object({ id: idSchema, order: orderInputSchema }), output: orderSchema },
  'orders:delete': { input: z.object({ id: idSchema }), output: orderSchema },
  'orders:restore': { input: z.object({ id: idSchema }), output: orderSchema },
} as const;
