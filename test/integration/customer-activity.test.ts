import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activitiesInSlices, loadActivities, rebuildCustomerActivity } from '../../db/repos/customer-activity';
import { loadSegmentCustomers, segmentPopulationInSlices, type SegmentCustomer } from '../../db/repos/segmentation';
import { localDateOf } from '../../shared/domain/dates';
import { buildConfig, segmentActivity, segmentAll, type ActivityTable, type EngineFollowUp, type EngineOrder } from '../../shared/segmentation';
import { loadHistories } from '../../core/prediction/histories';
import { windowMetrics } from '../../core/segmentation/window-metrics';
import { followChanges, loadAll } from '../../core/segmentation/loaded';
import { applyWrite, writeOp, type WriteOp } from '../support/random-writes';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';
import { dayNumberByDate, foldedActivity, storedActivityRows } from '../support/activity-expected';
import { activityTriggerSql } from '../../db/activity-sql';

/**
 * customer_activity (one row per customer, kept by triggers: db/activity-sql.ts) must always equal what
 * JavaScript folds from the raw rows here; and everything read from it — the engine's classes and
 * explanations, the lists' window figures, the prediction's histories — must equal the same figures
 * computed from the raw orders and follow-ups (the engine's raw-row entry point, plain SQL).
 */
let app: TestApp;
const customers: string[] = [];
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  for (const name of ['A', 'B', 'C', 'D']) customers.push((await app.call('customers:create', { name: `Customer ${name}`, contacts: [] })).customer.id);
});
afterAll(() => app.cleanup());

const raw = () => app.db.$client;
const apply = (o: WriteOp) => applyWrite(raw(), customers, o);

const expectedActivity = () => foldedActivity(raw());
const storedActivity = () => storedActivityRows(raw());

const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));

function rawEngineRows(): { orders: EngineOrder[]; followUps: EngineFollowUp[] } {
  const orders = raw()
    .prepare(`SELECT customer_id AS customerId, order_date AS date, base_amount_minor AS baseAmountMinor, kind, base_cost_minor AS baseCostMinor FROM orders WHERE deleted_at IS NULL`)
    .all() as EngineOrder[];
  const followUps = (
    raw().prepare(`SELECT customer_id AS customerId, occurred_at AS occurredAt, intent, satisfaction FROM follow_ups WHERE deleted_at IS NULL`).all() as Omit<EngineFollowUp, 'date'>[]
  ).map((f) => ({ ...f, date: localDateOf(new Date(f.occurredAt)) }));
  return { orders, followUps };
}

const AS_OF = ['2025-12-30', '2026-01-01', '2026-01-20', '2026-02-01', '2026-03-15', '2026-11-23'];
const WINDOWS = [{ kind: 'all' as const }, { kind: 'days' as const, days: 1 }, { kind: 'days' as const, days: 31 }, { kind: 'days' as const, days: 365 }];

