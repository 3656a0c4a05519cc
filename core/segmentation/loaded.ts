import type { Db } from '../../db/open';
import { activitiesInSlices, activityRowsSince, latestActivityRev, parseActivity, type ActivityRow } from '../../db/repos/customer-activity';
import { loadSegmentCustomer, segmentCustomersInSlices, type SegmentCustomer } from '../../db/repos/segmentation';
import { runSteps, type Steps } from '../../shared/domain/steps';
import { released, writable, type Lineage } from './lineage';
import { ActivityColumnsBuilder, type ActivityColumns, type ActivityTable } from '../../shared/segmentation';

/**
 * What a recompute reads: the population (live, unarchived customers by id) and each one's activity row,
 * aligned. Neither depends on the day, so one read serves every day's run; `rev` says up to which
 * customer_activity rev it is current, so bringing it up to date reads only the rows changed since.
 */
export interface Loaded {
  customers: SegmentCustomer[];
  indexOf: Map<string, number>;
  activities: ActivityTable;
  rev: number;
}

export function loadCustomers(db: Db): Pick<Loaded, 'customers' | 'indexOf'> {
  return runSteps(customersInSlices(db));
}

/** Call inside one read (or with nothing written between the two reads): the rev must match the rows. */
export function loadAll(db: Db, people = loadCustomers(db)): Loaded {
  return runSteps(loadAllInSlices(db, people));
}

/** loadCustomers a slice at a time (db/repos/segmentation.ts segmentCustomersInSlices). */
export function* customersInSlices(db: Db): Steps<Pick<Loaded, 'customers' | 'indexOf'>> {
  const customers = yield* segmentCustomersInSlices(db);
  return { customers, indexOf: new Map(customers.map((c, i) => [c.id, i])) };
}

/**
 * loadAll a slice at a time. The rev is read first: rows written while the slices are read are newer
 * than it, and following the changes since it reads them again. A caller that lets others write in
 * between must still check that nothing did before it keeps the result (state.ts computeInSteps).
 */
export function* loadAllInSlices(db: Db, people: Pick<Loaded, 'customers' | 'indexOf'>): Steps<Loaded> {
  const rev = latestActivityRev(db);
  const activities = yield* activitiesInSlices(db, people.indexOf);
  return { ...people, activities, rev };
}

/** A customer with no orders and no follow-ups, as columns of one. */
const NO_ACTIVITY: ActivityColumns = (() => {
  const builder = new ActivityColumnsBuilder();
  builder.addNothing();
  return builder.build();
})();

export const activityOfRow = (row: ActivityRow): ActivityColumns =>
  row.orders === '[]' && row.followUps === '[]' ? NO_ACTIVITY : parseActivity(row.orders, row.followUps);

/** More changed rows than this and reading everything again is as quick as following them one by one. */
export const FOLLOW_LIMIT = 500;

/** The customers whose rows changed since `loaded` was read, each with their current state. */
export interface LoadedChange {
  index: number;
  customer: SegmentCustomer;
  activity: ActivityColumns;
}

/**
 * `loaded` brought up to date (in a copy, or in its lineage's own copy: lineage.ts), with the list of what
 * changed — or null when the population itself changed (a customer added, archived, deleted or restored)
 * or too much changed to follow: then only a full read is right.
 */
export function followChanges(db: Db, loaded: Loaded, lineage?: Lineage): { loaded: Loaded; changes: LoadedChange[] } | null {
  const rows = activityRowsSince(db, loaded.rev, FOLLOW_LIMIT + 1);
  if (rows.length > FOLLOW_LIMIT) return null;
  if (rows.length === 0) {
    if (lineage) return { loaded, changes: [] };
    // For a new run: what a lineage writes in place must not become another state's (lineage.ts).
    const customers = released(loaded.customers, (all) => all.slice());
    const changed = released(loaded.activities.changed, (map) => new Map(map));
    return { loaded: { ...loaded, customers, activities: { base: loaded.activities.base, changed } }, changes: [] };
  }
  // Copied once per full run when a state's lineage follows (lineage.ts); a copy each time otherwise.
  const customers = writable(loaded.customers, lineage, (all) => all.slice());
  // Everyone's columns stay as read; the changed customers are kept beside them (ActivityTable).
  const changed = writable(loaded.activities.changed, lineage, (map) => new Map(map));
  const changes: LoadedChange[] = [];
  for (const row of rows) {
    const index = loaded.indexOf.get(row.customerId);
    const customer = loadSegmentCustomer(db, row.customerId);
    if ((index === undefined) !== (customer === undefined)) return null;
    if (index === undefined || customer === undefined) continue;
    customers[index] = customer;
    const activity = activityOfRow(row);
    changed.set(index, activity);
    changes.push({ index, customer, activity });
  }
  return { loaded: { customers, indexOf: loaded.indexOf, activities: { base: loaded.activities.base, changed }, rev: rows.at(-1)!.rev }, changes };
}
