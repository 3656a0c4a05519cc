import type { InputOf, OutputOf } from '../../../shared/contract';
import type { TodayItemRow } from '../../../shared/contract/today';
import { api } from '../../api/client';
import { usePagedRows, useRowRevision, type OpenAt } from '../../components/use-paged-rows';
import { rememberOverdue } from './today-shape';

export type TodayQuery = Omit<InputOf<'today:list'>, 'limit' | 'offset'>;
export type TodaySummary = Omit<OutputOf<'today:list'>, 'items'>;
export type TodayRowData = TodayItemRow & { id: string };

// One call per page: the rows and the summary (counts per kind, the day, whether likelihood ranking is offered) together.
const fetchToday = async (query: TodayQuery, offset: number, limit: number) => {
  const { items, ...summary } = await api('today:list', { ...query, offset, limit });
  rememberOverdue(query, summary.counts.overdue);
  return { total: summary.total, rows: items.map((i) => ({ ...i, id: i.customerId })), meta: summary };
};

/** Today's rows page by page as the list scrolls (a day at 100k customers can hold tens of thousands). */
export function useToday(query: TodayQuery, reloadKey: string, openAt?: OpenAt<TodayQuery>) {
  const { meta, revisions, ...pages } = usePagedRows<TodayQuery, TodayRowData, TodaySummary>(query, reloadKey, fetchToday, openAt);
  // Today draws its rows itself, so it re-renders whenever a page arrives.
  const revision = useRowRevision(revisions);
  return { ...pages, revision, summary: meta ?? null };
}
