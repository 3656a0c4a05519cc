import type { Db } from '../../db/open';
import { dayNumber, isoDateOf } from '../../shared/segmentation/day-number';
import type { Steps } from '../../shared/domain/steps';
import { HISTORY_ROWS_PER_STEP, NO_CLASS, readHistory, readHistoryInSteps, refreshHistory, refreshHistoryInSteps, type HistoryParts } from './timeline-read';
import { historyVersion } from './totals';

export { HISTORY_QUERY, NO_CLASS } from './timeline-read';

/**
 * How much of each day's classes a timeline keeps: ~32 MiB (at 100k customers, 83 days: a year by month
 * asks 36, two years by month with the year before 73), and at least 40 days however many customers.
 */
const KEPT_BYTES = 32 * 1024 * 1024;
const MIN_KEPT_DAYS = 40;

/**
 * One scheme's tier history in memory: every change point, read in key order (the primary key leads
 * with scheme, customer, day, so no sort; core/reports/timeline-read.ts), then asked "who was in which
 * class on day D" for each period's first and last day. Asking SQL per day would scan the scheme's rows
 * once per day; a report needs up to ~40 days, so one read and a walk per customer wins at 100k customers.
 * The answer for a day is kept with the timeline (which lives exactly as long as the history is
 * unchanged), so an order or a follow-up written between two opens of the dashboard costs no walk.
 */
export class TierTimeline {
  /** Customer ids by index: those with change points first; customers seen only in orders or follow-ups are added by indexOf. */
  readonly customerIds: string[];
  private readonly index = new Map<string, number>();
  /** Interned class keys; a class index points in here. */
  readonly classKeys: string[];
  private readonly kept = new Map<string, Int32Array>();

  constructor(readonly history: HistoryParts) {
    this.customerIds = [...history.customerIds];
    this.classKeys = history.classKeys;
    for (let k = 0; k < this.customerIds.length; k++) this.index.set(this.customerIds[k]!, k);
  }

  /**
   * The first day this scheme has stored classes on: a custom segment made after the history began starts
   * later than the other schemes. Null while it has none. Each customer's points are oldest first.
   */
  get firstDay(): string | null {
    const { first, days } = this.history;
    let earliest = Infinity;
    for (let k = 0; k < this.classifiedCount; k++) if (first[k + 1]! > first[k]!) earliest = Math.min(earliest, days[first[k]!]!);
    return earliest === Infinity ? null : isoDateOf(earliest);
  }

  /** How many customers have change points (the rest, added by indexOf, never had a class). */
  get classifiedCount(): number {
    return this.history.customerIds.length;
  }

  get customerCount(): number {
    return this.customerIds.length;
  }

  /** The customer's index, or -1 for one the timeline has not seen (nothing is added). */
  positionOf(customerId: string): number {
    return this.index.get(customerId) ?? -1;
  }

  /** The customer's index, adding a never-classified customer if needed. */
  indexOf(customerId: string): number {
    let k = this.index.get(customerId);
    if (k === undefined) {
      k = this.customerIds.length;
      this.index.set(customerId, k);
      this.customerIds.push(customerId);
    }
    return k;
  }

  /**
   * Class index of every classified customer on `day`: the latest change point on or before it
   * (docs/evaluation.md, "Class on a day"); NO_CLASS before their first one or after an _out point.
   * The array is shared with every later caller asking for the same day: read it, never write to it.
   */
  classesOn(day: string): Int32Array {
    let out = this.kept.get(day);
    if (out) return out;
    out = this.walk(dayNumber(day));
    const keep = Math.max(MIN_KEPT_DAYS, Math.floor(KEPT_BYTES / (4 * Math.max(1, out.length))));
    if (this.kept.size >= keep) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(day, out);
    return out;
  }

  private walk(day: number): Int32Array {
    const n = this.classifiedCount;
    const { first, days, classes } = this.history;
    const out = new Int32Array(n).fill(NO_CLASS);
    for (let k = 0; k < n; k++) {
      for (let i = first[k + 1]! - 1; i >= first[k]!; i--) {
        if (days[i]! <= day) {
          out[k] = classes[i]!;
          break;
        }
      }
    }
    return out;
  }
}

/** The class of customer k in a classesOn() array; customers added after it was taken were in no class. */
export const classAt = (classes: Int32Array, k: number): number => (k < classes.length ? classes[k]! : NO_CLASS);

/**
 * Per connection and scheme, while the tier history is unchanged (its counter, moved by every stored
 * snapshot that wrote a row): the history is read once for any day, and an order or a follow-up written
 * meanwhile does not make the report read it again. When a snapshot moved it, the points before the
 * latest stored day are kept and the rest read again (core/reports/timeline-read.ts).
 */
const timelines = new WeakMap<Db, Map<string, { stamp: string; timeline: TierTimeline }>>();
const MAX_CACHED_SCHEMES = 4;

function timelinesOf(db: Db): Map<string, { stamp: string; timeline: TierTimeline }> {
  let schemes = timelines.get(db);
  if (!schemes) timelines.set(db, (schemes = new Map()));
  return schemes;
}

function keep(db: Db, scheme: string, stamp: string, timeline: TierTimeline): TierTimeline {
  const schemes = timelinesOf(db);
  schemes.delete(scheme);
  if (schemes.size >= MAX_CACHED_SCHEMES) schemes.delete(schemes.keys().next().value!);
  schemes.set(scheme, { stamp, timeline });
  return timeline;
}

/** The scheme's whole stored history (every change point), kept while the history is unchanged. */
export function tierTimeline(db: Db, scheme: string): TierTimeline {
  const cached = timelinesOf(db).get(scheme);
  // One read transaction: the counter, the snapshots and the rows are of the same moment.
  return db.$client.transaction(() => {
    const stamp = String(historyVersion(db));
    if (cached && cached.stamp === stamp) return cached.timeline;
    const history = (cached && refreshHistory(db, scheme, cached.timeline.history)) ?? readHistory(db, scheme);
    return keep(db, scheme, stamp, new TierTimeline(history));
  })();
}

/**
 * tierTimeline a step per turn, for the warm-up after start-up and the reports' reads ahead: a history this
 * connection has not read yet is read a slice per turn (timeline-read.ts readHistoryInSteps), one read before
 * and since moved on by a snapshot is brought up to date (the rows since the latest stored day, read at once)
 * and put together a stretch per turn, and the customers are indexed in a turn of their own. Undefined when
 * a snapshot was stored during a read in slices: the next report reads the history as it is then.
 */
export function* tierTimelineInSteps(db: Db, scheme: string, rowsPerStep = HISTORY_ROWS_PER_STEP): Steps<TierTimeline | undefined> {
  const cached = timelinesOf(db).get(scheme);
  if (cached && cached.stamp === String(historyVersion(db))) return cached.timeline;
  const read = (cached && (yield* refreshHistoryInSteps(db, scheme, cached.timeline.history))) || (yield* readHistoryInSteps(db, scheme, rowsPerStep));
  if (!read) return undefined;
  yield;
  const stamp = String(read.stamp);
  // A report asked for meanwhile may have read the same history: the one kept stands.
  const meanwhile = timelinesOf(db).get(scheme);
  if (meanwhile?.stamp === stamp) return meanwhile.timeline;
  return keep(db, scheme, stamp, new TierTimeline(read.history));
}
