import type { Db } from '../../db/open';
import {
  latestRunDay,
  liveCustomSegments,
  loadSegmentCustomers,
  readConfigOverrides,
  writeSnapshot,
  type SegmentCustomer,
  type SnapshotColumns,
} from '../../db/repos/segmentation';
import { loadActivities } from '../../db/repos/customer-activity';
import { buildConfig, isLocalRule, LOCAL_SCHEME_KEYS, segmentActivity, type ConfigOverrides, type CustomerActivity, type CustomSegment, type EngineConfig, type SegmentationResult } from '../../shared/segmentation';
import { predictedValueMap } from '../prediction/predict';
import { storePredictions } from '../prediction/store';
import { changeStamp } from '../change-stamp';
import type { HandlerContext } from '../context';
import { windowMetrics, type WindowMetrics } from './window-metrics';

/**
 * The segmentation of one day, kept in memory between calls so that paging a list or opening an
 * explanation does not re-rank 100k customers.
 *
 * Freshness without hooks: a result is reused only while the database is provably unchanged — SQLite's
 * `total_changes()` (every row this connection wrote) and `PRAGMA data_version` (commits by any other
 * connection: the CLI, an import in another process) are both as they were right after the computation.
 * So every writer — orders, follow-ups, customers, imports, settings, custom segments — marks the result
 * stale with no call from its handler, and the next read recomputes ("recompute on read when stale").
 * Writes that do not affect segmentation (a contact, an FX rate) cost one needless recompute; that is the
 * price of never missing one.
 *
 * Reads never write. The snapshot (tier history) is stored by `segments:recompute` and, for today, by
 * the history and migration reads when today's stored snapshot is older than the data — so history
 * follows every change without making each list read pay for the write.
 */
export interface SegmentationState {
  asOf: string;
  config: EngineConfig;
  result: SegmentationResult;
  /** Aligned with result.customerIds. */
  customers: SegmentCustomer[];
  indexOf: Map<string, number>;
  metrics: WindowMetrics;
}

interface Cached {
  fingerprint: string;
  state: SegmentationState;
  /** This state's snapshot is in the database. */
  stored: boolean;
}

/** Per database connection; at most a few days (today and what the user looked back at). */
const caches = new WeakMap<Db, Map<string, Cached>>();
const MAX_CACHED_DAYS = 3;

export function engineConfigFor(db: Db, asOf: string): EngineConfig {
  const customSegments: CustomSegment[] = liveCustomSegments(db).map((s) => ({ id: s.id, name: s.name, rule: JSON.parse(s.rule) as CustomSegment['rule'] }));
  const overrides = readConfigOverrides(db) as Partial<ConfigOverrides>;
  return buildConfig({ ...overrides, asOf, customSegments, partition: usablePartition(overrides.partition, customSegments) });
}

/**
 * The partition as saved, unless it names a custom segment that was deleted since, or edited to read a
 * ranked scheme (which would make the partition depend on itself): then the tiers are ranked unpartitioned
 * rather than not at all. Saving such a partition is refused (segments:config:set).
 */
function usablePartition(partition: ConfigOverrides['partition'], segments: readonly CustomSegment[]): ConfigOverrides['partition'] {
  if (partition?.kind !== 'segment') return partition;
  const segment = segments.find((s) => s.id === partition.segmentId);
  return segment && isLocalRule(segment.rule, LOCAL_SCHEME_KEYS) ? partition : { kind: 'none' };
}

/** The population and each customer's activity row (one row per customer, kept by triggers), aligned. */
interface Loaded {
  customers: SegmentCustomer[];
  indexOf: Map<string, number>;
  activities: (CustomerActivity | undefined)[];
}

function loadCustomers(db: Db): Pick<Loaded, 'customers' | 'indexOf'> {
  const customers = loadSegmentCustomers(db);
  return { customers, indexOf: new Map(customers.map((c, i) => [c.id, i])) };
}

function load(db: Db): Loaded {
  const people = loadCustomers(db);
  return { ...people, activities: loadActivities(db, people.indexOf) };
}

function compute(db: Db, asOf: string): SegmentationState {
  const config = engineConfigFor(db, asOf);
  return assemble(asOf, config, load(db), predictedFor(db, config));
}

