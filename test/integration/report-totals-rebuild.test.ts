import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { rebuildReportTotals, reportTotalsTrusted } from '../../core/reports/totals';
import { rebuildReportTotalsInSteps, trustedTotalsInTurns } from '../../core/reports/totals-rebuild';
import { warmReports } from '../../core/reports/warm-up';
import { expectedFollowUpTotals, expectedOrderTotals, storedTotals } from '../support/report-totals-expected';
import { applyWrite, writeOp, type WriteOp } from '../support/random-writes';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

/**
 * Report totals that cannot be trusted (another time zone, a new version of their rules) are rebuilt a
 * month of one range of customers per step (core/reports/totals-rebuild.ts), while other calls write in
 * between. Whatever lands between the steps, the tables at the end must equal a recomputation from the raw
 * rows written here (plain SQL for orders, JavaScript's local month for follow-ups), stale cells must go,
 * and a report opened meanwhile must wait for the rebuild without holding the event loop.
 */
let app: TestApp;
const customers: string[] = [];
const raw = () => app.db.$client;
const apply = (o: WriteOp) => applyWrite(raw(), customers, o);
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  for (const name of ['A', 'B', 'C', 'D']) customers.push((await app.call('customers:create', { name: `Customer ${name}`, contacts: [] })).customer.id);
});
afterAll(() => app.cleanup());

const stored = (table: 'order_month_totals' | 'follow_up_month_totals') => storedTotals(raw(), table);
const monthIndex = (yyyyMm: string) => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;

/** Totals made wrong the ways an untrusted table can be: sums off, a cell missing, cells no row stands behind. */
function spoil(): void {
  raw().prepare(`UPDATE order_month_totals SET revenue_minor = revenue_minor + 7, sales = sales + 1`).run();
  raw().prepare(`DELETE FROM follow_up_month_totals WHERE rowid IN (SELECT rowid FROM follow_up_month_totals LIMIT 1)`).run();
  raw()
    .prepare(`INSERT OR REPLACE INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale) VALUES (?, ?, 999, 1, 0, 0, 0, 0, '2019-05-02')`)
    .run(monthIndex('2019-05'), customers[1]);
  raw()
    .prepare(`INSERT OR REPLACE INTO follow_up_month_totals (month, customer_id, follow_ups, satisfaction_sum, satisfaction_count, last_at) VALUES (?, ?, 3, 0, 0, '2031-01-01T00:00:00.000Z')`)
    .run(monthIndex('2031-01'), customers[2]);
  raw().prepare(`UPDATE report_totals_state SET time_zone = 'Antarctica/Troll'`).run();
}

describe('the report totals rebuilt a slice per turn', () => {
  it('equal the raw rows at the end, whatever is written between the slices, for any range size', () => {
    fc.assert(
      fc.property(fc.array(writeOp, { minLength: 3, maxLength: 25 }), fc.array(writeOp, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (before, between, perRange) => {
        raw().prepare(`DELETE FROM orders`).run();
        raw().prepare(`DELETE FROM follow_ups`).run();
        for (const o of before) apply(o);
        spoil();
        expect(reportTotalsTrusted(app.db)).toBe(false);
        const steps = rebuildReportTotalsInSteps(app.db, () => '2026-11-23T00:00:00.000Z', perRange);
        let written = 0;
        for (let next = steps.next(); !next.done; next = steps.next()) if (written < between.length) apply(between[written++]!);
        expect(reportTotalsTrusted(app.db)).toBe(true);
        expect(stored('order_month_totals')).toEqual(expectedOrderTotals(raw()));
        expect(stored('follow_up_month_totals')).toEqual(expectedFollowUpTotals(raw()));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the tables the rebuild at once gives, and counts the cells it wrote', () => {
    for (const o of fc.sample(writeOp, { numRuns: 30, seed: 7 })) apply(o);
    rebuildReportTotals(app.db);
    const orders = stored('order_month_totals');
    const followUps = stored('follow_up_month_totals');
    spoil();
    const steps = rebuildReportTotalsInSteps(app.db, () => '2026-11-23T00:00:00.000Z', 2);
    let next = steps.next();
    let turns = 0;
    for (; !next.done; next = steps.next()) turns++;
    expect(turns).toBeGreaterThan(2);
    expect(stored('order_month_totals')).toEqual(orders);
    expect(stored('follow_up_month_totals')).toEqual(followUps);
    expect(next.value).toEqual({ orderMonths: orders.length, followUpMonths: followUps.length });
  });
});

describe('a report opened while the totals cannot be trusted', () => {
  it('waits for one rebuild in turns, shared by callers arriving together, while other calls are answered', async () => {
    for (const o of fc.sample(writeOp, { numRuns: 40, seed: 11 })) apply(o);
    spoil();
    const fresh = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-23') });
    try {
      const input = { scheme: 'pyramid', from: '2025-12-01', to: '2026-03-31', period: 'month' as const };
      const opening = call(fresh.dispatch, 'reports:evaluation', input);
      // Asked right after: answered while the rebuild is still under way (rebuilt at once, it would be done).
      await call(fresh.dispatch, 'settings:get', {});
      expect(reportTotalsTrusted(fresh.db)).toBe(false);
      // Whoever asks meanwhile waits for the same rebuild.
      expect(trustedTotalsInTurns(fresh.db)).toBe(trustedTotalsInTurns(fresh.db));
      const report = await opening;
      expect(reportTotalsTrusted(fresh.db)).toBe(true);
      expect(stored('order_month_totals')).toEqual(expectedOrderTotals(raw()));
      expect(stored('follow_up_month_totals')).toEqual(expectedFollowUpTotals(raw()));
      // The figures of a report on totals rebuilt at once, on another connection.
      spoil();
      rebuildReportTotals(app.db);
      const atOnce = await app.call('reports:evaluation', input);
      expect({ ...report, elapsedMs: 0 }).toEqual({ ...atOnce, elapsedMs: 0 });
    } finally {
      fresh.close();
    }
  });

  it('the warm-up after start rebuilds them in turns, then warms the months, instead of leaving them to the first report', async () => {
    spoil();
    const fresh = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-23') });
    try {
      const result = await warmReports(fresh.db, { today: '2026-11-23', months: 3 }).done;
      expect(result.skipped).toBeUndefined();
      expect(result.read).toBeGreaterThan(0);
      expect(reportTotalsTrusted(fresh.db)).toBe(true);
      expect(stored('order_month_totals')).toEqual(expectedOrderTotals(raw()));
      expect(stored('follow_up_month_totals')).toEqual(expectedFollowUpTotals(raw()));
    } finally {
      fresh.close();
    }
  });

  it('stops quietly when the connection closes during the rebuild', async () => {
    spoil();
    const fresh = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-23') });
    const rebuilt = trustedTotalsInTurns(fresh.db);
    fresh.close();
    await expect(rebuilt).resolves.toBeUndefined();
    expect(reportTotalsTrusted(app.db)).toBe(false);
    rebuildReportTotals(app.db);
  });
});
