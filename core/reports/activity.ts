import type { Db } from '../../db/open';
import { dayNumber } from '../../shared/segmentation/day-number';
import { runSteps, type Steps } from '../../shared/domain/steps';
import { ensureReportTotals, monthVersions } from './totals';

/**
 * Orders and follow-ups summed per customer and calendar month — kept so by triggers in SQLite
 * (core/reports/totals.ts), so a report reads one row per customer who did something in a month rather
 * than every order, and sums nothing at read time — and kept in memory month by month: a month is read
 * again only when its counter (report_month_versions, moved by the same triggers) moved, so the first
 * open after an edit reads the months the edit touched, not two years of everyone's (at 100k customers
 * two years are ~500k customer-months, and turning SQLite rows into JavaScript values is most of the cost).
 * Months are the unit because every report period is a whole number of them.
 */

export interface OrderMonths {
  length: number;
  /** Index into `customerIds`. */
  customer: Int32Array;
  /** Month index (monthIndexOf). */
  month: Int32Array;
  /** Net of returns, base-currency minor units. */
  revenue: Float64Array;
  sales: Int32Array;
  returns: Int32Array;
  /** Net revenue and net cost of the orders that carry a cost; costed = how many do. */
  costedRevenue: Float64Array;
  cost: Float64Array;
  costed: Int32Array;
  /** The month's last sale date as a day number (dayNumber), or −1 when the customer only returned goods. */
  lastSale: Int32Array;
}

export interface FollowUpMonths {
  length: number;
  customer: Int32Array;
  month: Int32Array;
  count: Int32Array;
  satisfactionSum: Float64Array;
  satisfactionCount: Int32Array;
  /** The month's last follow-up instant, in epoch milliseconds. */
  lastAt: Float64Array;
}

export interface MonthlyActivity<T> {
  firstMonth: number;
  lastMonth: number;
  customerIds: string[];
  rows: T;
}

/** The instant a local calendar day begins (the business's time zone: the machine's, as everywhere). */
export const dayStartInstant = (day: string): string => new Date(`${day}T00:00:00`).toISOString();



/** Customer ids by index, shared by every month read on a connection (ids only ever join). */
class Interner {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  of(id: string): number {
    let k = this.index.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.index.set(id, k);
      this.ids.push(id);
    }
    return k;
  }
}

/** The columns of OrderMonths or FollowUpMonths other than length, each a typed array. */
type Columns<T> = { [K in Exclude<keyof T, 'length'>]: T[K] };
type TypedArray = Int32Array | Float64Array;

interface Source<T> {
  name: 'orders' | 'follow_ups';
  /** The totals table and its columns, the customer id first; its primary key is (month, customer_id). */
  table: string;
  select: string;
  /** Rows of one month as columns (customer as an interned index). */
  fromRows(rows: unknown[][], month: number, ids: Interner): T;
}

/** One month's rows of the maintained totals. */
function readMonth<T>(source: Source<T>, db: Db, month: number, ids: Interner): T {
  return source.fromRows(db.$client.prepare(`SELECT ${source.select} FROM ${source.table} WHERE month = ?`).raw().all(month) as unknown[][], month, ids);
}

/** Rows of a month read per turn by readMonthInSteps: a month at 100k customers holds 20–45k. */
export const MONTH_ROWS_PER_STEP = 10_000;

/**
 * readMonth a slice of rows per turn (for the warm-up after start-up: the newest months' reads took
 * 77–129 ms each in a freshly started process), each slice a seek in the primary key after the last
 * customer read, made into columns at once; the slices joined at the end. The same rows as readMonth, in
 * the key order it reads them in.
 */
function* readMonthInSteps<T extends { length: number }>(source: Source<T>, db: Db, month: number, ids: Interner, rowsPerStep = MONTH_ROWS_PER_STEP): Steps<T> {
  const firstSlice = db.$client.prepare(`SELECT ${source.select} FROM ${source.table} WHERE month = ? ORDER BY customer_id LIMIT ?`).raw();
  const nextSlice = db.$client.prepare(`SELECT ${source.select} FROM ${source.table} WHERE month = ? AND customer_id > ? ORDER BY customer_id LIMIT ?`).raw();
  const parts: T[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = (after === null ? firstSlice.all(month, rowsPerStep) : nextSlice.all(month, after, rowsPerStep)) as unknown[][];
    parts.push(source.fromRows(rows, month, ids));
    if (rows.length < rowsPerStep) break;
    after = rows[rows.length - 1]![0] as string;
    yield;
  }
  return parts.length === 1 ? parts[0]! : concatenate(parts);
}