/** Basis 'predicted' (pyramid or value) ranks by each customer's predicted value over the CLV horizon in Settings, fitted on the orders up to asOf. */
function predictedFor(db: Db, config: EngineConfig): ReadonlyMap<string, number> | undefined {
  return config.pyramid.basis === 'predicted' || config.value.basis === 'predicted' ? predictedValueMap(db, config.asOf) : undefined;
}

function assemble(asOf: string, config: EngineConfig, loaded: Loaded, predicted?: ReadonlyMap<string, number>): SegmentationState {
  const { customers, indexOf, activities } = loaded;
  const result = segmentActivity(customers, activities, config, { predictedValueMinor: predicted });
  return { asOf, config, result, customers, indexOf, metrics: windowMetrics(activities, result.window) };
}

/** The steps of a recompute, in order, as reported to a progress bar. */
export const RECOMPUTE_PHASES = ['customers', 'activity', 'classes', 'history'] as const;
export type RecomputePhase = (typeof RECOMPUTE_PHASES)[number];

/** Lets other calls (a progress poll, a page of the list) run between the steps of a long recompute. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * recomputeSegmentation in steps, reporting each before it starts and giving the event loop a turn in
 * between, so the app keeps answering (and can show progress) during a recompute of 100k customers.
 */
export async function recomputeInSteps(ctx: HandlerContext, asOf: string, report: (phase: RecomputePhase) => void): Promise<{ state: SegmentationState; stored: boolean }> {
  const { db } = ctx;
  const read = await computeInSteps(db, asOf, report);
  report('history');
  await yieldTurn();
  // Something was written while the rows were being read between turns: what was read may not fit
  // together, so do it again in one go rather than store a mixture.
  if (!read) return recomputeSegmentation(ctx, asOf);
  const stored = store(ctx, read);
  remember(db, read, stored);
  // The fit gets a turn of its own, so a progress poll or a page of the list is answered before it.
  await yieldTurn();
  predictKeepingFresh(ctx, read, stored);
  return { state: read, stored };
}

/**
 * segmentationFor for the screens' reads: the cached result while nothing changed, else computed in
 * steps (so a page of the list or a progress poll can be answered in between) — without storing.
 */
export async function segmentationInSteps(ctx: HandlerContext, asOf: string): Promise<SegmentationState> {
  const cached = fresh(ctx.db, asOf);
  if (cached) return cached.state;
  // The screen asks for the overview and the members at once: both wait for the same computation.
  const running = inFlight.get(ctx.db);
  const key = `${asOf}@${changeStamp(ctx.db)}`;
  const shared = running?.key === key ? running.promise : undefined;
  if (shared) return shared;
  const promise = computeInSteps(ctx.db, asOf, () => undefined).then((read) => {
    if (!read) return segmentationFor(ctx, asOf);
    remember(ctx.db, read, false);
    return read;
  });
  inFlight.set(ctx.db, { key, promise });
  try {
    return await promise;
  } finally {
    if (inFlight.get(ctx.db)?.promise === promise) inFlight.delete(ctx.db);
  }
}

const inFlight = new WeakMap<Db, { key: string; promise: Promise<SegmentationState> }>();

/** The rows read and the engine run with a turn of the event loop between steps; null if data changed meanwhile. */
async function computeInSteps(db: Db, asOf: string, report: (phase: RecomputePhase) => void): Promise<SegmentationState | null> {
  const step = async (phase: RecomputePhase) => {
    report(phase);
    await yieldTurn();
  };
  const before = changeStamp(db);
  await step('customers');
  const config = engineConfigFor(db, asOf);
  const people = loadCustomers(db);
  await step('activity');
  const activities = loadActivities(db, people.indexOf);
  await step('classes');
  const state = assemble(asOf, config, { ...people, activities }, predictedFor(db, config));
  return changeStamp(db) === before ? state : null;
}

function remember(db: Db, state: SegmentationState, stored: boolean): void {
  let days = caches.get(db);
  if (!days) caches.set(db, (days = new Map()));
  days.delete(state.asOf);
  if (days.size >= MAX_CACHED_DAYS) days.delete(days.keys().next().value!);
  days.set(state.asOf, { fingerprint: changeStamp(db), state, stored });
}

