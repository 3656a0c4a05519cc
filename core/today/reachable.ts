import { placesOf } from '../../db/repos/customers';
import type { CustomerTimeZone } from '../../shared/domain/customer-time-zone-types';
import { isReachableNow } from '../../shared/domain/reachable-now';
import type { TodayItem } from '../../shared/today/types';
import type { HandlerContext } from '../context';
import { timeZonesOf } from '../customer-time-zones';

/**
 * Today's rows with their customers' time zones, and which of them a call finds at work now. The zones are kept
 * per list (todayList hands out the same array while the database is unchanged): a day at 100k customers holds
 * tens of thousands of rows, and every page and the "reachable now" count read them.
 */
const zonesByList = new WeakMap<readonly TodayItem[], Promise<Map<string, CustomerTimeZone | null>>>();

export function zonesOfList(ctx: HandlerContext, items: readonly TodayItem[]): Promise<Map<string, CustomerTimeZone | null>> {
  let zones = zonesByList.get(items);
  if (!zones) {
    const ids = items.map((i) => i.customerId);
    const places = placesOf(ctx.db, ids);
    zones = timeZonesOf(ids.map((id) => places.get(id) ?? { country: null, region: null, city: null })).then((found) => new Map(ids.map((id, n) => [id, found[n]!])));
    zonesByList.set(items, zones);
    // A failed lookup is not kept: the next call tries again.
    zones.catch(() => zonesByList.delete(items));
  }
  return zones;
}

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
