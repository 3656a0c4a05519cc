import type { Db } from '../../db/open';
import { changeStamp } from '../change-stamp';
import { ensureReportTotals } from './totals';

/**
 * Orders and follow-ups summed per customer and calendar month — kept so by triggers in SQLite
 * (core/reports/totals.ts), so a report reads one row per customer who did something in a month rather
 * than every order, and sums nothing at read time — and kept in memory while the database
 * is unchanged (the segmentation's freshness rule: core/change-stamp.ts). Months are the unit because
 * every report period is a whole number of them; changing the scheme, the period or the range within
 * the months already read then costs a pass over typed arrays instead of a pass over the orders.
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
  /** The month's last sale date as a day number (dayNumberOf), or −1 when the customer only returned goods. */
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

/** Days since 1970-01-01 of a calendar date: dates compared and subtracted as integers. */
export const dayNumberOf = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

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

/** The maintained monthly totals (core/reports/totals.ts), a range of months read along their key. */
function loadOrderMonths(db: Db, firstMonth: number, lastMonth: number): MonthlyActivity<OrderMonths> {
  const rows = db.$client
    .prepare(
      `SELECT customer_id, month - ?, revenue_minor, last_sale, sales, returns, costed_revenue_minor, cost_minor, costed
       FROM order_month_totals WHERE month BETWEEN ? AND ?`,
    )
    .raw()
    .all(firstMonth, firstMonth, lastMonth) as [string, number, number, string | null, number, number, number, number, number][];
  const ids = new Interner();
  const n = rows.length;
  const out: OrderMonths = {
    length: n,
    customer: new Int32Array(n),
    month: new Int32Array(n),
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
    out.month[i] = firstMonth + r[1];
    out.revenue[i] = r[2];
    out.lastSale[i] = r[3] === null ? -1 : dayNumberOf(r[3]);
    out.sales[i] = r[4];
    out.returns[i] = r[5];
    out.costedRevenue[i] = r[6];
    out.cost[i] = r[7];
    out.costed[i] = r[8];
  });
  return { firstMonth, lastMonth, customerIds: ids.ids, rows: out };
}

/** A follow-up's month is the local month of its instant, as the triggers computed it. */
function loadFollowUpMonths(db: Db, firstMonth: number, lastMonth: number): MonthlyActivity<FollowUpMonths> {
  const rows = db.$client
    .prepare(
      `SELECT customer_id, month - ?, follow_ups, satisfaction_sum, satisfaction_count, last_at
       FROM follow_up_month_totals WHERE month BETWEEN ? AND ?`,
    )
    .raw()
    .all(firstMonth, firstMonth, lastMonth) as [string, number, number, number, number, string][];
  const ids = new Interner();
  const n = rows.length;
  const out: FollowUpMonths = {
    length: n,
    customer: new Int32Array(n),
    month: new Int32Array(n),
    count: new Int32Array(n),
    satisfactionSum: new Float64Array(n),
    satisfactionCount: new Int32Array(n),
    lastAt: new Float64Array(n),
  };
  rows.forEach((r, i) => {
    out.customer[i] = ids.of(r[0]);
    out.month[i] = firstMonth + r[1];
    out.count[i] = r[2];
    out.satisfactionSum[i] = r[3];
    out.satisfactionCount[i] = r[4];
    out.lastAt[i] = Date.parse(r[5]);
  });
  return { firstMonth, lastMonth, customerIds: ids.ids, rows: out };
}

interface Cached<T> {
  stamp: string;
  activity: MonthlyActivity<T>;
}
const orderCache = new WeakMap<Db, Cached<OrderMonths>>();
const followUpCache = new WeakMap<Db, Cached<FollowUpMonths>>();

/** Months already read are kept; a wider request reads the union once, so moving a range back and forth reads nothing twice. */
function cachedMonths<T>(cache: WeakMap<Db, Cached<T>>, load: (db: Db, first: number, last: number) => MonthlyActivity<T>, db: Db, firstMonth: number, lastMonth: number): MonthlyActivity<T> {
  const stamp = changeStamp(db);
  const cached = cache.get(db);
  if (cached && cached.stamp === stamp && cached.activity.firstMonth <= firstMonth && cached.activity.lastMonth >= lastMonth) return cached.activity;
  const [first, last] = cached && cached.stamp === stamp ? [Math.min(firstMonth, cached.activity.firstMonth), Math.max(lastMonth, cached.activity.lastMonth)] : [firstMonth, lastMonth];
  const activity = load(db, first, last);
  cache.set(db, { stamp, activity });
  return activity;
}

export const orderMonths = (db: Db, firstMonth: number, lastMonth: number) => (ensureReportTotals(db), cachedMonths(orderCache, loadOrderMonths, db, firstMonth, lastMonth));
export const followUpMonths = (db: Db, firstMonth: number, lastMonth: number) => (ensureReportTotals(db), cachedMonths(followUpCache, loadFollowUpMonths, db, firstMonth, lastMonth));
