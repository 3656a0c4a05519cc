import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The customers whose reminders or payments changed, by rev: what Today's kept list follows besides
 * customer_activity (whose rev moves with every order, follow-up and customer change, but not when a reminder is
 * marked done or moved, nor when a payment is recorded — the tiers do not depend on those). Kept by SQLite triggers
 * on follow_ups (done, next_contact_date) and orders (unpaid amounts, due date) in the writing transaction, so a
 * write by any connection — another process, a sync — is seen. One row per customer; a change only raises its rev.
 */
export const todayChanges = sqliteTable(
  'today_changes',
  {
    customerId: text('customer_id').primaryKey(),
    rev: integer('rev').notNull(),
  },
  (t) => [index('today_changes_rev').on(t.rev)],
);