describe('customer activity kept by triggers', () => {
  it('the migration holds exactly the triggers db/activity-sql.ts prints', () => {
    expect(readFileSync(join(MIGRATIONS, '0022_customer_activity_triggers.sql'), 'utf8')).toBe(activityTriggerSql());
  });

  it('equals what the raw rows fold to after any sequence of writes, and the rebuild agrees', () => {
    fc.assert(
      fc.property(fc.array(writeOp, { minLength: 1, maxLength: 40 }), (ops) => {
        raw().prepare(`DELETE FROM orders`).run();
        raw().prepare(`DELETE FROM follow_ups`).run();
        expect(storedActivity().size).toBe(0);
        for (const o of ops) apply(o);
        const expected = sorted(expectedActivity());
        expect(sorted(storedActivity())).toEqual(expected);
        rebuildCustomerActivity(app.db);
        expect(sorted(storedActivity())).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('each row changes its rev when it changes, and only then', () => {
    apply({ t: 'insertOrder', customer: 0, day: '2026-01-15', sale: true, amount: 500, cost: null, deleted: false });
    const revOf = (id: string) => raw().prepare(`SELECT rev FROM customer_activity WHERE customer_id = ?`).pluck().get(id) as number;
    const before = revOf(customers[0]!);
    apply({ t: 'insertOrder', customer: 1, day: '2026-01-15', sale: true, amount: 700, cost: 100, deleted: false });
    expect(revOf(customers[1]!)).toBeGreaterThan(before);
    expect(revOf(customers[0]!)).toBe(before);
    const id = raw().prepare(`SELECT id FROM orders WHERE customer_id = ? LIMIT 1`).pluck().get(customers[0]) as string;
    raw().prepare(`UPDATE orders SET note = 'not read by the engine' WHERE id = ?`).run(id);
    expect(revOf(customers[0]!)).toBe(before);
  });

  it('the engine reading the rows gives the classes and explanations it gives reading the raw orders and follow-ups', () => {
    fc.assert(
      fc.property(fc.array(writeOp, { minLength: 1, maxLength: 40 }), fc.constantFrom(...AS_OF), fc.constantFrom(...WINDOWS), (ops, asOf, window) => {
        raw().prepare(`DELETE FROM orders`).run();
        raw().prepare(`DELETE FROM follow_ups`).run();
        for (const o of ops) apply(o);
        const people = loadSegmentCustomers(app.db);
        const indexOf = new Map(people.map((c, i) => [c.id, i]));
        const activities = loadActivities(app.db, indexOf);
        const config = buildConfig({ asOf, window });
        const { orders, followUps } = rawEngineRows();
        const fromRaw = segmentAll(people, orders, followUps, config);
        const { result: fromRows, run } = segmentActivity(people, activities, config);
        expect(fromRows.classKeys).toEqual(fromRaw.classKeys);
        expect(fromRows.schemes).toEqual(fromRaw.schemes);
        expect(fromRows.window).toEqual(fromRaw.window);
        for (const id of customers) {
          const a = fromRows.customers.get(id)!;
          const b = fromRaw.customers.get(id)!;
          expect(a.metrics).toEqual(b.metrics);
          expect(JSON.parse(JSON.stringify(a.assignments))).toEqual(JSON.parse(JSON.stringify(b.assignments)));
        }
        // The lists' window figures against plain SQL over the raw rows.
        const metrics = windowMetrics(run.pop, activities);
        const start = fromRows.window.start ?? '0000-01-01';
        for (const [i, id] of customers.entries()) {
          const k = indexOf.get(id)!;
          const sums = raw()
            .prepare(
              `SELECT coalesce(sum(base_amount_minor), 0), coalesce(sum(kind = 'sale'), 0) FROM orders WHERE customer_id = ? AND deleted_at IS NULL AND order_date BETWEEN ? AND ?`,
            )
            .raw()
            .get(id, start, asOf) as [number, number];
          expect([metrics.revenue[k], metrics.orderCount[k]], `customer ${i}`).toEqual(sums);
          const lastSale = raw().prepare(`SELECT max(order_date) FROM orders WHERE customer_id = ? AND deleted_at IS NULL AND kind = 'sale' AND order_date <= ?`).pluck().get(id, asOf);
          expect(metrics.lastOrderDate[k]).toBe(lastSale);
          const days = followUps.filter((f) => f.customerId === id && f.date <= asOf).map((f) => f.date);
          expect(metrics.followUpCount[k]).toBe(days.filter((d) => d >= start).length);
          expect(metrics.lastContactDate[k]).toBe(days.length ? days.sort().at(-1) : null);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the prediction reads the same histories from the rows as plain SQL computes from the raw orders', () => {
    const HISTORY_SQL = `
      WITH live AS (SELECT customer_id AS id, order_date AS day, kind, base_amount_minor AS amount FROM orders WHERE deleted_at IS NULL AND order_date <= @asOf),
      days AS (SELECT id, day, SUM(amount) AS value FROM live WHERE kind = 'sale' GROUP BY id, day),
      returned AS (SELECT id, -SUM(amount) AS value FROM live WHERE kind = 'return' GROUP BY id)
      SELECT d.id, COUNT(*) AS purchases, MIN(d.day) AS first, MAX(d.day) AS last, SUM(d.value) AS total,
        (SELECT value FROM days f WHERE f.id = d.id ORDER BY f.day LIMIT 1) AS firstValue, coalesce((SELECT value FROM returned r WHERE r.id = d.id), 0) AS returned
      FROM days d GROUP BY d.id ORDER BY d.id`;
    fc.assert(
      fc.property(fc.array(writeOp, { minLength: 1, maxLength: 40 }), fc.constantFrom(...AS_OF), fc.nat(4), fc.option(writeOp), (ops, asOf, archived, after) => {
        raw().prepare(`DELETE FROM orders`).run();
        raw().prepare(`UPDATE customers SET archived_at = NULL`).run();
        // Every customer has bought on two days before the random writes, so each has a history to fold.
        for (const [customer] of customers.entries()) {
          for (const day of ['2025-12-31', '2026-01-15']) apply({ t: 'insertOrder', customer, day, sale: true, amount: 1000 + customer, cost: null, deleted: false });
        }
        for (const o of ops) apply(o);
        // An archived customer is out of the tiers' population but still predicted.
        if (archived < customers.length) raw().prepare(`UPDATE customers SET archived_at = '2026-11-01T00:00:00.000Z' WHERE id = ?`).run(customers[archived]);
        // The rows as the tiers hold them; a write after it (when there is one) makes them stale.
        const loaded = loadAll(app.db);
        const parsed = { ids: loaded.customers.map((c) => c.id), activities: loaded.activities, rev: loaded.rev };
        if (after) apply(after);
        const rows = raw().prepare(HISTORY_SQL).all({ asOf }) as { id: string; purchases: number; first: string; last: string; total: number; firstValue: number; returned: number }[];
        const end = dayNumberByDate(asOf);
        const expected = rows.map((r) => {
          const kept = r.returned <= 0 || r.total <= 0 ? 1 : Math.min(1, Math.max(0, (r.total - r.returned) / r.total));
          const x = r.purchases - 1;
          const first = dayNumberByDate(r.first);
          return { id: r.id, x, tx: dayNumberByDate(r.last) - first, T: end - first, repeatMeanValue: x > 0 ? ((r.total - r.firstValue) * kept) / x : 0, meanValue: (r.total * kept) / r.purchases };
        });
        expect(loadHistories(app.db, asOf)).toEqual(expected);
        expect(loadHistories(app.db, asOf, 'day', parsed)).toEqual(expected);
        // The same rows brought up to date as the app follows writes: the changed customers read from their own columns.
        const followed = followChanges(app.db, loaded);
        if (followed) {
          const current = { ids: followed.loaded.customers.map((c) => c.id), activities: followed.loaded.activities, rev: followed.loaded.rev };
          expect(loadHistories(app.db, asOf, 'day', current)).toEqual(expected);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('repair', () => {
  it('rebuilds rows that were tampered with, says how many differed, and leaves right rows as they were', async () => {
    raw().prepare(`DELETE FROM orders`).run();
    raw().prepare(`DELETE FROM follow_ups`).run();
    for (const [k, day] of ['2026-01-15', '2026-02-01', '2026-03-01'].entries()) apply({ t: 'insertOrder', customer: k, day, sale: true, amount: 1000 + k, cost: null, deleted: false });
    const clean = await app.call('workspace:repair', {});
    expect(clean.activityRowsDiffering).toBe(0);
    expect(clean.activityRows).toBe(3);
    raw().prepare(`UPDATE customer_activity SET orders = '[]' WHERE customer_id = ?`).run(customers[1]);
    raw().prepare(`DELETE FROM customer_activity WHERE customer_id = ?`).run(customers[2]);
    const repaired = await app.call('workspace:repair', {});
    expect(repaired.activityRowsDiffering).toBe(2);
    expect(sorted(storedActivity())).toEqual(sorted(expectedActivity()));
  });
});

describe('customer activity after the app writes', () => {
  it("gives the lists' window figures plain SQL gives, for every customer of the demo, before and after writes are followed", async () => {
    const demo = openTestApp('2026-11-23');
    try {
      await demo.call('workspace:loadDemo', { customers: 300 });
      const db = demo.db.$client;
      const expectFiguresOf = (people: SegmentCustomer[], activities: ActivityTable, asOf: string) => {
        const { result, run } = segmentActivity(people, activities, buildConfig({ asOf, window: { kind: 'days', days: 365 } }));
        const metrics = windowMetrics(run.pop, activities);
        const start = result.window.start!;
        let withSales = 0;
        for (const [k, customer] of people.entries()) {
          const [revenue, sales, lastSale] = db
            .prepare(
              `SELECT coalesce(sum(CASE WHEN order_date >= ? THEN base_amount_minor END), 0), coalesce(sum(kind = 'sale' AND order_date >= ?), 0),
                 max(CASE WHEN kind = 'sale' THEN order_date END)
               FROM orders WHERE customer_id = ? AND deleted_at IS NULL AND order_date <= ?`,
            )
            .raw()
            .get(start, start, customer.id, asOf) as [number, number, string | null];
          if (lastSale !== null) withSales++;
          const contactDays = (db.prepare(`SELECT occurred_at FROM follow_ups WHERE customer_id = ? AND deleted_at IS NULL`).pluck().all(customer.id) as string[])
            .map((at) => localDateOf(new Date(at)))
            .filter((day) => day <= asOf)
            .sort();
          expect([metrics.revenue[k], metrics.orderCount[k], metrics.lastOrderDate[k]], customer.id).toEqual([revenue, sales, lastSale]);
          expect([metrics.followUpCount[k], metrics.lastContactDate[k]], customer.id).toEqual([contactDays.filter((d) => d >= start).length, contactDays.at(-1) ?? null]);
        }
        // Most demo customers have bought by then: the last purchase is checked on real histories.
        expect(withSales).toBeGreaterThan(people.length / 2);
      };
      const loaded = loadAll(demo.db);
      for (const asOf of ['2026-11-23', '2026-06-30']) expectFiguresOf(loaded.customers, loaded.activities, asOf);
      // Writes to a few customers, followed as the app follows them: their rows are read again and kept
      // beside everyone's columns, which the figures must read through.
      const touched = loaded.customers.filter((_, k) => k % 97 === 3).map((c) => c.id);
      for (const [n, customerId] of touched.entries()) {
        await demo.call('orders:create', { customerId, orderDate: '2026-11-20', amount: `${100 + n}.00`, currency: 'CNY' });
        await demo.call('followups:create', { customerId, channel: 'call', content: 'checked', occurredAt: '2026-11-22T09:30:00.000Z', intent: 'interested' });
      }
      const followed = followChanges(demo.db, loaded)!;
      expect(followed.changes.map((c) => c.customer.id).sort()).toEqual([...touched].sort());
      expect(followed.loaded.activities.changed.size).toBe(touched.length);
      expectFiguresOf(followed.loaded.customers, followed.loaded.activities, '2026-11-23');
    } finally {
      demo.cleanup();
    }
  });

  it('matches the raw rows after the demo load, a merge and its undo', async () => {
    const other = openTestApp('2026-11-23');
    try {
      await other.call('workspace:loadDemo', { customers: 300 });
      const fold = (): [ReturnType<typeof sorted>, ReturnType<typeof sorted>] => {
        const saved = app;
        app = other;
        try {
          return [sorted(expectedActivity()), sorted(storedActivity())];
        } finally {
          app = saved;
        }
      };
      let [expected, stored] = fold();
      expect(expected.length).toBeGreaterThan(200);
      expect(stored).toEqual(expected);
      const [keep, gone] = other.db.$client.prepare(`SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 2 LIMIT 2`).pluck().all() as string[];
      const merged = await other.call('customers:merge', { keepId: keep!, mergeIds: [gone!], fields: {} });
      [expected, stored] = fold();
      expect(stored).toEqual(expected);
      expect(expected.find(([id]) => id === gone)).toBeUndefined();
      await other.call('customers:unmerge', { mergeId: merged.mergeId });
      [expected, stored] = fold();
      expect(stored).toEqual(expected);
      expect(expected.find(([id]) => id === gone)).toBeDefined();
    } finally {
      other.cleanup();
    }
  });
});

describe('reading in slices', () => {
  it('gives exactly the one-shot read, in as many steps as slices, whatever the slice size', async () => {
    const demo = openTestApp('2026-11-23');
    try {
      await demo.call('workspace:loadDemo', { customers: 300 });
      // A hole in the rowids and a customer without a row: the stretches must step over both.
      demo.db.$client.prepare(`DELETE FROM customer_activity WHERE rowid IN (SELECT rowid FROM customer_activity ORDER BY rowid LIMIT 1 OFFSET 40)`).run();
      const whole = loadSegmentCustomers(demo.db);
      const indexOf = new Map(whole.map((c, i) => [c.id, i]));
      const activities = loadActivities(demo.db, indexOf);
      const rows = demo.db.$client.prepare(`SELECT count(*) FROM customer_activity`).pluck().get() as number;
      for (const slice of [1, 7, 64, 299, 300, 301, 10_000]) {
        const drain = <T>(steps: Generator<void, T, void>) => {
          let yields = 0;
          for (;;) {
            const next = steps.next();
            if (next.done) return { value: next.value, yields };
            yields++;
          }
        };
        const customers = drain(segmentPopulationInSlices(demo.db, slice));
        expect(customers.value.customers, `customers by ${slice}`).toEqual(whole);
        expect(customers.value.indexOf, `positions by ${slice}`).toEqual(indexOf);
        // One turn per full slice of ids, one after them, one after their positions, one per full slice of
        // rows and one after the last, then one between slices of customers made.
        const n = whole.length;
        expect(customers.yields, `customer slices of ${slice}`).toBe(Math.floor(n / slice) + 2 + Math.floor(n / slice) + 1 + Math.ceil(n / slice) - 1);
        // Untimed, and with no time at all: then every stretch ends at the first look at the clock (after 256
        // rows read, 250 customers parsed).
        for (const budgetMs of [Infinity, 0]) {
          const read = drain(activitiesInSlices(demo.db, indexOf, slice, budgetMs));
          expect(read.value, `activities by ${slice} in ${budgetMs} ms`).toEqual(activities);
          const rowsPerStretch = budgetMs === 0 ? Math.min(slice, 256) : slice;
          const parsedPerStretch = budgetMs === 0 ? Math.min(slice, 5_000, 250) : Math.min(slice, 5_000);
          // One turn per full stretch of rows and one after the last, one after the columns are sized, then one
          // between stretches of customers parsed (at most 5,000 each).
          expect(read.yields, `activity slices of ${slice} in ${budgetMs} ms`).toBe(Math.floor(rows / rowsPerStretch) + 2 + Math.ceil(n / parsedPerStretch) - 1);
        }
      }
    } finally {
      demo.cleanup();
    }
  });
});
