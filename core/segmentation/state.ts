import { nextTurn } from '../next-turn';
import { checkpointFollows, planRowsAheadInSteps, rowsAheadInSteps, schemesWithoutHistory, withdrawRowsAhead, type RowsAheadPlan } from '../../db/repos/segment-rows-ahead';
import { checkpointHeld, holdCheckpoints } from '../../db/wal-checkpoint-steps';
import { decodedInSteps, samePeople } from '../../db/repos/snapshot-columns';
import { newId } from '../ids';
import { keepClassSpellings } from '../../db/repos/class-spellings';
import type { Db } from '../../db/open';
import {
  encodeLatestColumnsInSteps,
  keptColumnsAreFor,
  latestRunDay,
  liveCustomSegments,
  readConfigOverrides,
  sameColumnsInSteps,
  snapshotBasis,
  storedLatestColumnsInSteps,
  writeSnapshot,
  type EncodedColumns,
  type SegmentCustomer,
  type SnapshotColumns,
} from '../../db/repos/segmentation';
import { buildConfig, isLocalRule, LOCAL_SCHEME_KEYS, segmentActivityInSteps, type ConfigOverrides, type CustomSegment, type EngineConfig, type Run, type SegmentationResult } from '../../shared/segmentation';
import { predictedValueMap } from '../prediction/predict';
import { storedRun, storePredictionsInSteps } from '../prediction/store';
import { refitInputsKey, refitSoon } from '../prediction/refit';
import { dataVersion, derivedWrite, sourceStamp } from '../change-stamp';
import type { HandlerContext } from '../context';
import { windowMetrics, type WindowMetrics } from './window-metrics';
import { customersInSlices, followChanges, followPopulationInSteps, loadAll, loadAllInSlices, type Loaded } from './loaded';
import { runSteps, runStepsBetween, type Steps } from '../../shared/domain/steps';
import { patchState } from './patch';
import { newLineage, type Lineage } from './lineage';
import { keepInputsSoon, keptLoadedInSteps, supersedeKeeping } from './kept-inputs';
import { heldGeneration, nextGeneration } from './generation';

/**
 * The segmentation of one day, kept in memory between calls so that paging a list or opening an
 * explanation does not re-rank 100k customers.
 *
 * Freshness: a result is reused as it is while the database is provably unchanged — SQLite's
 * `total_changes()` (every row this connection wrote) and `PRAGMA data_version` (commits by any other
 * connection) are as they were. After a write, the customers whose activity row moved (customer_activity
 * rev: their orders, follow-ups or tier-relevant fields changed — kept by triggers, so every writer is
 * seen) are read again and placed at once on the last full run's cuts (patch.ts), and a full run follows
 * in the background to refresh the population-wide cuts. `patched` says who was placed that way since the
 * full run, which `computedAt` dates. A change to the population itself (a customer added, archived or
 * deleted), to the settings, or to more customers than can be followed one by one, means a full run now.
 *
 * Reads never write. The snapshot (tier history) is stored by `segments:recompute` and, for today, by
 * the history and migration reads when today's stored snapshot is older than the data.
 */
