import { z } from 'zod';
import { TIME_OF_DAY_RE } from '../reminders/wall-clock';
import { isoDateSchema } from './common';

/** A local wall-clock time, "HH:MM" (24-hour): the daily reminder time, a follow-up reminder's time. */
export const timeOfDaySchema = z.string().max(5, { error: 'invalid_time', abort: true }).regex(TIME_OF_DAY_RE, 'invalid_time');

export const timedReminderSchema = z.object({
  followUpId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  date: z.string(),
  time: z.string(),
});

/** What the reminder scheduler (shared/reminders/scheduler.ts) reads and records; all computed locally. */
export const remindersContract = {
  /** The local date the daily summary was last shown on (null: never), so it is shown once a day. */
  'reminders:state': { input: z.object({}).default({}), output: z.object({ summaryShownOn: z.string().nullable() }) },
  'reminders:markSummaryShown': { input: z.object({ date: isoDateSchema }), output: z.object({ summaryShownOn: z.string() }) },
  /** Open reminders with a time, dated from `from` to `to`, earliest first. */
  'reminders:timed': {
    input: z.object({ from: isoDateSchema, to: isoDateSchema, limit: z.number().int().min(1).max(1000).default(500) }),
    output: z.object({ items: z.array(timedReminderSchema).max(1000) }),
  },
} as const;
