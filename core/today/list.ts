import { predictionsSettled } from '../prediction/refit';
import type { Db } from '../../db/open';
import { firstSaleDateBy, openRemindersDueByInSteps, openRemindersDueByOf, overduePaymentsBy, overduePaymentsByOf } from '../../db/repos/today';
import { invalidInput } from '../../shared/contract';
import { localDateOf } from '../../shared/domain/dates';
import { buildToday, buildTodayInSteps, mergeByPriority, rankByLikelihood } from '../../shared/today/build';
import { inTimedStretches, runSteps, runStepsBetween, type Steps } from '../../shared/domain/steps';
import { nextTurn } from '../next-turn';
import { TODAY_KINDS, type TodayItem, type TodayKind } from '../../shared/today/types';
import { changeStamp } from '../change-stamp';
import type { HandlerContext } from '../context';
import { ensureDefaultPolicies } from '../segmentation/policies';
import { segmentationInSteps, type SegmentationState } from '../segmentation/state';
import type { SegmentCustomer } from '../../db/repos/segmentation';
import type { TodayCustomer, TodayInput } from '../../shared/today/types';
import type { CustomerTimeZone } from '../../shared/domain/customer-time-zone-types';
import { timeZonesOf } from '../customer-time-zones';
import { basisInSteps, customersToRemake, remadeBasis, type ListBasis } from './basis';

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
  /**
   * The whole filtered list in order, shared with later calls: callers page it, never change it. Its rows' own
   * `likelihood` is null: the rows shown take theirs from likelihoodOf.
   */
  items: readonly TodayItem[];
  /** A customer's purchase likelihood as the list was ranked by (null: none scored, or scores unavailable). */
  likelihoodOf: (customerId: string) => number | null;
  /** Every row's customer's time zone (null: none known), worked out once per list on first ask. */
  zones: () => Promise<ReadonlyMap<string, CustomerTimeZone | null>>;
}

/**
 * The whole list for one day, kept while the database is unchanged (the same freshness test as the
 * segmentation cache: this connection's total_changes() and other connections' data_version) and the
 * tiers are the same state, so the badge, the screen and paging do not rebuild it. After a write, the next
 * list is the kept one with the rows of the customers whose inputs changed made again (basis.ts).
 */
const cache = new WeakMap<Db, ListEntry>();

interface ListEntry {
  key: string;
  asOf: string;
  state: SegmentationState;
  items: TodayItem[];
  basis: ListBasis;
  zones?: Promise<ReadonlyMap<string, CustomerTimeZone | null>>;
  /** When this list was made from another whose zones were found: that one's zones, and whose rows were made again. */
  carried?: { zones: Map<string, CustomerTimeZone | null>; remade: ReadonlySet<string> };
  /** The zones once found, for a list made from this one to carry. */
  found?: Map<string, CustomerTimeZone | null>;
}

/**
 * Each customer as the list names them, kept per customer object (a customer whose data changed comes back from the
 * tiers as a new object): made again for all 100k at every full list, they were a tenth of its time.
 */
const todayCustomers = new WeakMap<SegmentCustomer, TodayCustomer>();

function todayCustomerOf(c: SegmentCustomer): TodayCustomer {
  let made = todayCustomers.get(c);
  if (!made) todayCustomers.set(c, (made = new ListedCustomer(c.id, c.name, c.company, c.owner, c.createdAt)));
  return made;
}

/**
 * A customer as the list names them. The local day they were typed in is worked out when a reason reads it (a
 * customer without a contact or an order yet), not for every customer: a local date of each of 100k instants was
 * 50-150 ms of a new day's first list.
 */
class ListedCustomer implements TodayCustomer {
  private day: string | undefined;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly company: string | null,
    readonly owner: string | null,
    private readonly createdAt: string,
  ) {}

  get createdDate(): string {
    return (this.day ??= localDateOf(new Date(this.createdAt)));
  }
}

/**
 * The time zones of the list's customers, from the places the tiers hold for them (the same customers' rows: a
 * change of place reaches them as any change does), each place looked up once. A list made from another takes over
 * that one's zones and finds only its remade customers' (and any it has not met): the map is the lists' in turn, and
 * a customer no longer on the list keeps an entry no one reads. A failed lookup is not kept.
 */
function zonesOfEntry(entry: ListEntry): Promise<ReadonlyMap<string, CustomerTimeZone | null>> {
  if (!entry.zones) {
    const zones = foundZones(entry);
    entry.zones = zones;
    zones.catch(() => {
      if (entry.zones === zones) entry.zones = undefined;
    });
  }
  return entry.zones;
}

/** Rows whose zones are found per turn: a whole day's 43,000 took 40–90 ms. */
const ZONES_PER_TURN = 5_000;

