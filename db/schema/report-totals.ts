import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The evaluation report's monthly totals, kept by SQLite triggers on orders and follow_ups (migration
 * report_totals_triggers) in the same transaction as every write — an edit, an import, a merge, an undo
 * or a restore alike — so a report reads one row per customer and month instead of every order.
 * Derived data: core/reports/totals.ts rebuilds both tables from the raw rows when report_totals_state
 * is missing or was built under another version or time zone (a follow-up's month is the local month of
 * its instant, which the triggers compute with SQLite's 'localtime'). The key leads with the month
 * because a report reads a range of months for everyone.
 */
export const orderMonthTotals = sqliteTable(
  'order_month_totals',
  {
    /** Months since year 0 (core/reports/periods.ts monthIndexOf) of the order's date. */
    month: integer('month').notNull(),
    customerId: text('customer_id').notNull(),
    /** Live orders of the month: net base amount (returns negative), sales and returns counted. */
    revenueMinor: integer('revenue_minor').notNull(),
    sales: integer('sales').notNull(),
    returns: integer('returns').notNull(),
    /** Net base amount and base cost of the orders that carry a cost; costed = how many do. */
    costedRevenueMinor: integer('costed_revenue_minor').notNull(),
    costMinor: integer('cost_minor').notNull(),
    costed: integer('costed').notNull(),
    /** The month's last sale date; null when the customer only returned goods. */
    lastSale: text('last_sale'),
  },
  (t) => [primaryKey({ columns: [t.month, t.customerId] })],
);

export const followUpMonthTotals = sqliteTable(
  'follow_up_month_totals',
  {
    /** Months since year 0 of the local calendar day of the follow-up's instant. */
    month: integer('month').notNull(),
    customerId: text('customer_id').notNull(),
    followUps: integer('follow_ups').notNull(),
    satisfactionSum: real('satisfaction_sum').notNull(),
    satisfactionCount: integer('satisfaction_count').notNull(),
    /** The month's last follow-up instant (ISO, as stored). */
    lastAt: text('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.customerId] })],
);

/** One row (id = 1) once the totals were rebuilt: the build's version and the time zone it used. */
export const reportTotalsState = sqliteTable('report_totals_state', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
  timeZone: text('time_zone').notNull(),
  builtAt: text('built_at').notNull(),
});

/**
 * A counter per source and month that triggers set to a fresh random value on every change of that month's totals ('orders',
 * 'follow_ups') or of any tier history row ('segments', month 0). The report keeps what it read per
 * month in memory and reads again only the months whose counter moved, so an edit costs the months it
 * touched, not two years of everyone's.
 */
export const reportMonthVersions = sqliteTable(
  'report_month_versions',
  {
    source: text('source').notNull(),
    month: integer('month').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.month] })],
);