export interface SegmentationState {
  asOf: string;
  config: EngineConfig;
  result: SegmentationResult;
  /** Aligned with result.customerIds. */
  customers: SegmentCustomer[];
  indexOf: Map<string, number>;
  metrics: WindowMetrics;
  /** What the run read, brought up to date by patches. */
  loaded: Loaded;
  /** The full run behind result; its cuts place patched customers. */
  run: Run;
  predicted: ReadonlyMap<string, number> | undefined;
  /** Customers placed on the run's cuts after their data changed since it ran. */
  patched: ReadonlySet<string>;
  /** When the full run behind this state ran (ISO instant). */
  computedAt: string;
  /** The full run's lineage: the columns its patches copied, and write in place from then on (lineage.ts). */
  lineage: Lineage;
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

function compute(ctx: HandlerContext, asOf: string, loaded = freshLoaded(ctx)): SegmentationState {
  const config = engineConfigFor(ctx.db, asOf);
  return assemble(ctx, asOf, config, loaded, predictedFor(ctx.db, config));
}

/**
 * The population and activity rows, current: a cached state's brought up to date when only a few
 * customers changed since (the rows are the same whatever the day), else the copy kept in the database
 * brought up to date, else read in full — and then kept, after the answer, for the next process.
 */
function freshLoaded(ctx: HandlerContext): Loaded {
  const { db } = ctx;
  const followed = runSteps(followedFromCacheInSteps(db)) ?? runSteps(keptLoadedInSteps(db));
  if (followed) return followed;
  supersedeKeeping(db);
  const loaded = loadAll(db);
  keepSoon(ctx, loaded, heldGeneration(db));
  return loaded;
}

/**
 * Keeps rows read in full as the database's copy (kept-inputs.ts), once the caller has answered — unless a
 * restore replaced the data since they were read (generation.ts): kept, they would be followed from as if
 * they were the restored rows.
 */
function keepSoon(ctx: HandlerContext, loaded: Loaded, generation: number): void {
  if (heldGeneration(ctx.db) !== generation) return;
  keepInputsSoon(ctx.db, loaded, () => ctx.clock.now().toISOString());
}

/**
 * A cached state's rows brought up to date (the first that can be, stopping there), customers who joined or
 * left included, or null. When none can be (too much changed), every cached state is out of date and only a
 * full read can replace it: they are let go now, so the collector need not carry two sets of 100k
 * customers' tiers while the new one is built.
 */
function* followedFromCacheInSteps(db: Db): Steps<Loaded | null> {
  for (const cached of caches.get(db)?.values() ?? []) {
    const followed = yield* followPopulationInSteps(db, cached.state.loaded);
    if (followed) return followed;
  }
  caches.delete(db);
  return null;
}

/** Basis 'predicted' (pyramid or value) ranks by each customer's predicted value over the CLV horizon in Settings, fitted on the orders up to asOf. */
function predictedFor(db: Db, config: EngineConfig): ReadonlyMap<string, number> | undefined {
  return config.pyramid.basis === 'predicted' || config.value.basis === 'predicted' ? predictedValueMap(db, config.asOf) : undefined;
}

function assemble(ctx: HandlerContext, asOf: string, config: EngineConfig, loaded: Loaded, predicted?: ReadonlyMap<string, number>): SegmentationState {
  return runSteps(assembleInSteps(ctx, asOf, config, loaded, predicted));
}

function* assembleInSteps(ctx: HandlerContext, asOf: string, config: EngineConfig, loaded: Loaded, predicted?: ReadonlyMap<string, number>): Steps<SegmentationState> {
  const { customers, indexOf, activities } = loaded;
  const { result, run } = yield* segmentActivityInSteps(customers, activities, config, { predictedValueMinor: predicted, indexOf });
  yield;
  const metrics = windowMetrics(run.pop, activities);
  return { asOf, config, result, customers, indexOf, metrics, loaded, run, predicted, patched: new Set(), computedAt: ctx.clock.now().toISOString(), lineage: newLineage() };
}

/** The steps of a recompute, in order, as reported to a progress bar. */
export const RECOMPUTE_PHASES = ['customers', 'activity', 'classes', 'history'] as const;
export type RecomputePhase = (typeof RECOMPUTE_PHASES)[number];

/**
 * recomputeSegmentation in steps, reporting each before it starts and giving the event loop a turn in
 * between, so the app keeps answering (and can show progress) during a recompute of 100k customers.
 */
export async function recomputeInSteps(ctx: HandlerContext, asOf: string, report: (phase: RecomputePhase) => void): Promise<{ state: SegmentationState; stored: boolean }> {
  const computed = await computeInSteps(ctx, asOf, report);
  report('history');
  await nextTurn();
  // Something was written while the rows were being read between turns: what was read may not fit
  // together, so do it again in one go rather than store a mixture.
  if (!computed) return recomputeSegmentation(ctx, asOf);
  const read = computed.state;
  const stored = await runStepsBetween(storeInSteps(ctx, read, computed.stamp), nextTurn);
  // Written to between the computation and the store: stored, it would be remembered as current.
  if (stored === null) return recomputeSegmentation(ctx, asOf);
  rememberStored(ctx, read, stored, computed.generation);
  if (computed.readInFull) keepSoon(ctx, read.loaded, computed.generation);
  return { state: read, stored };
}

/**
 * segmentationFor for the screens' reads: the cached result while nothing changed, brought up to date
 * customer by customer after a few writes, else computed in steps (so a page of the list or a progress
 * poll can be answered in between) — without storing.
 */
export async function segmentationInSteps(ctx: HandlerContext, asOf: string): Promise<SegmentationState> {
  const current = currentState(ctx, asOf);
  if (current) return current;
  // The screen asks for the overview and the members at once: both wait for the same computation.
  const running = inFlight.get(ctx.db);
  const key = `${asOf}@${sourceStamp(ctx.db)}`;
  const shared = running?.key === key ? running.promise : undefined;
  if (shared) return shared;
  const promise = computeInSteps(ctx, asOf, () => undefined).then((computed) => {
    if (!computed) return segmentationFor(ctx, asOf);
    remember(ctx.db, computed.state, false, computed.generation);
    if (computed.readInFull) keepSoon(ctx, computed.state.loaded, computed.generation);
    return computed.state;
  });
  inFlight.set(ctx.db, { key, promise });
  try {
    return await promise;
  } finally {
    if (inFlight.get(ctx.db)?.promise === promise) inFlight.delete(ctx.db);
  }
}

const inFlight = new WeakMap<Db, { key: string; promise: Promise<SegmentationState> }>();

/**
 * The rows read and the engine run with a turn of the event loop between steps, with the sourceStamp and
 * generation they describe and whether the rows were read in full (no copy could be brought up to date);
 * null if data changed, or was restored, meanwhile.
 */
async function computeInSteps(
  ctx: HandlerContext,
  asOf: string,
  report: (phase: RecomputePhase) => void,
): Promise<{ state: SegmentationState; stamp: string; generation: number; readInFull: boolean } | null> {
  const { db } = ctx;
  const generation = heldGeneration(db);
  const step = async (phase: RecomputePhase) => {
    report(phase);
    await nextTurn();
  };
  const before = sourceStamp(db);
  await step('customers');
  const config = engineConfigFor(db, asOf);
  // The copy held in memory, else the one kept in the database, brought up to date.
  const followed = (await runStepsBetween(followedFromCacheInSteps(db), nextTurn)) ?? (await runStepsBetween(keptLoadedInSteps(db), nextTurn));
  // A full read goes a slice at a time, so no turn holds the event loop for more than tens of milliseconds;
  // a copy still being kept from an earlier one is out of date, and stops rather than compete with it.
  if (!followed) supersedeKeeping(db);
  const people = followed ?? (await runStepsBetween(customersInSlices(db), nextTurn));
  await step('activity');
  const loaded = followed ?? (await runStepsBetween(loadAllInSlices(db, people), nextTurn));
  await step('classes');
  const state = await runStepsBetween(assembleInSteps(ctx, asOf, config, loaded, predictedFor(db, config)), nextTurn);
  const unchanged = sourceStamp(db) === before && heldGeneration(db) === generation;
  return unchanged ? { state, stamp: before, generation, readInFull: followed === null } : null;
}

/** A state just stored (or not, when a later day was): remembered, and the prediction refit queued after the answer. */
function rememberStored(ctx: HandlerContext, state: SegmentationState, stored: boolean, generation: number): void {
  remember(ctx.db, state, stored, generation);
  // The fit comes after the answer (core/prediction/refit.ts).
  refitSoon(ctx.db, () => predictIfStored(ctx, state, stored, generation));
}

/**
 * Caches `state`, computed from the data of `generation`, as current. A state from before a restore is not:
 * the stamp read now is the restored data's, and it would pass for theirs.
 */
function remember(db: Db, state: SegmentationState, stored: boolean, generation: number): void {
  if (heldGeneration(db) !== generation) return;
  let days = caches.get(db);
  if (!days) caches.set(db, (days = new Map()));
  days.delete(state.asOf);
  if (days.size >= MAX_CACHED_DAYS) days.delete(days.keys().next().value!);
  days.set(state.asOf, { fingerprint: sourceStamp(db), state, stored });
}

/**
 * What this connection last stored, so the next write compares in memory instead of reading history.
 * Trusted only while no other connection committed (data_version) and it is still the latest day.
 */
const lastStored = new WeakMap<Db, { columns: SnapshotColumns; dataVersion: number }>();

/** Stores asOf's snapshot unless a later day is already stored (history is written forward only). */
function store(ctx: HandlerContext, state: SegmentationState): boolean {
  return runSteps(storeInSteps(ctx, state)) === true;
}

/** The classes this connection last stored, while they are still the latest day's. */
function heldPrevious(db: Db): SnapshotColumns | undefined {
  const last = lastStored.get(db);
  return last && last.dataVersion === dataVersion(db) && last.columns.asOf === latestRunDay(db) ? last.columns : undefined;
}

/**
 * store in steps: the classes in effect on the latest stored day (decoded from segment_latest when this
 * connection did not store them itself) in a step, the day's coded columns a scheme per step, and the rows
 * written ahead a transaction per step, all before the one transaction that writes the rest, which uses them
 * only while the history still stands as they found it. With `expected`, the sourceStamp the state was
 * computed at: null, and nothing written, if the data changed since.
 */
export function* storeInSteps(ctx: HandlerContext, state: SegmentationState, expected?: string): Steps<boolean | null> {
  const { db } = ctx;
  const columns: SnapshotColumns = { asOf: state.asOf, customerIds: state.result.customerIds, classKeys: state.result.classKeys };
  const basis = snapshotBasis(db);
  const decoded = heldPrevious(db) ? undefined : yield* storedLatestColumnsInSteps(db);
  if (decoded) yield;
  // Other customers than the stored day's: the snapshot's transaction compares them by id, reading every
  // decoded column, so the decoding is done here a scheme per turn. The same customers are compared by codes.
  if (decoded && !samePeople(decoded, columns)) yield* decodedInSteps(decoded);
  // The same day's classes as those kept, kept since the history last moved: the store writes no row and
  // leaves segment_latest as it is, so nothing is coded (40-45 ms at 100k). Should the guess be wrong,
  // writeSnapshot codes the columns itself.
  const unchanged = (yield* sameColumnsInSteps(heldPrevious(db) ?? decoded, columns)) && keptColumnsAreFor(db, columns.asOf);
  const encoded = unchanged ? undefined : yield* encodeLatestColumnsInSteps(columns);
  if (!unchanged) yield;
  // A scheme's first snapshot (a row per customer) and a new day's changes are written ahead, a transaction
  // per turn (db/repos/segment-rows-ahead.ts). They count as derived writes, so the stamp `expected` is
  // checked against still stands; any other store in between takes them back, and the transaction below
  // then reads those schemes like any other.
  const latestBefore = latestRunDay(db);
  const plan = latestBefore === null || state.asOf >= latestBefore ? yield* planRowsAheadInSteps(columns, schemesWithoutHistory(db, Object.keys(columns.classKeys)), heldPrevious(db) ?? decoded) : [];
  // The transaction below (35-45 ms at 100k even when nothing changed) gets a turn of its own.
  yield;
  // A new day's change points are checkpointed once the store has answered, in a turn of their own.
  const checkpointAfter = checkpointFollows(plan);
  if (checkpointAfter) holdCheckpoints(db.$client);
  try {
    return yield* writeStoreInSteps(ctx, state, columns, plan, { expected, basis, decoded, encoded });
  } finally {
    if (checkpointAfter) setImmediate(() => checkpointHeld(db.$client));
  }
}

/** storeInSteps' writes: the rows ahead, a transaction per turn, then the snapshot's own transaction. */
function* writeStoreInSteps(
  ctx: HandlerContext,
  state: SegmentationState,
  columns: SnapshotColumns,
  plan: RowsAheadPlan,
  read: { expected: string | undefined; basis: string; decoded: SnapshotColumns | undefined; encoded: EncodedColumns | undefined },
): Steps<boolean | null> {
  const { db } = ctx;
  const { expected, basis, decoded, encoded } = read;
  const ahead = plan.length > 0 ? yield* rowsAheadInSteps(db, columns, plan, newId(), (rows) => derivedWrite(db, () => db.$client.transaction(rows)())) : null;
  const stored = db.transaction((): boolean | null => {
    const moved = expected !== undefined && sourceStamp(db) !== expected;
    const latest = latestRunDay(db);
    const older = latest !== null && state.asOf < latest;
    if (moved || older) {
      // Not stored: the rows written ahead go again at once, rather than wait for the next store.
      if (ahead) derivedWrite(db, () => withdrawRowsAhead(db, ahead));
      return moved ? null : false;
    }
    const untouched = snapshotBasis(db) === basis;
    const previous = heldPrevious(db) ?? (untouched ? decoded : undefined);
    writeSnapshot(db, ctx.clock.now().toISOString(), columns, previous, encoded, untouched ? (ahead ?? undefined) : undefined);
    return true;
  });
  if (stored) {
    lastStored.set(db, { columns, dataVersion: dataVersion(db) });
    // The spellings of the free-text classes just stored, kept for the day no customer holds a class any more
    // (a renamed industry): in a turn of its own, after the snapshot's transaction.
    yield;
    derivedWrite(db, () => keepClassSpellings(db.$client));
  }
  return stored;
}

/**
 * Each stored recompute also refits purchase likelihood and value on the orders up to its day — unless
 * the stored fit was made from exactly these inputs (refitInputsKey: the day, the app's version, the
 * activity rev, which moves with every order, follow-up and customer change, and the CLV settings), by this
 * process or another, as when the same day is stored again with nothing changed. Runs a
 * step per turn. Its writes are derived ones (derivedWrite): they leave sourceStamp, and so the tiers
 * held in memory, as they are.
 */
async function predictIfStored(ctx: HandlerContext, state: SegmentationState, stored: boolean, generation: number): Promise<void> {
  const { db } = ctx;
  // Restored since: the state's rows are no longer the data, and a fit on them would be stored as the restored data's.
  const current = () => heldGeneration(db) === generation;
  if (!stored || !current()) return;
  const { asOf, loaded } = state;
  const key = refitInputsKey(db, asOf, ctx.appVersion);
  const run = storedRun(db);
  if (run?.asOf === asOf && run.fittedFrom === key) return;
  // The rows this state read, parsed already: the fit reads only the archived customers' rows besides.
  const parsed = { ids: loaded.customers.map((c) => c.id), activities: loaded.activities, rev: loaded.rev };
  // Each step checks first: a restore between two of them stops the fit before it writes into the restored file.
  const steps = storePredictionsInSteps(db, asOf, ctx.clock.now().toISOString(), parsed, { fittedFrom: key });
  while (current() && !steps.next().done) await nextTurn();
}

/**
 * The cached state of asOf, as it is while nothing changed, or with the customers who changed placed
 * again (and a full run scheduled); undefined when only a full run now will do.
 */
function currentState(ctx: HandlerContext, asOf: string): SegmentationState | undefined {
  const { db } = ctx;
  const cached = caches.get(db)?.get(asOf);
  if (!cached) return undefined;
  const stamp = sourceStamp(db);
  if (cached.fingerprint === stamp) return cached.state;
  const state = cached.state;
  // Settings, custom segments, or predicted values (refitted on writes) are read by every class: a full run.
  if (state.predicted !== undefined || JSON.stringify(engineConfigFor(db, asOf)) !== JSON.stringify(state.config)) return undefined;
  const followed = followChanges(db, state.loaded, state.lineage);
  if (!followed) return undefined;
  const patched = patchState(state, followed.loaded, followed.changes);
  if (!patched) return undefined;
  const unchanged = followed.changes.length === 0;
  caches.get(db)!.set(asOf, { fingerprint: stamp, state: patched, stored: cached.stored && unchanged });
  if (patched.patched.size > 0) refreshLater(ctx, asOf);
  return patched;
}

/** How long after the first patched read the full run refreshes the cuts (writes in between join it). */
const REFRESH_DELAY_MS = 1500;
const refreshTimers = new WeakMap<Db, NodeJS.Timeout>();

/**
 * Schedules the full run that replaces a patched state. One at a time: a write meanwhile does not push it
 * back (steady writes would starve it), it is simply included; if data changes while the run reads, it is
 * scheduled again.
 */
function refreshLater(ctx: HandlerContext, asOf: string): void {
  if (refreshTimers.has(ctx.db)) return;
  const timer = setTimeout(() => {
    refreshTimers.delete(ctx.db);
    if (!ctx.db.$client.open) return;
    const cached = caches.get(ctx.db)?.get(asOf);
    if (!cached || cached.state.patched.size === 0) return;
    void computeInSteps(ctx, asOf, () => undefined)
      .then((computed) => {
        if (computed) remember(ctx.db, computed.state, false, computed.generation);
        else if (ctx.db.$client.open) refreshLater(ctx, asOf);
        if (computed?.readInFull) keepSoon(ctx, computed.state.loaded, computed.generation);
      })
      .catch(() => undefined);
  }, REFRESH_DELAY_MS);
  // Never keeps a CLI process alive: the next read does the same work.
  timer.unref();
  refreshTimers.set(ctx.db, timer);
}

/**
 * After a restore replaced the data under `db`: the tiers, rows and stored classes held in memory are let
 * go, the background full run waiting is cancelled, the inputs being kept stop, and work still running from
 * before installs nothing (generation.ts). Following the held rows would keep the customers the backup does
 * not have, and place the restored ones on cuts from other data; the next read is a full run.
 */
export function letGoOfHeldTiers(db: Db): void {
  nextGeneration(db);
  caches.delete(db);
  lastStored.delete(db);
  clearTimeout(refreshTimers.get(db));
  refreshTimers.delete(db);
  supersedeKeeping(db);
}

/** The segmentation for asOf: the cached one (brought up to date) while it can be, else recomputed now. */
export function segmentationFor(ctx: HandlerContext, asOf: string): SegmentationState {
  const current = currentState(ctx, asOf);
  if (current) return current;
  const state = compute(ctx, asOf);
  remember(ctx.db, state, false, heldGeneration(ctx.db));
  return state;
}

/** Always recomputes and stores asOf's snapshot; false when a later day is stored already. */
export function recomputeSegmentation(ctx: HandlerContext, asOf: string): { state: SegmentationState; stored: boolean } {
  const state = compute(ctx, asOf);
  const stored = store(ctx, state);
  rememberStored(ctx, state, stored, heldGeneration(ctx.db));
  return { state, stored };
}

/**
 * Brings today's stored snapshot up to date with the data, if it is not already: from a full run, as
 * history must not keep classes placed on cuts that have moved. Computed in steps (a full run reads and
 * ranks everyone: seconds at 100k customers in a fresh process), so the app keeps answering meanwhile;
 * callers arriving while it runs on the same data share it.
 */
export async function storeTodayInSteps(ctx: HandlerContext): Promise<void> {
  const today = ctx.clock.today();
  const cached = caches.get(ctx.db)?.get(today);
  if (cached?.stored && cached.fingerprint === sourceStamp(ctx.db)) return;
  const key = `${today}@${sourceStamp(ctx.db)}`;
  const running = storingToday.get(ctx.db);
  if (running?.key === key) return running.promise;
  const promise = (async () => {
    const current = currentState(ctx, today);
    if (current && current.patched.size === 0) {
      const generation = heldGeneration(ctx.db);
      const stored = await runStepsBetween(storeInSteps(ctx, current, sourceStamp(ctx.db)), nextTurn);
      if (stored !== null) return rememberStored(ctx, current, stored, generation);
    }
    // No state to store as it is, or written to meanwhile: a full run.
    await recomputeInSteps(ctx, today, () => undefined);
  })();
  storingToday.set(ctx.db, { key, promise });
  try {
    await promise;
  } finally {
    if (storingToday.get(ctx.db)?.promise === promise) storingToday.delete(ctx.db);
  }
}

const storingToday = new WeakMap<Db, { key: string; promise: Promise<void> }>();

/** Settles once today's snapshot being stored (storeTodayInSteps) is, at once when none is; never rejects. */
export function todayStoreSettled(db: Db): Promise<void> {
  return storingToday.get(db)?.promise.catch(() => undefined) ?? Promise.resolve();
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
  const loaded = freshLoaded(ctx);
  return pending.filter((day) => {
    const config = engineConfigFor(db, day);
    return store(ctx, assemble(ctx, day, config, loaded, predictedFor(db, config)));
  });
}
