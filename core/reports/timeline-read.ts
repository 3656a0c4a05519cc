import type { Db } from '../../db/open';
import { OUT_OF_POPULATION } from '../../db/schema';
import { dayNumber } from '../../shared/segmentation/day-number';
import { inTimedStretches, runSteps, type Steps } from '../../shared/domain/steps';
import { historyVersion } from './totals';

/**
 * Reading one scheme's tier history into the arrays core/reports/timeline.ts walks: all of it, or — after
 * a snapshot was stored — only what a snapshot can have changed. History is written forward only
 * (db/repos/segmentation.ts writeSnapshot refuses a day before the latest stored one, and corrects the
 * latest day in place), so once day L is the latest stored, no change point before L changes again; a new
 * snapshot touches rows on L or later. Re-reading those rows and keeping the rest costs the day's changes
 * (a few thousand rows) instead of every change point (~220k for the pyramid at 100k customers, ~0.3–0.7 s).
 */

/** One scheme's change points up to a day, in primary-key order (scheme, customer, day): no sort. */
export const HISTORY_QUERY = `SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? AND as_of <= ? ORDER BY customer_id, as_of`;
const HISTORY_FROM_QUERY = `SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? AND as_of >= ? ORDER BY customer_id, as_of`;

/** Class index meaning "in no class that day" (before the history starts, or archived/deleted). */
export const NO_CLASS = -1;

export interface HistoryParts {
  /** Customers with change points, in the order their points are stored. */
  customerIds: string[];
  /** Change points of customer k: days[first[k] … first[k + 1]) with their classes, oldest first. */
  first: Int32Array;
  /** Day numbers (shared/segmentation/day-number.ts). */
  days: Int32Array;
  /** Class indexes into classKeys; NO_CLASS for an _out point. */
  classes: Int32Array;
  classKeys: string[];
  /**
   * What was true when read: the latest stored snapshot day, the snapshots before it (day and time
   * computed), and how many change points lie before it. A later read that finds the same runs and the
   * same count before that day keeps those points (see above); anything else — a backup put back, another
   * database — reads everything.
   */
  latestRun: string | null;
  runsBefore: string;
  pointsBefore: number;
}

type Row = [customerId: string, day: string, classKey: string];

/** Change points put together customer by customer, oldest first. */
class Builder {
  readonly customerIds: string[] = [];
  readonly first: number[] = [];
  /** Sized for the rows when all are known (a read at once); a read in steps grows them as its slices arrive. */
  private days: Int32Array;
  private classes: Int32Array;
  readonly classKeys: string[];
  private readonly classIndex: Map<string, number>;
  /** A history holds a few dozen distinct days: each is parsed once. */
  private readonly numbers = new Map<string, number>();
  private at = 0;

  constructor(capacity: number, classKeys: readonly string[] = []) {
    this.days = new Int32Array(capacity);
    this.classes = new Int32Array(capacity);
    this.classKeys = [...classKeys];
    this.classIndex = new Map(this.classKeys.map((key, c) => [key, c]));
  }

  customer(id: string): void {
    this.customerIds.push(id);
    this.first.push(this.at);
  }

  /** Drops the customer just begun when no point was added for them. */
  endCustomer(): void {
    if (this.first[this.first.length - 1] === this.at) {
      this.customerIds.pop();
      this.first.pop();
    }
  }

  /** The customer the last of `rows` belonged to. */
  private current: string | undefined;

  /** Rows in key order, a customer begun wherever the id changes, also across calls (a slice may end inside one customer's rows). */
  rows(rows: readonly Row[]): void {
    for (let i = 0; i < rows.length; i++) {
      const [customerId, day, classKey] = rows[i]!;
      if (customerId !== this.current) {
        this.customer(customerId);
        this.current = customerId;
      }
      this.row(day, classKey);
    }
  }

  point(day: number, classIndex: number): void {
    if (this.at === this.days.length) this.grow();
    this.days[this.at] = day;
    this.classes[this.at] = classIndex;
    this.at++;
  }

  row(day: string, classKey: string): void {
    let n = this.numbers.get(day);
    if (n === undefined) this.numbers.set(day, (n = dayNumber(day)));
    this.point(n, classKey === OUT_OF_POPULATION ? NO_CLASS : this.intern(classKey));
  }

