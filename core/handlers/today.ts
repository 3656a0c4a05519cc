import type { HandlerContext } from '../context';
import { todayList } from '../today/list';
import type { HandlerMap } from './types';

export function todayHandlers(ctx: HandlerContext): HandlerMap<'today'> {
  return {
    'today:list': async ({ limit, offset, ...query }) => {
      const list = await todayList(ctx, query);
      return { ...list, items: list.items.slice(offset, offset + limit) };
    },
    'today:count': async ({ asOf }) => {
      const list = await todayList(ctx, { asOf });
      return { asOf: list.asOf, total: list.total, overdue: list.counts.overdue, placedSince: list.placedSince };
    },
  };
}
