import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderMonths } from '../../core/reports/activity';
import { rebuildReportTotals, reportTotalsTrusted } from '../../core/reports/totals';
import { openTestApp, type TestApp } from '../support/test-app';
import { applyWrite, writeOp, type WriteOp } from '../support/random-writes';

/**
 * The monthly totals the report reads are kept by triggers (db/migrations/0017_report_totals_triggers.sql).
 * After random sequences of writes — inserts, edits, soft deletes, restores, hard deletes and moves between
 * customers, of orders and follow-ups — the tables must equal a recomputation from the raw rows written
 * here: plain SQL for orders, and for follow-ups each instant's local month taken by JavaScript's Date
 * (not SQLite's 'localtime', which the triggers use).
 */
let app: TestApp;
const customers: string[] = [];
const apply = (o: WriteOp) => applyWrite(raw(), customers, o);
const op = writeOp;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  for (const name of ['A', 'B', 'C', 'D']) customers.push((await app.call('customers:create', { name: `Customer ${name}`, contacts: [] })).customer.id);
});
afterAll(() => app.cleanup());

const raw = () => app.db.$client;
const monthIndex = (yyyyMm: string) => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;

type Row = (string | number | null)[];
function expectedOrders(): Row[] {
  const rows = raw()
    .prepare(
      `SELECT substr(order_date, 1, 7) AS ym, customer_id, sum(base_amount_minor), sum(CASE WHEN kind = 'sale' THEN 1 ELSE 0 END), sum(CASE WHEN kind = 'return' THEN 1 ELSE 0 END),
              coalesce(sum(CASE WHEN base_cost_minor IS NOT NULL THEN base_amount_minor END), 0), coalesce(sum(base_cost_minor), 0),
              sum(CASE WHEN base_cost_minor IS NOT NULL THEN 1 ELSE 0 END), max(CASE WHEN kind = 'sale' THEN order_date END)
       FROM orders WHERE deleted_at IS NULL GROUP BY ym, customer_id`,
    )
    .raw()
    .all() as Row[];
  return rows.map(([ym, ...rest]) => [monthIndex(ym as string), ...rest]).sort(byKey);
}
function expectedFollowUps(): Row[] {
  const rows = raw().prepare(`SELECT customer_id, occurred_at, satisfaction FROM follow_ups WHERE deleted_at IS NULL`).raw().all() as [string, string, number | null][];
  const sums = new Map<string, Row>();
  for (const [customer, at, satisfaction] of rows) {
    const local = new Date(at);
    const month = local.getFullYear() * 12 + local.getMonth();
    const key = `${month}|${customer}`;
    const s = sums.get(key) ?? [month, customer, 0, 0, 0, at];
    s[2] = (s[2] as number) + 1;
    s[3] = (s[3] as number) + (satisfaction ?? 0);
    s[4] = (s[4] as number) + (satisfaction === null ? 0 : 1);
    if (at > (s[5] as string)) s[5] = at;
    sums.set(key, s);
  }
  return [...sums.values()].sort(byKey);
}
const byKey = (a: Row, b: Row) => (a[0] as number) - (b[0] as number) || String(a[1]).localeCompare(String(b[1]));
const stored = (table: string) => (raw().prepare(`SELECT * FROM ${table}`).raw().all() as Row[]).sort(byKey);

