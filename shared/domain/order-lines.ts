/**
 * What one order line adds to its order: quantity × unit price, rounded half away from zero to the
 * currency's minor unit. The small epsilon keeps 0.1 × 30 (2.9999…) from rounding the wrong way. The
 * order form, the handler and importers all use this, so an order's amount is the same whoever computes it.
 */
export function lineAmountMinor(quantity: number, unitPriceMinor: number): number {
  const exact = quantity * unitPriceMinor;
  return Math.sign(exact) * Math.round(Math.abs(exact) + 1e-9);
}

/** Largest absolute quantity a line may carry (the schema's CHECK holds the same bound). */
export const MAX_LINE_QUANTITY = 1_000_000_000;
