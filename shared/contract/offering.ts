import { z } from 'zod';
import { idSchema } from './common';
import { schemeSchema } from './segmentation';

/** What to offer: a customer's usual products and what customers like them buy (docs/offering.md). */
const text = z.string().max(500);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const quantity = z.number().min(-1e15).max(1e15);
const money = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const day = z.string().max(10);

const productFields = { productId: z.string().max(64), name: text, sku: text.nullable(), quantity, amountBaseMinor: money };

export const usualProductSchema = z.object({
  ...productFields,
  reason: z.object({ kind: z.literal('usual'), orders: count, quantity, lastBought: day.nullable() }),
});
export const peerProductSchema = z.object({
  ...productFields,
  reason: z.object({ kind: z.literal('peers'), buyers: count, peers: count, share: z.number().min(0).max(1) }),
});
export type UsualProductRow = z.infer<typeof usualProductSchema>;
export type PeerProductRow = z.infer<typeof peerProductSchema>;

const limitSchema = z.number().int().min(1).max(20).default(5);

export const offeringContract = {
  /** A customer's usual products and the products their class peers buy that they have not; scheme: whose classes make the peers. */
  'offers:customer': {
    input: z.object({ customerId: idSchema, scheme: schemeSchema.default('pyramid'), limit: limitSchema }),
    output: z.object({
      customerId: z.string().max(64),
      scheme: z.string().max(80),
      /** The day of the tiers the peers come from (today's, as the screens show them). */
      asOf: day,
      classKey: z.string().max(200).nullable(),
      /** The scheme's partition ('type', 'market', 'tag' …) and the customer's group, when it is ranked within groups. */
      partition: z.string().max(80).nullable(),
      group: z.string().max(200).nullable(),
      /** The tag a 'tag' partition splits by, to word the group ("with the tag 外贸"). */
      partitionTag: z.string().max(200).nullable(),
      peers: count,
      baseCurrency: z.string().max(3),
      usuallyBuys: z.array(usualProductSchema).max(20),
      alsoBuy: z.array(peerProductSchema).max(20),
    }),
  },
  /** Each class's most bought products (by how many of its customers buy them), for the tier screen. */
  'offers:classes': {
    input: z.object({ scheme: schemeSchema, limit: limitSchema }),
    output: z.object({
      scheme: z.string().max(80),
      asOf: day,
      baseCurrency: z.string().max(3),
      classes: z.array(z.object({ classKey: z.string().max(200), customers: count, products: z.array(peerProductSchema).max(20) })).max(1000),
    }),
  },
} as const;
