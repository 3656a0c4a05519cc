import { z } from 'zod';
import { isoDateSchema, optionalText } from './common';

/** Service policies: how to serve each class of a scheme, and who is due for contact by them. */
const policySchemeSchema = z.string().min(1, 'required').max(80, 'too_long');

export const policyInputSchema = z.object({
  scheme: policySchemeSchema,
  classKey: z.string().min(1, 'required').max(200, 'too_long'),
  /** Contact at least every N days; null: no cadence. */
  cadenceDays: z.number().int('invalid_value').min(1, 'invalid_value').max(3650, 'invalid_value').nullable(),
  /** 1 (highest) to 5. */
  priority: z.number().int('invalid_value').min(1, 'invalid_value').max(5, 'invalid_value').default(3),
  notes: z.string().max(2000, 'too_long').default(''),
  nextAction: z.string().max(500, 'too_long').default(''),
  /** The person who answers for this class (shown beside its figures on the evaluation dashboard); blank: nobody. */
  responsible: optionalText(100),
});

export const policySchema = policyInputSchema.extend({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type Policy = z.infer<typeof policySchema>;

export const policyDueItemSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  company: z.string().nullable(),
  /** The policy with the shortest cadence among the customer's classes. */
  scheme: z.string(),
  classKey: z.string(),
  cadenceDays: z.number().int(),
  priority: z.number().int(),
  nextAction: z.string(),
  /** Local date of the last contact (a follow-up or an order) on or before asOf; null: never contacted. */
  lastContactDate: z.string().nullable(),
  /** Whole days from lastContactDate to asOf; null: never contacted. */
  daysSinceContact: z.number().int().nullable(),
  /** Days past the cadence (0 on the day it falls due); null: never contacted. */
  daysOverdue: z.number().int().nullable(),
});
export type PolicyDueItem = z.infer<typeof policyDueItemSchema>;

export const policiesContract = {
  'policies:list': { input: z.object({ scheme: policySchemeSchema.optional() }).default({}), output: z.object({ policies: z.array(policySchema) }) },
  'policies:save': { input: policyInputSchema, output: policySchema },
  /** Every edited row of a policy editor in one transaction: all are saved, or (one invalid) none. */
  'policies:saveMany': { input: z.object({ policies: z.array(policyInputSchema).min(1, 'required').max(500, 'too_many') }), output: z.object({ policies: z.array(policySchema).max(500) }) },
  'policies:delete': { input: z.object({ scheme: policySchemeSchema, classKey: z.string().min(1, 'required') }), output: z.object({ deleted: z.boolean() }) },
  /** Customers whose last follow-up is older than the strictest cadence of their classes, most urgent first. */
  'policies:due': {
    input: z.object({ asOf: isoDateSchema.optional(), limit: z.number().int().min(1).max(5000).default(200) }).default({ limit: 200 }),
    output: z.object({ asOf: z.string(), total: z.number().int(), items: z.array(policyDueItemSchema) }),
  },
} as const;
