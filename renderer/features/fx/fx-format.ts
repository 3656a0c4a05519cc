/**
 * A rate as the user's language writes numbers, with at least 4 decimals ("7.0612") and every digit it has: the
 * rate locked on an order is this exact number, and a small one (1 IDR = 0.0000617 USD) cut to 6 decimals would
 * show another rate than the one that converted its amounts (or 0.0000 for 1e-7).
 */
export function formatRate(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 4, maximumFractionDigits: 20, useGrouping: false }).format(rate);
}