const orderSource: Source<OrderMonths> = {
  name: 'orders',
  table: 'order_month_totals',
  select: 'customer_id, revenue_minor, last_sale, sales, returns, costed_revenue_minor, cost_minor, costed',
  fromRows(raw, month, ids) {
    const rows = raw as [string, number, string | null, number, number, number, number, number][];
    const n = rows.length;
    const out: OrderMonths = {
      length: n,
      customer: new Int32Array(n),
      month: new Int32Array(n).fill(month),
      revenue: new Float64Array(n),
      sales: new Int32Array(n),
      returns: new Int32Array(n),
      costedRevenue: new Float64Array(n),
      cost: new Float64Array(n),
      costed: new Int32Array(n),
      lastSale: new Int32Array(n),
    };
    rows.forEach((r, i) => {
      out.customer[i] = ids.of(r[0]);
      out.revenue[i] = r[1];
      out.lastSale[i] = r[2] === null ? -1 : dayNumber(r[2]);
      out.sales[i] = r[3];
      out.returns[i] = r[4];
      out.costedRevenue[i] = r[5];
      out.cost[i] = r[6];
      out.costed[i] = r[7];
    });
    return out;
  },
};

/** A follow-up's month is the local month of its instant, as the triggers computed it. */
const followUpSource: Source<FollowUpMonths> = {
  name: 'follow_ups',
  table: 'follow_up_month_totals',
  select: 'customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at',
  fromRows(raw, month, ids) {
    const rows = raw as [string, number, number, number, string][];
    const n = rows.length;
    const out: FollowUpMonths = {
      length: n,
      customer: new Int32Array(n),
      month: new Int32Array(n).fill(month),
      count: new Int32Array(n),
      satisfactionSum: new Float64Array(n),
      satisfactionCount: new Int32Array(n),
      lastAt: new Float64Array(n),
    };
    rows.forEach((r, i) => {
      out.customer[i] = ids.of(r[0]);
      out.count[i] = r[1];
      out.satisfactionSum[i] = r[2];
      out.satisfactionCount[i] = r[3];
      out.lastAt[i] = Date.parse(r[4]);
    });
    return out;
  },
};

/** The months' rows end to end, in month order. */
function concatenate<T extends { length: number }>(months: T[]): T {
  const length = months.reduce((n, m) => n + m.length, 0);
  const out = { length } as Record<string, unknown>;
  const keys = Object.keys(months[0] ?? {}).filter((k) => k !== 'length') as (keyof Columns<T>)[];
  for (const key of keys) {
    const first = months[0]![key] as unknown as TypedArray;
    const joined = new (first.constructor as new (n: number) => TypedArray)(length);
    let at = 0;
    for (const m of months) {
      const column = m[key] as unknown as TypedArray;
      joined.set(column, at);
      at += column.length;
    }
    out[key as string] = joined;
  }
  return out as T;
}

interface MonthMemory<T> {
  ids: Interner;
  months: Map<number, { version: number; rows: T }>;
  /** The last range handed out, kept while no month of it moved, so asking again returns the same object. */
  last?: { firstMonth: number; lastMonth: number; versions: string; activity: MonthlyActivity<T> };
}
const memories = new WeakMap<Db, Map<string, MonthMemory<unknown>>>();

function memoryOf<T>(db: Db, source: Source<T>): MonthMemory<T> {
  let bySource = memories.get(db);
  if (!bySource) memories.set(db, (bySource = new Map()));
  let memory = bySource.get(source.name) as MonthMemory<T> | undefined;
  if (!memory) bySource.set(source.name, (memory = { ids: new Interner(), months: new Map() }));
  return memory;
}

