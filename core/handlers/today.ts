import type { HandlerContext } from '../context';
import { countsOf, todayList } from '../today/list';
import { reachableAt } from '../today/reachable';
import type { HandlerMap } from './types';

export function todayHandlers(ctx: HandlerContext): HandlerMap<'today'> {
  return {
    'today:list': async ({ limit, offset, reachableNow, ...query }) => {
      const list = await todayList(ctx, query);
      // Every row's time zone (kept with the list): the count of those reachable now needs them all.
      const zones = await list.zones();
      const reachable = reachableAt(list.items, zones, ctx.clock.now().getTime());
      const shown = reachableNow ? reachable : list.items;
      const page = shown.slice(offset, offset + limit);
      return {
        ...list,
        total: shown.length,
        counts: reachableNow ? countsOf(shown) : list.counts,
        reachableNow: reachable.length,
        items: page.map((item) => ({ ...item, likelihood: list.likelihoodOf(item.customerId), timeZone: zones.get(item.customerId) ?? null })),
      };
    },
    'today:count': async ({ asOf }) => {
      const list = await todayList(ctx, { asOf });
      return { asOf: list.asOf, total: list.total, overdue: list.counts.overdue, placedSince: list.placedSince };
    },
  };
}
