import type { CustomerPrediction } from '../../shared/contract/prediction';

/**
 * The customer_predictions table one fit of `rows` on `asOf` should leave, in customer id order, mapped here
 * column by column (not through the store's code): the forecasts kept non-decreasing in the horizon.
 */
export function expectedPredictionTable(rows: readonly CustomerPrediction[], asOf: string) {
  return rows
    .map((r) => ({
      customer_id: r.id,
      as_of: asOf,
      p_alive: r.pAlive,
      expected_30: r.expectedPurchases.d30,
      expected_90: Math.max(r.expectedPurchases.d30, r.expectedPurchases.d90),
      expected_365: Math.max(r.expectedPurchases.d30, r.expectedPurchases.d90, r.expectedPurchases.d365),
      expected_order_value_minor: r.expectedOrderValueMinor,
      clv_minor: r.clvMinor,
      score: r.score,
      confidence: r.confidence,
      method: r.method,
      purchases: r.purchases,
      typical_gap_days: r.typicalGapDays,
      days_since_last: r.daysSinceLast,
    }))
    .sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
}
