import type { Db } from '../../db/open';
import { OUT_OF_POPULATION } from '../../db/schema';
import { dayNumber } from '../../shared/segmentation/day-number';
import { historyVersion } from './totals';

/** One scheme's change points up to a day, in primary-key order (scheme, customer, day): no sort. */
export const HISTORY_QUERY = `SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? AND as_of <= ? ORDER BY customer_id, as_of`;

/** Class index meaning "in no class that day" (before the history starts, or archived/deleted). */
export const NO_CLASS = -1;

/** Days whose classes a timeline keeps (a year by month asks ~40; two years by month with the year before, ~75). */
const MAX_KEPT_DAYS = 128;

/**
 * One scheme's tier history in memory: every change point up to a day, read once in key order (the
 * primary key leads with scheme, customer, day, so no sort), then asked "who was in which class on day D"
 * for each period's first and last day. Asking SQL per day would scan the scheme's rows once per day;
 * a report needs up to ~40 days, so one read and a walk per customer wins at 100k customers.
 * The answer for a day is kept with the timeline (which lives exactly as long as the history is
 * unchanged), so an order or a follow-up written between two opens of the dashboard costs no walk.
 */
export class TierTimeline {
  /** Customer ids by index; customers seen only in orders or follow-ups are added by indexOf. */
  readonly customerIds: string[] = [];
  private readonly index = new Map<string, number>();
  /** Interned class keys; a class index points in here. */
  readonly classKeys: string[] = [];
  private readonly classIndex = new Map<string, number>();
  /** Change points of customer k: days[first[k] … first[k + 1]) with their classes, oldest first. */
  private first: Int32Array = new Int32Array(1);
  /** Day numbers (shared/segmentation/day-number.ts): the walk compares integers, not strings. */
  private days: Int32Array = new Int32Array(0);
  private classes: Int32Array = new Int32Array(0);
  private readonly kept = new Map<string, Int32Array>();

  constructor(db: Db, scheme: string, until: string) {
    const rows = db.$client
      .prepare(HISTORY_QUERY)
      .raw()
      .all(scheme, until) as [string, string, string][];
    const first: number[] = [];
    this.classes = new Int32Array(rows.length);
    this.days = new Int32Array(rows.length);
    // A history holds a few dozen distinct days: each is parsed once.
    const numbers = new Map<string, number>();
    let previous: string | undefined;
    rows.forEach(([customerId, day, classKey], i) => {
      if (customerId !== previous) {
        first.push(i);
        this.index.set(customerId, this.customerIds.length);
        this.customerIds.push(customerId);
        previous = customerId;
      }
      let n = numbers.get(day);
      if (n === undefined) numbers.set(day, (n = dayNumber(day)));
      this.days[i] = n;
      this.classes[i] = classKey === OUT_OF_POPULATION ? NO_CLASS : this.intern(classKey);
    });
    first.push(rows.length);
    this.first = Int32Array.from(first);
  }

  /** How many customers have change points (the rest, added by indexOf, never had a class). */
  get classifiedCount(): number {
    return this.first.length - 1;
  }

  get customerCount(): number {
    return this.customerIds.length;
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

  private intern(classKey: string): number {
    let c = this.classIndex.get(classKey);
    if (c === undefined) {
      c = this.classKeys.length;
      this.classIndex.set(classKey, c);
      this.classKeys.push(classKey);
    }
    return c;
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
    if (this.kept.size >= MAX_KEPT_DAYS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(day, out);
    return out;
  }

  private walk(day: number): Int32Array {
    const n = this.classifiedCount;
    const { first, days, classes } = this;
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
 * Per connection and scheme, while the tier history is unchanged (its counter, moved by triggers on
 * every write to segment_assignments): the history is read once for any day, and an order or a
 * follow-up written meanwhile does not make the report read it again.
 */
const timelines = new WeakMap<Db, Map<string, { stamp: string; timeline: TierTimeline }>>();
const MAX_CACHED_SCHEMES = 4;

/** The scheme's whole stored history (every change point), kept while the history is unchanged. */
export function tierTimeline(db: Db, scheme: string): TierTimeline {
  const stamp = String(historyVersion(db));
  let schemes = timelines.get(db);
  if (!schemes) timelines.set(db, (schemes = new Map()));
  const cached = schemes.get(scheme);
  if (cached && cached.stamp === stamp) return cached.timeline;
  const timeline = new TierTimeline(db, scheme, '9999-12-31');
  schemes.delete(scheme);
  if (schemes.size >= MAX_CACHED_SCHEMES) schemes.delete(schemes.keys().next().value!);
  schemes.set(scheme, { stamp, timeline });
  return timeline;
}