async function foundZones(entry: ListEntry): Promise<Map<string, CustomerTimeZone | null>> {
  const { state, items, carried } = entry;
  const ids = carried ? items.map((i) => i.customerId).filter((id) => carried.remade.has(id) || !carried.zones.has(id)) : items.map((i) => i.customerId);
  const all = carried?.zones ?? new Map<string, CustomerTimeZone | null>();
  for (let from = 0; from < ids.length; from += ZONES_PER_TURN) {
    if (from > 0) await nextTurn();
    const some = ids.slice(from, from + ZONES_PER_TURN);
    const found = await timeZonesOf(
      some.map((id) => {
        const c = state.customers[state.indexOf.get(id)!]!;
        return { country: c.country, region: c.region, city: c.city };
      }),
    );
    some.forEach((id, n) => all.set(id, found[n]!));
  }
  entry.found = all;
  return all;
}

const fingerprint = (db: Db, asOf: string) => `${asOf}:${changeStamp(db)}`;

async function fullList(ctx: HandlerContext, asOf: string): Promise<ListEntry> {
  ensureDefaultPolicies(ctx);
  const key = fingerprint(ctx.db, asOf);
  // The tiers may have been refreshed in the background since (a full run after a write): a new state, a new list.
  const state = await segmentationInSteps(ctx, asOf);
  const cached = cache.get(ctx.db);
  if (cached?.key === key && cached.state === state) return cached;
  const entry = (cached?.asOf === asOf ? followedList(ctx.db, cached, state) : undefined) ?? (await madeListBetweenTurns(ctx.db, state, asOf));
  cache.set(ctx.db, entry);
  return entry;
}

/** A whole list being made, a step per turn: the badge and the screen asking at once wait for the same one. */
const making = new WeakMap<Db, { state: SegmentationState; asOf: string; entry: Promise<ListEntry> }>();

function madeListBetweenTurns(db: Db, state: SegmentationState, asOf: string): Promise<ListEntry> {
  const running = making.get(db);
  if (running?.state === state && running.asOf === asOf) return running.entry;
  const entry = runStepsBetween(madeListInSteps(db, state, asOf), nextTurn);
  making.set(db, { state, asOf, entry });
  const done = () => {
    if (making.get(db)?.entry === entry) making.delete(db);
  };
  entry.then(done, done);
  return entry;
}

/** Customers given the list's view of them per step. */
const CUSTOMERS_PER_STEP = 25_000;

/**
 * The list made whole from `state`, a step at a time (at 100k customers it took 0.4–0.9 s in one turn, which the
 * screens' other calls waited through). Its key is the database's as the making began: a write meanwhile is
 * followed by the next call (its revs are newer than the basis's), never taken as seen.
 */
function* madeListInSteps(db: Db, state: SegmentationState, asOf: string): Steps<ListEntry> {
  const key = fingerprint(db, asOf);
  const customers = new Array<TodayCustomer>(state.customers.length);
  yield* inTimedStretches(customers.length, CUSTOMERS_PER_STEP, (from, to) => {
    for (let k = from; k < to; k++) customers[k] = todayCustomerOf(state.customers[k]!);
  });
  yield;
  const basis = yield* basisInSteps(db, state, asOf);
  yield;
  const reminders = yield* openRemindersDueByInSteps(db, asOf);
  yield;
  const overduePayments = overduePaymentsBy(db, asOf, basis.baseCurrency);
  yield;
  const items = yield* buildTodayInSteps(todayInput(db, state, basis, customers, { asOf, reminders, overduePayments }));
  return { key, asOf, state, items, basis };
}

/** What buildToday is given: the tiers' state and the basis, with the day's reminders and overdue money read for it. */
function todayInput(
  db: Db,
  state: SegmentationState,
  basis: ListBasis,
  customers: readonly TodayCustomer[],
  read: Pick<TodayInput, 'asOf' | 'reminders' | 'overduePayments'>,
): TodayInput {
  const firstSaleDate = firstSaleDateBy(db, read.asOf);
  return {
    ...read,
    customers,
    indexOf: state.indexOf,
    classKeys: state.result.classKeys,
    lastOrderDate: state.metrics.lastOrderDate,
    lastFollowUpDate: state.metrics.lastContactDate,
    firstOrderDate: (k) => firstSaleDate(state.customers[k]!.id),
    policies: basis.policies,
    tierChanges: basis.tierChanges,
  };
}

/**
 * `kept`'s list brought up to `state` and the database as they are now, its rows of the customers whose inputs
 * changed made again and put in their places; undefined when the whole list must be made again (basis.ts).
 */
