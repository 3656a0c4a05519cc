import type { Db } from '../../db/open';
import {
  liveCustomSegments,
  loadSegmentCustomers,
  loadSegmentFollowUps,
  loadSegmentOrders,
  readConfigOverrides,
  writeSnapshot,
  type SegmentCustomer,
} from '../../db/repos/segmentation';
import { buildConfig, segmentAll, type ConfigOverrides, type CustomSegment, type EngineConfig, type SegmentationResult } from '../../shared/segmentation';
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
 * A computation for today also stores today's snapshot (one transaction), so history follows every
 * change; other days are stored only by an explicit `segments:recompute`.
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
}

/** Per database connection; at most a few days (today and what the user looked back at). */
const caches = new WeakMap<Db, Map<string, Cached>>();
const MAX_CACHED_DAYS = 3;

function fingerprint(db: Db): string {
  const version = db.$client.pragma('data_version', { simple: true }) as number;
  const changes = db.$client.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

export function engineConfigFor(db: Db, asOf: string): EngineConfig {
  const customSegments: CustomSegment[] = liveCustomSegments(db).map((s) => ({ id: s.id, name: s.name, rule: JSON.parse(s.rule) as CustomSegment['rule'] }));
  return buildConfig({ ...(readConfigOverrides(db) as Partial<ConfigOverrides>), asOf, customSegments });
}

function compute(db: Db, asOf: string): SegmentationState {
  const config = engineConfigFor(db, asOf);
  const customers = loadSegmentCustomers(db);
  const orders = loadSegmentOrders(db);
  const followUps = loadSegmentFollowUps(db);
  const result = segmentAll(customers, orders, followUps, config);
  const indexOf = new Map(result.customerIds.map((id, i) => [id, i]));
  return { asOf, config, result, customers, indexOf, metrics: windowMetrics(indexOf, orders, followUps, result.window) };
}

function remember(db: Db, state: SegmentationState): void {
  let days = caches.get(db);
  if (!days) caches.set(db, (days = new Map()));
  days.delete(state.asOf);
  if (days.size >= MAX_CACHED_DAYS) days.delete(days.keys().next().value!);
  days.set(state.asOf, { fingerprint: fingerprint(db), state });
}

function store(ctx: HandlerContext, state: SegmentationState): void {
  const { result } = state;
  ctx.db.transaction(() => writeSnapshot(ctx.db, state.asOf, ctx.clock.now().toISOString(), result.customerIds, result.classKeys));
}

/** The segmentation for asOf: the cached one while nothing changed, else recomputed now. */
export function segmentationFor(ctx: HandlerContext, asOf: string): SegmentationState {
  const cached = caches.get(ctx.db)?.get(asOf);
  if (cached && cached.fingerprint === fingerprint(ctx.db)) return cached.state;
  const state = compute(ctx.db, asOf);
  if (asOf === ctx.clock.today()) store(ctx, state);
  remember(ctx.db, state);
  return state;
}

/** Always recomputes and stores asOf's snapshot, whatever the cache holds. */
export function recomputeSegmentation(ctx: HandlerContext, asOf: string): SegmentationState {
  const state = compute(ctx.db, asOf);
  store(ctx, state);
  remember(ctx.db, state);
  return state;
}
