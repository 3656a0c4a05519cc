import type { Db } from '../../db/open';

/**
 * Whether a customer's orders, follow-ups or tier-relevant fields changed after the stored predictions were
 * fitted: their activity row's rev is above the rev kept with the run (refitInputsKey). The stored row then
 * still shows the figures of before (an order deleted since still counts as "bought once"), so the file says
 * so rather than passing them off as current. A run without a key (an older version's) cannot tell: false.
 */
export function customerChangedSinceFit(db: Db, customerId: string, fittedFrom: string | null): boolean {
  if (fittedFrom === null) return false;
  let fittedRev: unknown;
  try {
    fittedRev = (JSON.parse(fittedFrom) as { activityRev?: unknown }).activityRev;
  } catch {
    return false;
  }
  if (typeof fittedRev !== 'number') return false;
  const rev = db.$client.prepare('SELECT rev FROM customer_activity WHERE customer_id = ?').pluck().get(customerId) as number | undefined;
  return rev !== undefined && rev > fittedRev;
}
