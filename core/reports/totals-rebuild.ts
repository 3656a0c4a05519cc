import type { Db } from '../../db/open';
import type { Steps } from '../../shared/domain/steps';
import { CheckpointPacer } from '../../db/wal-checkpoint-steps';
import { nextTurn } from '../next-turn';
import { FOLLOW_UP_MONTH, FOLLOW_UP_SUMS, markTotalsBuilt, monthOf, ORDER_SUMS, reportTotalsTrusted } from './totals';

/**
 * The report totals rebuilt from the raw rows a slice per turn: one range of customers at a time.
 * Rebuilt at once (totals.ts rebuildReportTotals) they are one transaction of 5.7-6.2 s at 100k customers,
 * every other call waiting; that happens once for a database that had orders before the totals existed or
 * after a new version of their rules, and whenever the app starts in another time zone than the one they
 * were built in (a follow-up's month is local) — an exporter travelling with the laptop.
 *
 * Why writes between slices leave nothing wrong: each slice replaces its customers' cells with what the raw
 * rows say at that moment; afterwards the triggers keep those cells in step with every write, as they always
 * do. A write to a cell not rebuilt yet lands on a wrong base, and that cell is then rebuilt from the raw
 * rows. A cell a write creates in a month that held no total when the rebuild began is right from the start
 * (the triggers made it from nothing), and the slice replaces it with the same sums. The totals are marked
 * trusted only after the last slice.
 */

/**
 * Customers per slice: at 100k customers 500 customers' orders are about 4,200 rows, read in their index's
 * order (a thousand took 46 ms a slice, the follow-ups' 55, with the slowest over 100).
 */
export const CUSTOMERS_PER_SLICE = 500;

const TOTALS = {
  orders: {
    table: 'order_month_totals',
    counted: 'orderMonths',
    insert: (within: string) => `INSERT OR REPLACE INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale)
      SELECT ${monthOf('order_date')} AS month, customer_id, ${ORDER_SUMS} FROM orders WHERE ${within} AND deleted_at IS NULL GROUP BY customer_id, month`,
  },
  follow_ups: {
    table: 'follow_up_month_totals',
    counted: 'followUpMonths',
    insert: (within: string) => `INSERT OR REPLACE INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at)
      SELECT ${FOLLOW_UP_MONTH} AS month, customer_id, ${FOLLOW_UP_SUMS} FROM follow_ups WHERE ${within} AND deleted_at IS NULL GROUP BY customer_id, month`,
  },
} as const;

/** The months any stored total falls in: the cells a slice must clear before it writes its customers' anew. */
function storedMonths(db: Db): number[] {
  const months = new Set<number>();
  for (const { table } of Object.values(TOTALS)) {
    // One seek per distinct month, leading column of the primary key.
    const next = db.$client.prepare(`SELECT min(month) FROM ${table} WHERE month > ?`).pluck();
    for (let m = next.get(Number.MIN_SAFE_INTEGER) as number | null; m !== null; m = next.get(m) as number | null) months.add(m);
  }
  return [...months].sort((a, b) => a - b);
}

/**
 * rebuildReportTotals a range of customers per step, orders and follow-ups each a step of their own, each in
 * its own transaction: the range's cells cleared in every month that holds a total (a seek per month: the
 * primary key leads with the month), then written anew from the range's rows, read through the customer
 * index in its order. Marked built after the last. The WAL is checkpointed in steps of its own (CheckpointPacer).
 */
export function* rebuildReportTotalsInSteps(db: Db, now = () => new Date().toISOString(), perRange = CUSTOMERS_PER_SLICE): Steps<{ orderMonths: number; followUpMonths: number }> {
  const client = db.$client;
  const months = storedMonths(db);
  // Each range ends where the next begins: ['', id_N), [id_N, id_2N), …, the last with no end. Found a range at
  // a time (a scan of `perRange` ids), so customers added meanwhile fall in a range still to come or already done.
  const nextBound = client.prepare(`SELECT id FROM customers WHERE id >= ? ORDER BY id LIMIT 1 OFFSET ?`).pluck();
  const counted = { orderMonths: 0, followUpMonths: 0 };
  const checkpoints = new CheckpointPacer(client);
  const slices = Object.values(TOTALS).map(({ table, counted: total, insert }) => {
    const statements = (within: string) => ({ clear: client.prepare(`DELETE FROM ${table} WHERE month = @month AND ${within}`), write: client.prepare(insert(within)) });
    const bounded = statements('customer_id >= @lo AND customer_id < @hi');
    const open = statements('customer_id >= @lo');
    return {
      total,
      run: client.transaction((lo: string, hi: string | null) => {
        const { clear, write } = hi === null ? open : bounded;
        const range = hi === null ? { lo } : { lo, hi };
        for (const month of months) clear.run({ ...range, month });
        return write.run(range).changes;
      }),
    };
  });
  for (let lo = '', more = true; more; ) {
    const hi = (nextBound.get(lo, perRange) as string | undefined) ?? null;
    for (const slice of slices) {
      yield;
      counted[slice.total] += slice.run(lo, hi);
      yield* checkpoints.afterTransaction();
    }
    if (hi === null) more = false;
    else lo = hi;
  }
  markTotalsBuilt(db, now());
  return counted;
}

/** The rebuild running on a connection, which every caller arriving meanwhile waits for. */
const running = new WeakMap<Db, Promise<void>>();

/**
 * Resolves once the totals can be trusted, rebuilding them a slice per turn first if they cannot (one
 * rebuild per connection, shared by everyone who asks meanwhile). Stops quietly when the connection closes.
 */
export function trustedTotalsInTurns(db: Db): Promise<void> {
  if (!db.$client.open || reportTotalsTrusted(db)) return Promise.resolve();
  let run = running.get(db);
  if (!run) {
    run = (async () => {
      const steps = rebuildReportTotalsInSteps(db);
      while (db.$client.open && !steps.next().done) await nextTurn();
    })().finally(() => running.delete(db));
    running.set(db, run);
  }
  return run;
}
