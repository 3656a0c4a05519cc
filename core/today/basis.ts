import type { Db } from '../../db/open';
import type { SegmentCustomer } from '../../db/repos/segmentation';
import { livePolicies } from '../../db/repos/service-policies';
import { readSettings } from '../../db/repos/settings';
import { customersChangedSince, latestTierChangesInSteps, latestTodayChangeRev, tierHistoryStamp } from '../../db/repos/today';
import { AT_RISK_CLASSES, VALUABLE_TIERS } from '../../shared/today/build';
import type { TierChange, TodayPolicy } from '../../shared/today/types';
import type { SegmentationState } from '../segmentation/state';
import type { Steps } from '../../shared/domain/steps';

/**
 * What a kept Today list was made from, so that the next list after a write makes again only the rows of the
 * customers whose inputs differ (core/today/list.ts). At 100k customers a day's list holds some 43,000 rows, and
 * making all of them again after each follow-up or order took 0.4–0.8 s of a screen's wait.
 *
 * Who differs is told three ways, any one enough: the customer_activity and today_changes revs since the list
 * (every order, follow-up, customer edit, reminder and payment, by any connection, are kept by triggers); each
 * customer's object and their classes and last dates in the tiers' state, compared one by one with copies taken
 * then (a full run in the background can move classes with no write at all); and what stands for the whole list —
 * the service policies, the base currency, the stored tier history before the day — compared whole, any change of
 * which makes the list again from scratch. A population laid out again is matched by id.
 */
export interface ListBasis {
  activityRev: number;
  todayRev: number;
  /** Policies and base currency (everyOneStamp). */
  everyOne: string;
  policies: readonly TodayPolicy[];
  baseCurrency: string;
  historyStamp: string;
  tierChanges: Record<string, ReadonlyMap<string, TierChange>>;
  /**
   * Copies, owned by the basis: a lineage of tier states writes its columns in place (core/segmentation/lineage.ts).
   * A list made from this one takes them over, changed where its customers were remade (remadeBasis).
   */
  customers: SegmentCustomer[];
  /** The classes of the schemes the list reads (schemesRead). */
  classKeys: Record<string, string[]>;
  lastOrderDate: (string | null)[];
  lastContactDate: (string | null)[];
}

/** More customers changed than this and the whole list is made again (a bulk import, a merge of many). */
export const FOLLOW_LIMIT = 2_000;

/** The policies and base currency, and a stamp of them that changes when any does. */
export function everyOneInputs(db: Db): { policies: TodayPolicy[]; baseCurrency: string; stamp: string } {
  const policies = livePolicies(db).map(({ scheme, classKey, cadenceDays, priority }) => ({ scheme, classKey, cadenceDays, priority }));
  const baseCurrency = readSettings(db).baseCurrency;
  return { policies, baseCurrency, stamp: JSON.stringify([baseCurrency, policies]) };
}

/**
 * The schemes whose classes the list reads: those of the policies, of the valuable tiers and of the at-risk classes
 * (shared/today/build.ts). A change of class in another scheme changes no row.
 */
function schemesRead(state: SegmentationState, policies: readonly TodayPolicy[]): string[] {
  const read = new Set([...policies.map((p) => p.scheme), ...Object.keys(VALUABLE_TIERS), ...Object.keys(AT_RISK_CLASSES)]);
  return [...read].filter((scheme) => state.result.classKeys[scheme] !== undefined).sort();
}

/**
 * The basis of a list made now from `state`. The revs are the state's (what its classes and dates have seen) and
 * today_changes' as read before the reminders and payments are: a write after either is newer and is made again.
 * The tier history is read a page per step (latestTierChangesInSteps), its stamp taken first: a snapshot stored
 * between the pages moves it, and the next call makes the list again from a basis read anew.
 */
export function* basisInSteps(db: Db, state: SegmentationState, asOf: string): Steps<ListBasis> {
  const historyStamp = tierHistoryStamp(db, asOf);
  const tierChanges = yield* tierChangesBeforeInSteps(db, asOf);
  const everyOne = everyOneInputs(db);
  const classKeys: Record<string, string[]> = {};
  for (const scheme of schemesRead(state, everyOne.policies)) classKeys[scheme] = state.result.classKeys[scheme]!.slice();
  return {
    activityRev: state.loaded.rev,
    todayRev: latestTodayChangeRev(db),
    everyOne: everyOne.stamp,
    policies: everyOne.policies,
    baseCurrency: everyOne.baseCurrency,
    historyStamp,
    tierChanges,
    customers: state.customers.slice(),
    classKeys,
    lastOrderDate: state.metrics.lastOrderDate.slice(),
    lastContactDate: state.metrics.lastContactDate.slice(),
  };
}

