import { placesOf } from '../../db/repos/customers';
import type { HandlerContext } from '../context';
import { timeZonesOf } from '../customer-time-zones';
import { todayList } from '../today/list';
import type { HandlerMap } from './types';

export function todayHandlers(ctx: HandlerContext): HandlerMap<'today'> {
  return {
    'today:list': async ({ limit, offset, ...query }) => {
      const list = await todayList(ctx, query);
      const page = list.items.slice(offset, offset + limit);
      // Each row's time zone, for the page asked for only: the whole list can hold thousands.
      const places = placesOf(ctx.db, page.map((i) => i.customerId));
      const zones = await timeZonesOf(page.map((i) => places.get(i.customerId) ?? { country: null, region: null, city: null }));
      return { ...list, items: page.map((item, n) => ({ ...item, timeZone: zones[n]! })) };
    },
    'today:count': async ({ asOf }) => {
      const list = await todayList(ctx, { asOf });
      return { asOf: list.asOf, total: list.total, overdue: list.counts.overdue, placedSince: list.placedSince };
    },
  };
}
