/**
 * Customer lifetime value over a horizon: expected purchases month by month times the expected order
 * value, each month discounted at a monthly rate (the discrete form used by the `lifetimes` library and
 * the RFM/CLV paper's appendix). Months are 30 days expressed in the model's time unit.
 */
import type { BgNbdParams, Recency } from './bgnbd';
import { expectedPurchases } from './bgnbd-predict';

export interface ClvOptions {
  months: number;
  /** Monthly discount rate, e.g. 0.01 for 1 % a month. */
  monthlyDiscount: number;
  /** Length of one month in the model's time unit (30 for days, 30/7 for weeks). */
  monthLength: number;
}

export function customerLifetimeValue(p: BgNbdParams, c: Recency, expectedValue: number, options: ClvOptions): number {
  const cumulative = Array.from({ length: options.months }, (_, m) => expectedPurchases(p, c, (m + 1) * options.monthLength));
  return discountedValue(cumulative, expectedValue, options.monthlyDiscount);
}

/** Σ over months of (purchases expected in month m) × value / (1 + d)^m, from cumulative expected purchases by month end. */
export function discountedValue(cumulative: readonly number[], expectedValue: number, monthlyDiscount: number): number {
  let total = 0;
  let before = 0;
  cumulative.forEach((upTo, i) => {
    total += ((upTo - before) * expectedValue) / (1 + monthlyDiscount) ** (i + 1);
    before = upTo;
  });
  return total;
}
