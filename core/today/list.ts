import { predictionsSettled } from '../prediction/refit';
import type { Db } from '../../db/open';
import { livePolicies } from '../../db/repos/service-policies';
import { firstSaleDateBy, latestTierChanges, openRemindersDueBy, overduePaymentsBy } from '../../db/repos/today';
import { readSettings } from '../../db/repos/settings';
import { invalidInput } from '../../shared/contract';
import { localDateOf } from '../../shared/domain/dates';
import { buildToday, byLikelihood, VALUABLE_TIERS } from '../../shared/today/build';
import { TODAY_KINDS, type TierChange, type TodayItem, type TodayKind } from '../../shared/today/types';
import { changeStamp } from '../change-stamp';
import type { HandlerContext } from '../context';
import { ensureDefaultPolicies } from '../segmentation/policies';
import { segmentationInSteps, type SegmentationState } from '../segmentation/state';

export interface TodayQuery {
  asOf?: string;
  owner?: string;
  scheme?: string;
  classKey?: string;
  rankBy?: 'priority' | 'likelihood';
}

export interface TodayList {
  asOf: string;
  total: number;
  counts: Record<TodayKind, number>;
  rankBy: 'priority' | 'likelihood';
  likelihoodAvailable: boolean;
  /** Customers placed on the last full run's cuts since it: above zero, a background run may still move the list. */
  placedSince: number;
  /** The whole filtered list in order, shared with later calls: callers page it, never change it. */
  items: readonly TodayItem[];
}

/**
 * The whole list for one day, kept while the database is unchanged (the same freshness test as the
 * segmentation cache: this connection's total_changes() and other connections' data_version) and the
 * tiers are the same state, so the badge, the screen and paging do not rebuild it.
 */
const cache = new WeakMap<Db, { key: string; state: SegmentationState; items: TodayItem[] }>();

const fingerprint = (db: Db, asOf: string) => `${asOf}:${changeStamp(db)}`;

async function fullList(ctx: HandlerContext, asOf: string): Promise<{ state: SegmentationState; items: TodayItem[] }> {
  ensureDefaultPolicies(ctx);
  const key = fingerprint(ctx.db, asOf);
  // The tiers may have been refreshed in the background since (a full run after a write): a new state, a new list.
  const state = await segmentationInSteps(ctx, asOf);
  const cached = cache.get(ctx.db);
  if (cached?.key === key && cached.state === state) return cached;
  const tierChanges: Record<string, Map<string, TierChange>> = {};
  for (const scheme of Object.keys(VALUABLE_TIERS)) tierChanges[scheme] = latestTierChanges(ctx.db, scheme, asOf);
  const firstSaleDate = firstSaleDateBy(ctx.db, asOf);
  const items = buildToday({
    asOf,
    customers: state.customers.map((c) => ({ id: c.id, name: c.name, company: c.company, owner: c.owner, createdDate: localDateOf(new Date(c.createdAt)) })),
    classKeys: state.result.classKeys,
    lastOrderDate: state.metrics.lastOrderDate,
    lastFollowUpDate: state.metrics.lastContactDate,
    firstOrderDate: (k) => firstSaleDate(state.customers[k]!.id),
    reminders: openRemindersDueBy(ctx.db, asOf),
    policies: livePolicies(ctx.db),
    tierChanges,
    overduePayments: overduePaymentsBy(ctx.db, asOf, readSettings(ctx.db).baseCurrency),
  });
  const entry = { key: fingerprint(ctx.db, asOf), state, items };
  cache.set(ctx.db, entry);
  return entry;
}

/** Today's list, filtered and ranked; the one computation behind the screen, the badge, the CLI and reminders. */
export async function todayList(ctx: HandlerContext, query: TodayQuery): Promise<TodayList> {
  const asOf = query.asOf ?? ctx.clock.today();
  if ((query.scheme === undefined) !== (query.classKey === undefined)) throw invalidInput([{ path: [query.scheme === undefined ? 'scheme' : 'classKey'], key: 'required' }]);
  const { state, items: all } = await fullList(ctx, asOf);
  const column = query.scheme === undefined ? undefined : state.result.classKeys[query.scheme];
  if (query.scheme !== undefined && !column) throw invalidInput([{ path: ['scheme'], key: 'invalid_choice' }]);

  await predictionsSettled(ctx.db);
  const scores = ctx.purchaseLikelihood?.(asOf) ?? null;
  const rankBy = query.rankBy ?? 'priority';
  if (rankBy === 'likelihood' && scores === null) throw invalidInput([{ path: ['rankBy'], key: 'today_likelihood_unavailable' }]);
  const ranked = rankedList(all, scores, rankBy);
  const unfiltered = query.owner === undefined && column === undefined;
  const items = unfiltered
    ? ranked.items
    : ranked.items.filter((i) => (query.owner === undefined || i.owner === query.owner) && (column === undefined || column[state.indexOf.get(i.customerId)!] === query.classKey));
  const counts = unfiltered ? ranked.counts : countsOf(items);
  return { asOf, total: items.length, counts, rankBy, likelihoodAvailable: scores !== null, placedSince: state.patched.size, items };
}

interface RankedList {
  items: readonly TodayItem[];
  counts: Record<TodayKind, number>;
}

/**
 * The day's list with each item's likelihood and in the order asked for, kept per list and score map
 * (the provider hands out the same map while its run stands): at 100k customers a day holds tens of
 * thousands of items, and the badge, the screen and each page ask for the same ones.
 */
const rankedLists = new WeakMap<TodayItem[], Map<string, { scores: ReadonlyMap<string, number> | null; ranked: RankedList }>>();

function rankedList(all: TodayItem[], scores: ReadonlyMap<string, number> | null, rankBy: 'priority' | 'likelihood'): RankedList {
  let byOrder = rankedLists.get(all);
  if (!byOrder) rankedLists.set(all, (byOrder = new Map()));
  const kept = byOrder.get(rankBy);
  if (kept && kept.scores === scores) return kept.ranked;
  let items = all;
  if (scores !== null) {
    items = all.map((i) => ({ ...i, likelihood: scores.get(i.customerId) ?? null }));
    if (rankBy === 'likelihood') items.sort(byLikelihood);
  }
  const ranked = { items, counts: countsOf(items) };
  byOrder.set(rankBy, { scores, ranked });
  return ranked;
}

/** Rows per kind (each row's most urgent reason): the whole list's, or a filtered part's. */
export function countsOf(items: readonly TodayItem[]): Record<TodayKind, number> {
  const counts = Object.fromEntries(TODAY_KINDS.map((k) => [k, 0])) as Record<TodayKind, number>;
  for (const i of items) counts[i.kind] += 1;
  return counts;
}
