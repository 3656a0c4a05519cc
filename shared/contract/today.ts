import { z } from 'zod';
import { REASON_KEYS, TODAY_KINDS } from '../today/types';
import { enumOf, isoDateSchema } from './common';
import { customerTimeZoneSchema } from './time-zone';

/** Today: whom to serve today and why, one prioritised list (docs/today.md explains the order). */
const key = z.string().max(200, 'too_long');
const date = z.string().max(10, 'too_long');
const days = z.number().int().min(-100_000).max(100_000);

export const todayReasonSchema = z.object({
  kind: enumOf(TODAY_KINDS),
  key: enumOf(REASON_KEYS),
  params: z.object({
    scheme: key.optional(),
    classKey: key.optional(),
    cadenceDays: days.optional(),
    days: days.optional(),
    date: date.optional(),
    from: key.optional(),
    to: key.optional(),
    riskScheme: key.optional(),
    riskClass: key.optional(),
    amountMinor: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
    currency: z.string().max(3, 'too_long').optional(),
  }),
  priority: z.number().int().min(0).max(1000),
  dueDate: date,
});

export const todayItemSchema = z.object({
  customerId: z.string().max(64),
  customerName: z.string().max(500),
  company: z.string().max(500).nullable(),
  owner: z.string().max(500).nullable(),
  kind: enumOf(TODAY_KINDS),
  priority: z.number().int().min(0).max(1000),
  dueDate: date,
  reasons: z.array(todayReasonSchema).max(20),
  followUpIds: z.array(z.string().max(64)).max(1000),
  likelihood: z.number().min(0).max(1).nullable(),
  /** The customer's time zone (customers:timeZone's answer), for their local time beside the reasons. */
  timeZone: customerTimeZoneSchema,
});
export type TodayItemRow = z.infer<typeof todayItemSchema>;

const count = () => z.number().int().min(0).max(100_000_000);
/**
 * Customers whose tiers were placed on the cuts of the last full run since it (a write moved them); a full
 * recompute follows in the background and may move others. While above zero, the list and its counts are
 * provisional: whoever shows them asks again once that run is done (0 then).
 */
const placedSince = () => count();
const countsSchema = z.object(Object.fromEntries(TODAY_KINDS.map((k) => [k, count()])) as Record<(typeof TODAY_KINDS)[number], ReturnType<typeof count>>);

const filtersSchema = {
  asOf: isoDateSchema.optional(),
  /** Only customers with this owner (as typed on the customer). */
  owner: z.string().trim().min(1, 'required').max(200, 'too_long').optional(),
  /** Only customers in this class of this scheme; classKey needs scheme. */
  scheme: z.string().min(1, 'required').max(80, 'too_long').optional(),
  classKey: z.string().min(1, 'required').max(200, 'too_long').optional(),
};

export const TODAY_MAX_LIMIT = 5000;

export const todayContract = {
  'today:list': {
    input: z
      .object({
        ...filtersSchema,
        /** 'likelihood' needs a purchase-likelihood provider (refused with today_likelihood_unavailable otherwise). */
        rankBy: z.enum(['priority', 'likelihood'], { error: 'invalid_choice' }).default('priority'),
        /** Only customers a call finds at work now: their clock on a working day, 08:00–20:00 (shared/domain/reachable-now.ts). */
        reachableNow: z.boolean().optional(),
        limit: z.number().int().min(1).max(TODAY_MAX_LIMIT).default(200),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .default({ rankBy: 'priority', limit: 200, offset: 0 }),
    output: z.object({
      asOf: z.string().max(10),
      total: count(),
      /** Rows per kind (the kind of each row's most urgent reason), over the whole filtered list. */
      counts: countsSchema,
      /** Rows of the list (reachableNow aside) whose customers a call finds at work now. */
      reachableNow: count(),
      rankBy: z.enum(['priority', 'likelihood']),
      /** Whether a purchase-likelihood provider has scores for this day (the screen offers the ranking then). */
      likelihoodAvailable: z.boolean(),
      placedSince: placedSince(),
      items: z.array(todayItemSchema).max(TODAY_MAX_LIMIT),
    }),
  },
  /** For the navigation badge: rows on Today, and how many of them are overdue. */
  'today:count': {
    input: z.object({ asOf: isoDateSchema.optional() }).default({}),
    output: z.object({ asOf: z.string().max(10), total: count(), overdue: count(), placedSince: placedSince() }),
  },
} as const;
