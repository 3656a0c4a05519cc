import type { CustomerTimeZone } from '../../shared/domain/customer-time-zone-types';
import { isReachableNow } from '../../shared/domain/reachable-now';
import type { TodayItem } from '../../shared/today/types';

/** The rows reachable at `ms`, in the list's order; each zone is judged once, not once per row. */
export function reachableAt(items: readonly TodayItem[], zones: ReadonlyMap<string, CustomerTimeZone | null>, ms: number): TodayItem[] {
  const judged = new Map<CustomerTimeZone | null | undefined, boolean>();
  return items.filter((item) => {
    const zone = zones.get(item.customerId);
    let reachable = judged.get(zone);
    if (reachable === undefined) judged.set(zone, (reachable = isReachableNow(zone ?? null, ms)));
    return reachable;
  });
}