describe('monthly totals kept by triggers', () => {
  it('equal a recomputation from the raw rows after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        raw().prepare(`DELETE FROM orders`).run();
        raw().prepare(`DELETE FROM follow_ups`).run();
        expect(stored('order_month_totals')).toEqual([]);
        expect(stored('follow_up_month_totals')).toEqual([]);
        for (const o of ops) apply(o);
        expect(stored('order_month_totals')).toEqual(expectedOrders());
        expect(stored('follow_up_month_totals')).toEqual(expectedFollowUps());
      }),
      { numRuns: 150 },
    );
  });

  it('the rebuild gives the same tables the triggers kept', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 30 }), (ops) => {
        for (const o of ops) apply(o);
        const orders = stored('order_month_totals');
        const followUps = stored('follow_up_month_totals');
        rebuildReportTotals(app.db);
        expect(stored('order_month_totals')).toEqual(orders);
        expect(stored('follow_up_month_totals')).toEqual(followUps);
      }),
      { numRuns: 30 },
    );
  });

  it('a report rebuilds totals it cannot trust: never built, another version or time zone, or a trigger missing', () => {
    apply({ t: 'insertOrder', customer: 0, day: '2026-01-15', sale: true, amount: 500, cost: null, deleted: false });
    rebuildReportTotals(app.db);
    expect(reportTotalsTrusted(app.db)).toBe(true);
    const tamper = [
      `UPDATE report_totals_state SET time_zone = 'Antarctica/Troll'`,
      `UPDATE report_totals_state SET version = version - 1`,
      `DELETE FROM report_totals_state`,
    ];
    for (const sql of tamper) {
      raw().prepare(`DELETE FROM order_month_totals`).run();
      raw().prepare(sql).run();
      expect(reportTotalsTrusted(app.db)).toBe(false);
      const months = orderMonths(app.db, monthIndex('2025-01'), monthIndex('2026-12'));
      expect(reportTotalsTrusted(app.db)).toBe(true);
      expect(stored('order_month_totals')).toEqual(expectedOrders());
      expect(months.rows.length).toBe(expectedOrders().filter((r) => (r[0] as number) >= monthIndex('2025-01')).length);
    }
    raw().prepare(`DROP TRIGGER report_totals_order_insert`).run();
    expect(reportTotalsTrusted(app.db)).toBe(false);
  });
});

describe('what the report keeps in memory', () => {
  it('a write reads again only the months it touched, and the history only when the history changed', async () => {
    const { followUpMonths } = await import('../../core/reports/activity');
    const { tierTimeline } = await import('../../core/reports/timeline');
    // A database of its own: the test before dropped a trigger.
    app.cleanup();
    app = openTestApp('2026-11-23');
    customers.length = 0;
    for (const name of ['A', 'B', 'C', 'D']) customers.push((await app.call('customers:create', { name: `Customer ${name}`, contacts: [] })).customer.id);
    const january = monthIndex('2026-01');
    const february = monthIndex('2026-02');
    apply({ t: 'insertOrder', customer: 0, day: '2026-01-15', sale: true, amount: 700, cost: null, deleted: false });
    apply({ t: 'insertOrder', customer: 1, day: '2026-02-01', sale: true, amount: 300, cost: 100, deleted: false });
    const revenueIn = (a: ReturnType<typeof orderMonths>, month: number) => {
      let sum = 0;
      for (let r = 0; r < a.rows.length; r++) if (a.rows.month[r] === month) sum += a.rows.revenue[r]!;
      return sum;
    };
    const sqlRevenue = (ym: string) => raw().prepare(`SELECT coalesce(sum(base_amount_minor), 0) FROM orders WHERE deleted_at IS NULL AND substr(order_date, 1, 7) = ?`).pluck().get(ym) as number;
    const before = orderMonths(app.db, january, february);
    expect([revenueIn(before, january), revenueIn(before, february)]).toEqual([sqlRevenue('2026-01'), sqlRevenue('2026-02')]);
    // Unchanged data: the same object, nothing read.
    expect(orderMonths(app.db, january, february)).toBe(before);
    const timeline = tierTimeline(app.db, 'pyramid');
    const followUps = followUpMonths(app.db, january, february);

    apply({ t: 'insertOrder', customer: 2, day: '2026-02-10', sale: true, amount: 50, cost: null, deleted: false });
    const after = orderMonths(app.db, january, february);
    expect(after).not.toBe(before);
    expect([revenueIn(after, january), revenueIn(after, february)]).toEqual([sqlRevenue('2026-01'), sqlRevenue('2026-02')]);
    expect(revenueIn(after, february)).toBe(350);
    // An order moves neither the follow-ups' months nor the tier history.
    expect(followUpMonths(app.db, january, february)).toBe(followUps);
    expect(tierTimeline(app.db, 'pyramid')).toBe(timeline);

    await app.call('segments:recompute', {});
    expect(tierTimeline(app.db, 'pyramid')).not.toBe(timeline);
    apply({ t: 'deleteOrder', pick: 0, deleted: true });
    const deleted = orderMonths(app.db, january, february);
    expect([revenueIn(deleted, january), revenueIn(deleted, february)]).toEqual([sqlRevenue('2026-01'), sqlRevenue('2026-02')]);
  });
});
