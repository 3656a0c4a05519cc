import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isCalendarDate } from './columns';
import { customers } from './customers';

/**
 * The latest purchase-likelihood and value prediction per customer (docs/prediction.md), rewritten by
 * each recompute from the orders up to its as-of date. Derived data, so no rowIdentity and no history:
 * any laptop can recompute it. Money in the base currency's minor units.
 */
export const customerPredictions = sqliteTable(
  'customer_predictions',
  {
    customerId: text('customer_id')
      .primaryKey()
      .references(() => customers.id),
    asOf: text('as_of').notNull(),
    pAlive: real('p_alive').notNull(),
    expected30: real('expected_30').notNull(),
    expected90: real('expected_90').notNull(),
    expected365: real('expected_365').notNull(),
    expectedOrderValueMinor: integer('expected_order_value_minor').notNull(),
    clvMinor: integer('clv_minor').notNull(),
    score: integer('score').notNull(),
    confidence: text('confidence', { enum: ['high', 'medium', 'low'] }).notNull(),
    method: text('method', { enum: ['bgnbd', 'shrunk'] }).notNull(),
    /** The facts behind the sentence of why. */
    purchases: integer('purchases').notNull(),
    typicalGapDays: real('typical_gap_days'),
    daysSinceLast: integer('days_since_last').notNull(),
  },
  (t) => [
    check('customer_predictions_as_of_valid', isCalendarDate('as_of')),
    check('customer_predictions_p_alive_range', sql`${t.pAlive} >= 0 AND ${t.pAlive} <= 1`),
    check('customer_predictions_expected_non_negative', sql`${t.expected30} >= 0 AND ${t.expected90} >= ${t.expected30} AND ${t.expected365} >= ${t.expected90}`),
    check('customer_predictions_money_non_negative', sql`${t.expectedOrderValueMinor} >= 0 AND ${t.clvMinor} >= 0`),
    check('customer_predictions_score_range', sql`${t.score} BETWEEN 0 AND 100`),
    check('customer_predictions_purchases_positive', sql`${t.purchases} >= 1 AND ${t.daysSinceLast} >= 0`),
    // The orders the screens and the CLI list by (core/prediction/store.ts SORT_SQL), each ending in the
    // customer id that breaks ties: a page walks its index backwards from the top and stops, instead of
    // sorting every customer (0.2-0.5 s at 100k customers, more at a deep offset). The other sorts the
    // contract offers go without: each index costs every refit a write per customer.
    index('customer_predictions_by_score').on(t.score, t.customerId),
    index('customer_predictions_by_likely_value').on(sql`(${t.score} * ${t.expectedOrderValueMinor})`, t.customerId),
  ],
);

/** The fit behind the stored predictions: one row, the latest recompute's model as JSON. */
export const predictionRuns = sqliteTable(
  'prediction_runs',
  {
    asOf: text('as_of').primaryKey(),
    computedAt: text('computed_at').notNull(),
    model: text('model').notNull(),
    /**
     * What the fit was made from (core/prediction/refit.ts refitInputsKey): the day, the app's version, the
     * activity rows' latest rev and the CLV settings. A process that finds the same key stored skips the
     * refit; null (written before the key was kept) always refits.
     */
    fittedFrom: text('fitted_from'),
  },
  () => [check('prediction_runs_as_of_valid', isCalendarDate('as_of'))],
);
