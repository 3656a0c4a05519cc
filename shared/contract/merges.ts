import { z } from 'zod';
import { enumOf, idSchema } from './common';
import { boundedArray } from './limits';
import { customerSchema } from './customers';
import { CONTACT_KINDS, CUSTOMER_TYPES, LOCALITIES, MANUAL_LEVELS, NEEDS } from './enums';

/**
 * The profile fields a merge lets the user take from any of the customers. Tags are always united and
 * notes always joined, so neither loses anything; `locality` carries its manual flag with it.
 */
export const MERGE_FIELDS = ['name', 'company', 'type', 'industry', 'country', 'region', 'city', 'locality', 'sizeBand', 'incomeBand', 'needs', 'owner', 'source', 'manualLevel', 'code'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Why customers look like one: a shared contact, or the same name and company (ignoring case, width and spacing). */
export const duplicateReasonSchema = z.union([
  z.object({ kind: enumOf(CONTACT_KINDS), value: z.string() }),
  z.object({ kind: z.literal('nameCompany'), name: z.string(), company: z.string().nullable() }),
]);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** One customer of a duplicate group: every field a merge can take, and what it would bring along. */
export const mergeCandidateSchema = customerSchema
  .pick({
    id: true, name: true, company: true, type: true, industry: true, country: true, region: true, city: true, locality: true,
    localityManual: true, sizeBand: true, incomeBand: true, needs: true, owner: true, source: true, manualLevel: true, tags: true,
    notes: true, createdAt: true, archivedAt: true,
  })
  .extend({
    code: z.string().nullable(),
    orderCount: z.number().int(),
    followUpCount: z.number().int(),
    revenueBaseMinor: z.number().int(),
    lastOrderDate: z.string().nullable(),
    lastContactAt: z.string().nullable(),
    contacts: z.array(z.object({ kind: enumOf(CONTACT_KINDS), value: z.string(), label: z.string().nullable() })),
  });
export type MergeCandidate = z.infer<typeof mergeCandidateSchema>;

export const duplicateGroupSchema = z.object({
  /** Stable while the group's members stay the same (their ids, sorted and joined). */
  key: z.string(),
  /** The first of `reasons`: a contact before name + company. */
  reason: duplicateReasonSchema,
  reasons: z.array(duplicateReasonSchema),
  customers: z.array(mergeCandidateSchema),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

const movedSchema = z.object({ orders: z.number().int(), followUps: z.number().int(), contacts: z.number().int() });

export const mergeInputSchema = z
  .object({
    keepId: idSchema,
    mergeIds: boundedArray(idSchema, 50)
      .min(1, 'required')
      .transform((ids) => [...new Set(ids)]),
    /** Field → the id of the customer whose value to keep. Omitted fields keep the kept customer's value, or the first merged one's where it has none. */
    fields: z.partialRecord(enumOf(MERGE_FIELDS), idSchema).default({}),
  })
  .superRefine((input, ctx) => {
    const at = input.mergeIds.indexOf(input.keepId);
    if (at >= 0) ctx.addIssue({ code: 'custom', path: ['mergeIds', at], message: 'merge_keep_in_merge' });
    const allowed = new Set([input.keepId, ...input.mergeIds]);
    for (const [field, id] of Object.entries(input.fields)) {
      if (id !== undefined && !allowed.has(id)) ctx.addIssue({ code: 'custom', path: ['fields', field], message: 'invalid_choice' });
    }
  });

export const mergeSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  status: z.enum(['merged', 'undone']),
  undoneAt: z.string().nullable(),
  kept: z.object({ id: z.string(), name: z.string() }),
  merged: z.array(z.object({ id: z.string(), name: z.string() })),
  moved: movedSchema,
});
export type MergeSummary = z.infer<typeof mergeSummarySchema>;

export const mergesContract = {
  /** Groups of live customers that look like one person or company, newest first. */
  'customers:duplicates': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }),
    output: z.object({ total: z.number().int(), groups: z.array(duplicateGroupSchema) }),
  },
  /** Moves orders, follow-ups and contacts to the kept customer and soft-deletes the others, as one undoable merge. */
  'customers:merge': {
    input: mergeInputSchema,
    output: z.object({ mergeId: z.string(), customer: customerSchema, mergedIds: z.array(z.string()), moved: movedSchema }),
  },
  /** Undoes a merge: rows go back where they were, merged customers return, the kept one gets its earlier values. */
  'customers:unmerge': {
    input: z.object({ mergeId: idSchema }),
    output: z.object({ mergeId: z.string(), restoredIds: z.array(z.string()), moved: movedSchema, editedSince: z.array(z.string()) }),
  },
  'customers:merges': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(20) }).default({ limit: 20 }),
    output: z.object({ merges: z.array(mergeSummarySchema) }),
  },
} as const;