function* tierChangesBeforeInSteps(db: Db, asOf: string): Steps<Record<string, ReadonlyMap<string, TierChange>>> {
  const changes: Record<string, ReadonlyMap<string, TierChange>> = {};
  for (const scheme of Object.keys(VALUABLE_TIERS)) {
    changes[scheme] = yield* latestTierChangesInSteps(db, scheme, asOf);
    yield;
  }
  return changes;
}

/** Who the list made from a basis makes again, and who leaves it. */
export interface Remake {
  /** Indexes in the state's customers of those whose rows are made again (newcomers among them). */
  customers: Set<number>;
  /** Customers no longer classified (archived, deleted, merged away): their rows leave the list. */
  gone: Set<string>;
  /**
   * Where each of the state's customers was in the basis (-1: a newcomer), when the population changed and was laid
   * out again; undefined when it is the same, in the same order.
   */
  before?: Int32Array;
}

/**
 * Who may have rows that differ from the list made on `basis`; null when the whole list must be made again: what
 * stands for everyone changed, or more than FOLLOW_LIMIT customers changed, came or went. A population laid out
 * again (a customer added, archived, deleted or restored) is matched by id.
 */
export function customersToRemake(db: Db, basis: ListBasis, state: SegmentationState, asOf: string): Remake | null {
  if (everyOneInputs(db).stamp !== basis.everyOne || tierHistoryStamp(db, asOf) !== basis.historyStamp) return null;
  const schemes = schemesRead(state, basis.policies);
  if (schemes.join() !== Object.keys(basis.classKeys).join()) return null;
  const n = state.customers.length;
  const before = sameLayout(basis, state) ? undefined : placesBefore(basis, state);
  const gone = new Set<string>();
  if (before) for (const c of basis.customers) if (!state.indexOf.has(c.id)) gone.add(c.id);
  if (gone.size > FOLLOW_LIMIT) return null;
  const changed = new Set<number>();
  const { lastOrderDate, lastContactDate } = state.metrics;
  for (let k = 0; k < n; k++) {
    const then = before ? before[k]! : k;
    if (then < 0 || state.customers[k] !== basis.customers[then]) changed.add(k);
    else if (lastOrderDate[k] !== basis.lastOrderDate[then] || lastContactDate[k] !== basis.lastContactDate[then]) changed.add(k);
  }
  for (const scheme of schemes) {
    const now = state.result.classKeys[scheme]!;
    const was = basis.classKeys[scheme]!;
    for (let k = 0; k < n; k++) {
      const then = before ? before[k]! : k;
      if (then >= 0 && now[k] !== was[then]) changed.add(k);
    }
  }
  const written = customersChangedSince(db, { activity: basis.activityRev, today: basis.todayRev }, FOLLOW_LIMIT);
  if (written.length > FOLLOW_LIMIT) return null;
  for (const id of written) {
    const k = state.indexOf.get(id);
    if (k !== undefined) changed.add(k);
  }
  return changed.size + gone.size > FOLLOW_LIMIT ? null : { customers: changed, gone, before };
}

/** The same customers in the same places (each may be a new object: an edit). */
function sameLayout(basis: ListBasis, state: SegmentationState): boolean {
  const n = state.customers.length;
  if (n !== basis.customers.length) return false;
  for (let k = 0; k < n; k++) if (state.customers[k]!.id !== basis.customers[k]!.id) return false;
  return true;
}

function placesBefore(basis: ListBasis, state: SegmentationState): Int32Array {
  const at = new Map<string, number>();
  basis.customers.forEach((c, k) => at.set(c.id, k));
  const before = new Int32Array(state.customers.length);
  state.customers.forEach((c, k) => (before[k] = at.get(c.id) ?? -1));
  return before;
}

/**
 * `basis` taken over by the list made from it, as customersToRemake left it: its copies written where the remade
 * customers are — everywhere else they equal the state already — or, for a population laid out again, copied anew in
 * the new order; its revs moved on. `basis` is not to be used again.
 */
export function remadeBasis(db: Db, basis: ListBasis, state: SegmentationState, remake: Remake): ListBasis {
  const revs = { activityRev: state.loaded.rev, todayRev: latestTodayChangeRev(db) };
  if (remake.before) {
    const classKeys: Record<string, string[]> = {};
    for (const scheme of Object.keys(basis.classKeys)) classKeys[scheme] = state.result.classKeys[scheme]!.slice();
    return {
      ...basis,
      ...revs,
      customers: state.customers.slice(),
      classKeys,
      lastOrderDate: state.metrics.lastOrderDate.slice(),
      lastContactDate: state.metrics.lastContactDate.slice(),
    };
  }
  for (const k of remake.customers) {
    basis.customers[k] = state.customers[k]!;
    for (const [scheme, column] of Object.entries(basis.classKeys)) column[k] = state.result.classKeys[scheme]![k]!;
    basis.lastOrderDate[k] = state.metrics.lastOrderDate[k]!;
    basis.lastContactDate[k] = state.metrics.lastContactDate[k]!;
  }
  return { ...basis, ...revs };
}
