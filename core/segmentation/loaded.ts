import type { Db } from '../../db/open';
import { activitiesInSlices, activityRowsSince, hasActivityUpTo, latestActivityRev, parseActivity, type ActivityRow } from '../../db/repos/customer-activity';
import { segmentCustomerReader, segmentPopulationInSlices, type SegmentCustomer } from '../../db/repos/segmentation';
import { inStretches, runSteps, type Steps } from '../../shared/domain/steps';
import { released, writable, type Lineage } from './lineage';
import { ActivityColumnsBuilder, relaidInSteps, type ActivityColumns, type ActivityTable, type HeldActivity } from '../../shared/segmentation';
import { compareBinary } from '../../shared/domain/binary-order';

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

/** loadCustomers a slice at a time (db/repos/segmentation.ts segmentPopulationInSlices). */
export function customersInSlices(db: Db): Steps<Pick<Loaded, 'customers' | 'indexOf'>> {
  return segmentPopulationInSlices(db);
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

/** A row changed since `loaded` was read: where its customer was, and who they are now (undefined: out of the population). */
interface ChangedRow {
  row: ActivityRow;
  index: number | undefined;
  customer: SegmentCustomer | undefined;
}

/**
 * The rows changed since `loaded` was read, each with its customer as now; null when too many to follow, or when
 * not one row is as it was read while customers were: a restore (core/backup/restore.ts lifts every restored row's
 * rev), perhaps by another process. Followed, the restored rows would sit on cuts from other data, and a customer
 * the backup does not have would stay, as no row says they left.
 */
function changedRows(db: Db, loaded: Loaded): ChangedRow[] | null {
  if (loaded.customers.length > 0 && !hasActivityUpTo(db, loaded.rev)) return null;
  const rows = activityRowsSince(db, loaded.rev, FOLLOW_LIMIT + 1);
  if (rows.length > FOLLOW_LIMIT) return null;
  const customerOf = segmentCustomerReader(db);
  return rows.map((row) => ({ row, index: loaded.indexOf.get(row.customerId), customer: customerOf(row.customerId) }));
}

/** A customer joined (added, restored, unarchived) or left (archived, deleted). */
const movesPopulation = (c: ChangedRow) => (c.index === undefined) !== (c.customer === undefined);

/**
 * `loaded` brought up to date (in a copy, or in its lineage's own copy: lineage.ts), with the list of what
 * changed — or null when the population itself changed (a customer added, archived, deleted or restored:
 * followPopulationInSteps lays it out again) or too much changed to follow: then a full read is right.
 */
export function followChanges(db: Db, loaded: Loaded, lineage?: Lineage): { loaded: Loaded; changes: LoadedChange[] } | null {
  const rows = changedRows(db, loaded);
  if (!rows || rows.some(movesPopulation)) return null;
  return placed(loaded, rows, lineage);
}

function placed(loaded: Loaded, rows: readonly ChangedRow[], lineage?: Lineage): { loaded: Loaded; changes: LoadedChange[] } {
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
  for (const { row, index, customer } of rows) {
    if (index === undefined || customer === undefined) continue;
    customers[index] = customer;
    const activity = activityOfRow(row);
    changed.set(index, activity);
    changes.push({ index, customer, activity });
  }
  return { loaded: { customers, indexOf: loaded.indexOf, activities: { base: loaded.activities.base, changed }, rev: rows.at(-1)!.row.rev }, changes };
}

/** Customers gone over per step when the population changed (their columns are copied by volume: relaidInSteps). */
const RELAID_PER_STEP = 25_000;

/**
 * `loaded` brought up to date for a new run, following a changed population too: the customers who joined
 * are read, those who left dropped, and everyone's columns laid out again in id order (relaidInSteps) — what
 * a full read gives, without reading 100k customers and their histories again. Null when too much changed.
 */
export function* followPopulationInSteps(db: Db, loaded: Loaded): Steps<Loaded | null> {
  const rows = changedRows(db, loaded);
  if (!rows) return null;
  if (!rows.some(movesPopulation)) return placed(loaded, rows).loaded;
  // Who changed, by old position; who joined, in id order as SQLite sorts (compareBinary).
  const now = new Map<number, ChangedRow>();
  const joined: ChangedRow[] = [];
  for (const c of rows) {
    if (c.index !== undefined) now.set(c.index, c);
    else if (c.customer !== undefined) joined.push(c);
  }
  joined.sort((a, b) => compareBinary(a.row.customerId, b.row.customerId));
  const customers: SegmentCustomer[] = [];
  const sources: HeldActivity[] = [];
  const take = (c: ChangedRow) => {
    customers.push(c.customer!);
    sources.push(activityOfRow(c.row));
  };
  let j = 0;
  yield* inStretches(loaded.customers.length, RELAID_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const id = loaded.customers[i]!.id;
      for (; j < joined.length && compareBinary(joined[j]!.row.customerId, id) < 0; j++) take(joined[j]!);
      const change = now.get(i);
      if (change === undefined) {
        customers.push(loaded.customers[i]!);
        sources.push(i);
      } else if (change.customer !== undefined) take(change);
    }
  });
  for (; j < joined.length; j++) take(joined[j]!);
  yield;
  const indexOf = new Map<string, number>();
  yield* inStretches(customers.length, RELAID_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) indexOf.set(customers[i]!.id, i);
  });
  yield;
  const activities = yield* relaidInSteps(loaded.activities, sources, RELAID_PER_STEP);
  return { customers, indexOf, activities, rev: rows.at(-1)!.row.rev };
}