function followedList(db: Db, kept: ListEntry, state: SegmentationState): ListEntry | undefined {
  const { asOf } = kept;
  const remake = customersToRemake(db, kept.basis, state, asOf);
  if (!remake) return undefined;
  // Read before the remade customers' reminders and payments are: a write after it is followed next time.
  const basis = remadeBasis(db, kept.basis, state, remake);
  if (remake.customers.size === 0 && remake.gone.size === 0) return { ...kept, key: fingerprint(db, asOf), state, basis };
  const ids = [...remake.customers].map((k) => state.customers[k]!.id);
  // Only the remade customers are read (buildToday's `include`): the others' places stay empty.
  const customers = new Array<TodayCustomer>(state.customers.length);
  for (const k of remake.customers) customers[k] = todayCustomerOf(state.customers[k]!);
  const read = { asOf, reminders: openRemindersDueByOf(db, asOf, ids), overduePayments: overduePaymentsByOf(db, asOf, basis.baseCurrency, ids) };
  const made = buildToday(todayInput(db, state, basis, customers, read), (k) => remake.customers.has(k));
  const remade = new Set(ids);
  const items = mergeByPriority(
    kept.items.filter((i) => !remade.has(i.customerId) && !remake.gone.has(i.customerId)),
    made,
  );
  return { key: fingerprint(db, asOf), asOf, state, items, basis, carried: kept.found && { zones: kept.found, remade } };
}

/**
 * The list kept for `db` beside the same list made whole from the same tiers' state and database, each with its
 * rows' zones: what a list made from another after writes must equal (test/integration/today-followed.test.ts).
 */
export async function keptListBesideWhole(db: Db): Promise<{ kept: ListCheck; whole: ListCheck } | undefined> {
  const kept = cache.get(db);
  if (!kept) return undefined;
  const whole = runSteps(madeListInSteps(db, kept.state, kept.asOf));
  const check = async (entry: ListEntry): Promise<ListCheck> => {
    const zones = await zonesOfEntry(entry);
    return { items: entry.items, zones: entry.items.map((i) => zones.get(i.customerId) ?? null) };
  };
  return { kept: await check(kept), whole: await check(whole) };
}

interface ListCheck {
  items: readonly TodayItem[];
  zones: (CustomerTimeZone | null)[];
}

/** Today's list, filtered and ranked; the one computation behind the screen, the badge, the CLI and reminders. */
export async function todayList(ctx: HandlerContext, query: TodayQuery): Promise<TodayList> {
  const asOf = query.asOf ?? ctx.clock.today();
  if ((query.scheme === undefined) !== (query.classKey === undefined)) throw invalidInput([{ path: [query.scheme === undefined ? 'scheme' : 'classKey'], key: 'required' }]);
  const entry = await fullList(ctx, asOf);
  const { state, items: all } = entry;
  const column = query.scheme === undefined ? undefined : state.result.classKeys[query.scheme];
  if (query.scheme !== undefined && !column) throw invalidInput([{ path: ['scheme'], key: 'invalid_choice' }]);

  await predictionsSettled(ctx.db);
  // The list may have just been made, and the scores and their ranking may be new: each gets a turn of its own.
  await nextTurn();
  const scores = (await ctx.purchaseLikelihood?.(asOf)) ?? null;
  const rankBy = query.rankBy ?? 'priority';
  if (rankBy === 'likelihood' && scores === null) throw invalidInput([{ path: ['rankBy'], key: 'today_likelihood_unavailable' }]);
  await nextTurn();
  const ranked = rankedList(all, scores, rankBy);
  const unfiltered = query.owner === undefined && column === undefined;
  const items = unfiltered
    ? ranked.items
    : ranked.items.filter((i) => (query.owner === undefined || i.owner === query.owner) && (column === undefined || column[state.indexOf.get(i.customerId)!] === query.classKey));
  const counts = unfiltered ? ranked.counts : countsOf(items);
  const likelihoodOf = (customerId: string) => scores?.get(customerId) ?? null;
  return { asOf, total: items.length, counts, rankBy, likelihoodAvailable: scores !== null, placedSince: state.patched.size, items, likelihoodOf, zones: () => zonesOfEntry(entry) };
}

interface RankedList {
  items: readonly TodayItem[];
  counts: Record<TodayKind, number>;
}

/**
 * The day's list in the order asked for, kept per list and score map (the provider hands out the same map while
 * its run stands): at 100k customers a day holds tens of thousands of items, and the badge, the screen and each
 * page ask for the same ones. The rows are not copied with their likelihood (giving each of 43,000 rows a copy
 * held the app 40–60 ms in one turn after every new list): only the page shown needs it.
 */
const rankedLists = new WeakMap<TodayItem[], Map<string, { scores: ReadonlyMap<string, number> | null; ranked: RankedList }>>();

function rankedList(all: TodayItem[], scores: ReadonlyMap<string, number> | null, rankBy: 'priority' | 'likelihood'): RankedList {
  let byOrder = rankedLists.get(all);
  if (!byOrder) rankedLists.set(all, (byOrder = new Map()));
  const kept = byOrder.get(rankBy);
  if (kept && kept.scores === scores) return kept.ranked;
  const items = scores !== null && rankBy === 'likelihood' ? rankByLikelihood(all, (i) => scores.get(i.customerId) ?? null) : all;
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
