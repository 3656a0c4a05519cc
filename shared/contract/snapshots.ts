import { z } from 'zod';
import { isoDateSchema } from './common';
import { schemeSchema } from './segmentation';

/**
 * Stored tier history read back: what the tiered lists said on a past day, as recorded by that day's
 * snapshot (change points in segment_assignments), not a recomputation with today's data and settings.
 */
const storedMemberSchema = z.object({
  id: z.string().max(64),
  name: z.string().max(500),
  company: z.string().max(500).nullable(),
  code: z.string().max(200).nullable(),
  classKey: z.string().max(200),
});
export type StoredMember = z.infer<typeof storedMemberSchema>;

export const snapshotsContract = {
  /** One day's stored classes of a scheme: counts per class, and a page of members (by name) of one class or all. */
  'snapshots:day': {
    input: z.object({
      scheme: schemeSchema,
      asOf: isoDateSchema,
      classKey: z.string().min(1, 'required').max(200, 'too_long').optional(),
      search: z.string().max(200, 'too_long').default(''),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      asOf: z.string().max(10),
      /** The stored snapshot the day resolves to (the latest on or before it); null: nothing stored that early. */
      snapshotDay: z.string().max(10).nullable(),
      /** The first and last stored days, so a date picker can say what history there is. */
      firstDay: z.string().max(10).nullable(),
      lastDay: z.string().max(10).nullable(),
      /** Customers classified in the scheme on that day. */
      customers: z.number().int().min(0),
      /** Every class with members that day, largest first. */
      classes: z.array(z.object({ classKey: z.string().max(200), count: z.number().int().min(0) })).max(2000),
      /** Members matching classKey and search. */
      total: z.number().int().min(0),
      rows: z.array(storedMemberSchema).max(500),
    }),
  },
} as const;
