import { z } from 'zod';
import { enumOf, idSchema, isoDateSchema, isoInstantSchema, optionalText, timestampsSchema } from './common';
import { FOLLOW_UP_CHANNELS, INTENTS } from './enums';
import { timeOfDaySchema } from './reminders';

export const followUpInputSchema = z.object({
  customerId: idSchema,
  /** Defaults to now. */
  occurredAt: isoInstantSchema.nullish(),
  channel: enumOf(FOLLOW_UP_CHANNELS).default('call'),
  content: z.string().max(4000, 'too_long').default(''),
  outcome: optionalText(1000),
  intent: enumOf(INTENTS).nullish().transform((i) => i ?? null),
  satisfaction: z.number().int('satisfaction_range').min(1, 'satisfaction_range').max(5, 'satisfaction_range').nullish().transform((s) => s ?? null),
  nextContactDate: isoDateSchema.nullish().transform((d) => d ?? null),
  /** Optional "HH:MM" on the next-contact date: a timed reminder, announced at that minute. Needs a date. */
  nextContactTime: timeOfDaySchema.nullish().transform((t) => t ?? null),
});
export type FollowUpInput = z.input<typeof followUpInputSchema>;

export const followUpSchema = z.object({
  ...timestampsSchema,
  customerId: z.string(),
  occurredAt: z.string(),
  channel: enumOf(FOLLOW_UP_CHANNELS),
  content: z.string(),
  outcome: z.string().nullable(),
  intent: enumOf(INTENTS).nullable(),
  satisfaction: z.number().int().nullable(),
  nextContactDate: z.string().nullable(),
  nextContactTime: z.string().nullable(),
  done: z.boolean(),
  answeredBy: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** One open reminder: a follow-up whose next-contact date has not been answered yet. */
export const dueItemSchema = z.object({
  followUpId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  dueDate: z.string(),
  /** "HH:MM" on dueDate, local wall-clock time as the screens show it; null: no time, the whole day. */
  dueTime: z.string().nullable(),
  daysOverdue: z.number().int(),
  lastContent: z.string(),
  lastChannel: enumOf(FOLLOW_UP_CHANNELS),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const followUpsContract = {
  'followups:list': { input: z.object({ customerId: idSchema }), output: z.object({ followUps: z.array(followUpSchema) }) },
  'followups:create': { input: followUpInputSchema, output: z.object({ followUp: followUpSchema, answered: z.array(z.string()) }) },
  'followups:update': { input: z.object({ id: idSchema, followUp: followUpInputSchema }), output: followUpSchema },
  'followups:due': {
    input: z.object({
      asOf: isoDateSchema.optional(),
      horizonDays: z.number().int().min(0).max(60).default(7),
      /** Most items returned per section; `counts` always tells the full numbers. */
      limit: z.number().int().min(1).max(5000).default(200),
    }),
    output: z.object({
      asOf: z.string(),
      counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
      overdue: z.array(dueItemSchema),
      today: z.array(dueItemSchema),
      upcoming: z.array(dueItemSchema),
    }),
  },
  'followups:markDone': { input: z.object({ id: idSchema }), output: followUpSchema },
  'followups:reschedule': { input: z.object({ id: idSchema, nextContactDate: isoDateSchema }), output: followUpSchema },
} as const;
