import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Each customer's whole order and follow-up history folded into one row, kept by SQLite triggers on
 * orders and follow_ups (migration customer_activity_triggers) inside the writing transaction, so a
 * recompute of every tier reads one row per customer instead of every order. The row does not depend
 * on the day: it holds every date, and the engine applies its window and as-of to it
 * (shared/segmentation/activity.ts reads it; docs/performance.md explains the format).
 *
 * orders: a flat JSON array, 6 numbers per calendar day that has a live order, oldest first —
 *   day number (days since 1970-01-01), sales that day, their base amount, the returns' base amount
 *   (≤ 0), the known base costs of the day's orders (sales and returns), how many orders had a cost.
 * followUps: a flat JSON array, 2 values per live follow-up in instant order — occurred_at as stored,
 *   and its intent (null when none was recorded).
 * rev: a counter that grows on every change of the row, so a reader that kept the rows in memory
 *   re-reads only those that changed since.
 */
export const customerActivity = sqliteTable(
  'customer_activity',
  {
    customerId: text('customer_id').primaryKey(),
    orders: text('orders').notNull().default('[]'),
    followUps: text('follow_ups').notNull().default('[]'),
    rev: integer('rev').notNull(),
  },
  (t) => [index('customer_activity_rev').on(t.rev)],
);
