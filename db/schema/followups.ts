import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isCalendarDate, isTimeOfDay, rowIdentity } from './columns';
import { customers } from './customers';

export const followUps = sqliteTable(
  'follow_ups',
  {
    ...rowIdentity,
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** ISO 8601 instant (UTC). */
    occurredAt: text('occurred_at').notNull(),
    channel: text('channel', { enum: ['call', 'visit', 'wechat', 'whatsapp', 'email', 'meeting', 'other'] }).notNull(),
    content: text('content').notNull().default(''),
    outcome: text('outcome'),
    intent: text('intent', { enum: ['interested', 'hesitant', 'not_now', 'never'] }),
    satisfaction: integer('satisfaction'),
    /** The reminder this follow-up sets: contact again on this calendar date. */
    nextContactDate: text('next_contact_date'),
    /** Optional local "HH:MM" on that date: a timed reminder, announced by a notification at that minute. */
    nextContactTime: text('next_contact_time'),
    /** The reminder is closed: answered by a later follow-up or marked done by hand. */
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    answeredBy: text('answered_by'),
    /** The import that created this follow-up (see import_batches). */
    importBatchId: text('import_batch_id'),
    /** Who created and who last changed the row (this laptop's person when it did); docs/team.md. */
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('follow_ups_channel_valid', sql`${t.channel} IN ('call','visit','wechat','whatsapp','email','meeting','other')`),
    check('follow_ups_intent_valid', sql`${t.intent} IS NULL OR ${t.intent} IN ('interested','hesitant','not_now','never')`),
    check('follow_ups_satisfaction_range', sql`${t.satisfaction} IS NULL OR (${t.satisfaction} BETWEEN 1 AND 5)`),
    check('follow_ups_next_date_valid', sql`next_contact_date IS NULL OR ${isCalendarDate('next_contact_date')}`),
    check('follow_ups_next_time_valid', sql`next_contact_time IS NULL OR (next_contact_date IS NOT NULL AND ${isTimeOfDay('next_contact_time')})`),
    check('follow_ups_occurred_at_valid', sql`${t.occurredAt} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' AND julianday(${t.occurredAt}) IS NOT NULL`),
    index('follow_ups_customer_time').on(t.customerId, t.occurredAt),
    // Covers the due counts: date range, liveness and the customer to check, without reading the rows.
    index('follow_ups_due').on(t.done, t.nextContactDate, t.deletedAt, t.customerId),
    index('follow_ups_import_batch').on(t.importBatchId),
  ],
);