/**
 * What this connection last stored, so the next write compares in memory instead of scanning history.
 * Trusted only while no other connection committed (data_version) and it is still the latest day.
 */
const lastStored = new WeakMap<Db, { columns: SnapshotColumns; dataVersion: number }>();

const dataVersion = (db: Db) => db.$client.pragma('data_version', { simple: true }) as number;

/** Stores asOf's snapshot unless a later day is already stored (history is written forward only). */
function store(ctx: HandlerContext, state: SegmentationState): boolean {
  const { db } = ctx;
  const columns: SnapshotColumns = { asOf: state.asOf, customerIds: state.result.customerIds, classKeys: state.result.classKeys };
  const stored = db.transaction(() => {
    const latest = latestRunDay(db);
    if (latest !== null && state.asOf < latest) return false;
    const last = lastStored.get(db);
    const previous = last && last.dataVersion === dataVersion(db) && last.columns.asOf === latest ? last.columns : undefined;
    writeSnapshot(db, ctx.clock.now().toISOString(), columns, previous);
    return true;
  });
  if (stored) lastStored.set(db, { columns, dataVersion: dataVersion(db) });
  return stored;
}

/** Each stored recompute also refits purchase likelihood and value on the orders up to its day. */
function predictIfStored(ctx: HandlerContext, asOf: string, stored: boolean): void {
  if (stored) storePredictions(ctx.db, asOf, ctx.clock.now().toISOString());
}

/**
 * predictIfStored, then the remembered state stays fresh: the predictions are derived from the same
 * orders (the segmentation never reads them back), so their own writes must not mark it stale — else
 * every read that stores today's snapshot (a migration to today) would find it stale and recompute
 * everything again, each time. A write by anyone else in between still does.
 */
function predictKeepingFresh(ctx: HandlerContext, state: SegmentationState, stored: boolean): void {
  const before = changeStamp(ctx.db);
  predictIfStored(ctx, state.asOf, stored);
  const cached = caches.get(ctx.db)?.get(state.asOf);
  if (cached?.state === state && cached.fingerprint === before) cached.fingerprint = changeStamp(ctx.db);
}

function fresh(db: Db, asOf: string): Cached | undefined {
  const cached = caches.get(db)?.get(asOf);
  return cached && cached.fingerprint === changeStamp(db) ? cached : undefined;
}

/** The segmentation for asOf: the cached one while nothing changed, else recomputed now. */
export function segmentationFor(ctx: HandlerContext, asOf: string): SegmentationState {
  const cached = fresh(ctx.db, asOf);
  if (cached) return cached.state;
  const state = compute(ctx.db, asOf);
  remember(ctx.db, state, false);
  return state;
}

/** Always recomputes and stores asOf's snapshot; false when a later day is stored already. */
export function recomputeSegmentation(ctx: HandlerContext, asOf: string): { state: SegmentationState; stored: boolean } {
  const state = compute(ctx.db, asOf);
  const stored = store(ctx, state);
  remember(ctx.db, state, stored);
  predictKeepingFresh(ctx, state, stored);
  return { state, stored };
}

/** Brings today's stored snapshot up to date with the data, if it is not already. */
export function storeTodayIfStale(ctx: HandlerContext): void {
  const today = ctx.clock.today();
  const cached = fresh(ctx.db, today);
  if (cached?.stored) return;
  const state = cached?.state ?? compute(ctx.db, today);
  const stored = store(ctx, state);
  remember(ctx.db, state, stored);
  predictKeepingFresh(ctx, state, stored);
}

/**
 * Stores the snapshots of several past days, oldest first, reading the customers and their activity rows
 * once for all of them (the engine takes the day from its config and ignores what came after it). No
 * prediction refit per day: that belongs to the day the business runs the app. Days on or before the
 * latest stored one are skipped, as history is written forward only. Returns the days stored.
 */
export function storePastSnapshots(ctx: HandlerContext, days: readonly string[]): string[] {
  const { db } = ctx;
  const latest = latestRunDay(db);
  const pending = [...days].sort().filter((day) => latest === null || day > latest);
  if (pending.length === 0) return [];
  const loaded = load(db);
  return pending.filter((day) => {
    const config = engineConfigFor(db, day);
    return store(ctx, assemble(day, config, loaded, predictedFor(db, config)));
  });
}