/** Each month's rows in the range, in month order: months whose counter has not moved come from memory, the others are read again. */
function currentMonths<T>(source: Source<T>, db: Db, memory: MonthMemory<T>, firstMonth: number, lastMonth: number, versions: Map<number, number>): T[] {
  const months: T[] = [];
  for (let month = firstMonth; month <= lastMonth; month++) {
    const version = versions.get(month) ?? 0;
    let kept = memory.months.get(month);
    if (!kept || kept.version !== version) memory.months.set(month, (kept = { version, rows: readMonth(source, db, month, memory.ids) }));
    months.push(kept.rows);
  }
  return months;
}

/** The range's rows end to end (one set of columns): read again only where a month's counter moved. */
function monthsOf<T extends { length: number }>(source: Source<T>, db: Db, firstMonth: number, lastMonth: number): MonthlyActivity<T> {
  ensureReportTotals(db);
  const memory = memoryOf(db, source);
  const versions = monthVersions(db, source.name, firstMonth, lastMonth);
  const signature = [...versions].sort((a, b) => a[0] - b[0]).join(';');
  const last = memory.last;
  if (last && last.firstMonth === firstMonth && last.lastMonth === lastMonth && last.versions === signature && last.activity.customerIds.length === memory.ids.ids.length) return last.activity;
  const months = currentMonths(source, db, memory, firstMonth, lastMonth, versions);
  const activity = { firstMonth, lastMonth, customerIds: memory.ids.ids.slice(), rows: concatenate(months) };
  memory.last = { firstMonth, lastMonth, versions: signature, activity };
  return activity;
}

/**
 * The range's months as they are kept, each its own set of columns, and the interned customer ids their
 * `customer` column points into (a list that only grows at its end). What the evaluation report walks:
 * a month is a whole part of one period, so nothing needs joining end to end — an order re-reads its
 * month and copies nothing else (joining two years of columns was ~1M rows copied per write).
 */
export interface MonthList<T> {
  customerIds: readonly string[];
  /** months[i] holds month firstMonth + i. */
  months: T[];
}

function monthListOf<T>(source: Source<T>, db: Db, firstMonth: number, lastMonth: number): MonthList<T> {
  ensureReportTotals(db);
  const memory = memoryOf(db, source);
  const months = currentMonths(source, db, memory, firstMonth, lastMonth, monthVersions(db, source.name, firstMonth, lastMonth));
  return { customerIds: memory.ids.ids, months };
}

export const orderMonthList = (db: Db, firstMonth: number, lastMonth: number) => monthListOf(orderSource, db, firstMonth, lastMonth);
export const followUpMonthList = (db: Db, firstMonth: number, lastMonth: number) => monthListOf(followUpSource, db, firstMonth, lastMonth);

export const orderMonths = (db: Db, firstMonth: number, lastMonth: number) => monthsOf(orderSource, db, firstMonth, lastMonth);
export const followUpMonths = (db: Db, firstMonth: number, lastMonth: number) => monthsOf(followUpSource, db, firstMonth, lastMonth);

const SOURCES = { orders: orderSource, follow_ups: followUpSource } as const;

/**
 * Brings one month of a source into memory unless what is kept is current (core/reports/warm-up.ts
 * calls it a month at a time); true when it read. The counter is read before the rows: a write landing
 * between the two (another connection) leaves the kept counter behind the rows, so the next report reads
 * that month again — never the reverse, which would keep stale rows under a current counter.
 */
export function warmMonth(db: Db, source: keyof typeof SOURCES, month: number): boolean {
  return runSteps(warmMonthInSteps(db, source, month));
}

/**
 * warmMonth reading the month a slice per turn. A write between two slices moved the month's counter after
 * it was read, so the month is kept under the older counter and read again by the next report, whichever
 * slices the write landed in.
 */
export function* warmMonthInSteps(db: Db, source: keyof typeof SOURCES, month: number, rowsPerStep = MONTH_ROWS_PER_STEP): Steps<boolean> {
  const from = SOURCES[source] as Source<{ length: number }>;
  const memory = memoryOf(db, from);
  const version = monthVersions(db, source, month, month).get(month) ?? 0;
  const kept = memory.months.get(month);
  if (kept && kept.version === version) return false;
  const rows = yield* readMonthInSteps(from, db, month, memory.ids, rowsPerStep);
  memory.months.set(month, { version, rows });
  return true;
}