  private grow(): void {
    const size = Math.max(16, Math.ceil(this.days.length * 1.5));
    const days = new Int32Array(size);
    const classes = new Int32Array(size);
    days.set(this.days);
    classes.set(this.classes);
    this.days = days;
    this.classes = classes;
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

  parts(latestRun: string | null, runsBefore: string): HistoryParts {
    const first = Int32Array.from([...this.first, this.at]);
    const days = this.days.subarray(0, this.at);
    const latest = latestRun === null ? 0 : dayNumber(latestRun);
    let pointsBefore = 0;
    for (let i = 0; i < days.length; i++) if (days[i]! < latest) pointsBefore++;
    return { customerIds: this.customerIds, first, days, classes: this.classes.subarray(0, this.at), classKeys: this.classKeys, latestRun, runsBefore, pointsBefore };
  }
}

const latestRunOf = (db: Db) => (db.$client.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get() as string | null) ?? null;
const runsBeforeOf = (db: Db, day: string | null) =>
  day === null ? '' : (db.$client.prepare(`SELECT as_of, computed_at FROM segment_runs WHERE as_of < ? ORDER BY as_of`).raw().all(day) as [string, string][]).join(';');

/** Every change point of the scheme. Call inside a transaction, so the runs and the rows are one moment's. */
export function readHistory(db: Db, scheme: string): HistoryParts {
  const latestRun = latestRunOf(db);
  const rows = db.$client.prepare(HISTORY_QUERY).raw().all(scheme, '9999-12-31') as Row[];
  const built = new Builder(rows.length);
  built.rows(rows);
  return built.parts(latestRun, runsBeforeOf(db, latestRun));
}

/** Rows of one scheme's history read per turn by readHistoryInSteps: 15–20 ms at 100k customers. */
export const HISTORY_ROWS_PER_STEP = 20_000;
/** The next rows after a (customer, day) in key order: a seek in the primary key, as each slice starts where the last ended. */
const HISTORY_SLICE_QUERY = `SELECT customer_id, as_of, class_key FROM segment_assignments WHERE scheme = ? AND (customer_id, as_of) > (?, ?) ORDER BY customer_id, as_of LIMIT ?`;

/**
 * readHistory a slice of rows per turn, for the warm-up after start-up: read at once, the pyramid's ~220k
 * change points at 100k customers held the app for 0.2–0.7 s. Each slice is read in a transaction with the
 * history's counter; when that moved since the first slice (a snapshot stored meanwhile, by this process or
 * another), the read gives up (undefined) and whoever asks next reads the history as it is then. Rows a
 * snapshot writes ahead of its own transaction (db/repos/segment-rows-ahead.ts) may be in a later slice and
 * not in an earlier one, as a read at once may see part of them; its transaction moves the counter, and they
 * are read again. `stamp` is the counter the history is of.
 */
export function* readHistoryInSteps(db: Db, scheme: string, rowsPerStep = HISTORY_ROWS_PER_STEP): Steps<{ history: HistoryParts; stamp: number } | undefined> {
  const client = db.$client;
  const first = client.transaction(() => {
    const latestRun = latestRunOf(db);
    return { stamp: historyVersion(db), latestRun, runsBefore: runsBeforeOf(db, latestRun) };
  })();
  const built = new Builder(rowsPerStep);
  const slice = client.prepare(HISTORY_SLICE_QUERY).raw();
  const sliceOf = client.transaction((after: [string, string]) => (historyVersion(db) === first.stamp ? (slice.all(scheme, after[0], after[1], rowsPerStep) as Row[]) : undefined));
  // Every day is a checked calendar date, so this is before every row (a customer id of '' included).
  let after: [string, string] = ['', ''];
  for (;;) {
    yield;
    const rows = sliceOf(after);
    if (!rows) return undefined;
    built.rows(rows);
    if (rows.length < rowsPerStep) break;
    const last = rows[rows.length - 1]!;
    after = [last[0], last[1]];
  }
  return { history: built.parts(first.latestRun, first.runsBefore), stamp: first.stamp };
}

/** What a refresh reads: the rows on or after the kept latest day, and the history's state they are of. */
interface RefreshReads {
  since: string;
  rows: Row[];
  latestRun: string | null;
  runsBefore: string;
  stamp: number;
}

/**
 * The reads of a refresh of `kept` (read when `kept.latestRun` was the latest stored day), in one transaction:
 * the rows on or after that day. Undefined when what lies before that day is not as it was (not the same
 * snapshots, or not the same number of points): then read everything.
 */
function refreshReads(db: Db, scheme: string, kept: HistoryParts): RefreshReads | undefined {
  return db.$client.transaction(() => {
    const since = kept.latestRun;
    if (since === null || runsBeforeOf(db, since) !== kept.runsBefore) return undefined;
    const pointsBefore = db.$client.prepare(`SELECT count(*) FROM segment_assignments WHERE scheme = ? AND as_of < ?`).pluck().get(scheme, since) as number;
    if (pointsBefore !== kept.pointsBefore) return undefined;
    const rows = db.$client.prepare(HISTORY_FROM_QUERY).raw().all(scheme, since) as Row[];
    const latestRun = latestRunOf(db);
    return { since, rows, latestRun, runsBefore: latestRun === since ? kept.runsBefore : runsBeforeOf(db, latestRun), stamp: historyVersion(db) };
  })();
}

/** Customers of `kept` put together per stretch between two looks at the clock (inTimedStretches). */
const CUSTOMERS_REBUILT_PER_STRETCH = 25_000;

/** `kept`'s points before the refresh's day and the rows read on or after it, a stretch of customers per step. */
function* rebuildInSteps(kept: HistoryParts, read: RefreshReads): Steps<HistoryParts> {
  const { rows } = read;
  // The new rows by customer (they come in key order: a customer's rows are together, oldest first).
  const fresh = new Map<string, [from: number, to: number]>();
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]![0];
    const range = fresh.get(id);
    if (range) range[1] = i + 1;
    else fresh.set(id, [i, i + 1]);
  }
  const sinceDay = dayNumber(read.since);
  const built = new Builder(kept.pointsBefore + rows.length, kept.classKeys);
  const addFresh = (id: string) => {
    const range = fresh.get(id);
    if (!range) return;
    for (let i = range[0]; i < range[1]; i++) built.row(rows[i]![1], rows[i]![2]);
    fresh.delete(id);
  };
  yield* inTimedStretches(kept.customerIds.length, CUSTOMERS_REBUILT_PER_STRETCH, (from, to) => {
    for (let k = from; k < to; k++) {
      const id = kept.customerIds[k]!;
      built.customer(id);
      for (let i = kept.first[k]!; i < kept.first[k + 1]! && kept.days[i]! < sinceDay; i++) built.point(kept.days[i]!, kept.classes[i]!);
      addFresh(id);
      built.endCustomer();
    }
  });
  // Customers whose first change point is on or after that day, in key order.
  for (const id of [...fresh.keys()]) {
    built.customer(id);
    addFresh(id);
  }
  return built.parts(read.latestRun, read.runsBefore);
}

/**
 * The history after a write, from `kept` (read when `kept.latestRun` was the latest stored day): its points
 * before that day, and the rows on or after it read again. Undefined when what lies before that day is not
 * as it was (not the same snapshots, or not the same number of points): then read everything. Call inside
 * a transaction.
 */
export function refreshHistory(db: Db, scheme: string, kept: HistoryParts): HistoryParts | undefined {
  const read = refreshReads(db, scheme, kept);
  return read && runSteps(rebuildInSteps(kept, read));
}

/**
 * refreshHistory with its reads made at once, in one transaction with the history's counter (`stamp`), and
 * the history then put together a stretch of customers per turn, from memory alone: at 100k customers the
 * whole refresh held the app for 60-120 ms in one turn.
 */
export function* refreshHistoryInSteps(db: Db, scheme: string, kept: HistoryParts): Steps<{ history: HistoryParts; stamp: number } | undefined> {
  const read = refreshReads(db, scheme, kept);
  if (!read) return undefined;
  yield;
  return { history: yield* rebuildInSteps(kept, read), stamp: read.stamp };
}
