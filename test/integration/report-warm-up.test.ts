import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { followUpMonths, orderMonths, warmMonth, warmMonthInSteps, type MonthlyActivity } from '../../core/reports/activity';
import { runSteps } from '../../shared/domain/steps';
import { monthIndexOf } from '../../core/reports/periods';
import { WARM_MONTHS, warmDays, warmReports } from '../../core/reports/warm-up';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

/**
 * The start-up warm-up (core/reports/warm-up.ts) fills the report's month memory so that the first
 * dashboard open reads nothing; what it keeps must be what a cold read on a fresh connection returns,
 * and a write landing between two of its steps must not be lost.
 */
const TODAY = '2026-11-23';
const YEAR = { scheme: 'pyramid', from: '2025-12-01', to: '2026-11-30', period: 'month' as const };
const LAST = monthIndexOf(TODAY);
const FIRST = LAST - WARM_MONTHS + 1;

let app: TestApp;
const opened: OpenedApp[] = [];
/** Another connection on the same file with nothing in memory: the app just started. */
function started(): OpenedApp {
  const other = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
  opened.push(other);
  return other;
}

/** Every row as [customer id, month, …columns], sorted: two reads compared whatever order they interned ids in. */
function rowsOf(activity: MonthlyActivity<{ length: number }>): string[] {
  const columns = Object.entries(activity.rows as unknown as Record<string, ArrayLike<number>>).filter(([key]) => key !== 'length' && key !== 'customer');
  const customer = (activity.rows as unknown as { customer: Int32Array }).customer;
  const out: string[] = [];
  for (let i = 0; i < activity.rows.length; i++) out.push([activity.customerIds[customer[i]!], ...columns.map(([key, column]) => `${key}=${column[i]}`)].join('|'));
  return out.sort();
}

/** A sale (or a follow-up) in a given month, written through raw SQL on any connection, so the triggers see it. */
function writeOrder(on: OpenedApp, id: string, day: string, amount: number) {
  const customer = on.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as string;
  on.db.$client
    .prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor) VALUES (?, ?, ?, ?, ?, ?, 'CNY', 1, 'CNY', ?)`)
    .run(id, TODAY, TODAY, customer, day, amount, amount);
}
function writeFollowUp(on: OpenedApp, id: string, at: string) {
  const customer = on.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1`).pluck().get() as string;
  on.db.$client
    .prepare(`INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, content, satisfaction) VALUES (?, ?, ?, ?, ?, 'call', 'warm-up test', 4)`)
    .run(id, TODAY, TODAY, customer, at);
}

const report = (on: OpenedApp) => call(on.dispatch, 'reports:evaluation', YEAR).then(({ elapsedMs: _elapsed, ...figures }) => figures);

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { seed: 3, customers: 150, history: true });
  // The totals are built once (a report does it on a database that never had them); the warm-up reads them.
  await app.call('reports:evaluation', YEAR);
}, 120_000);
afterAll(() => {
  opened.forEach((other) => other.close());
  app?.cleanup();
});

describe('warming the report months after start-up', () => {
  it('keeps what a cold read returns, and the first open after it reads no month', async () => {
    const warmed = started();
    const result = await warmReports(warmed.db, { today: TODAY }).done;
    expect(result.skipped).toBeUndefined();
    // The months, the history, then the classes on each day a year by month reads: the 24 month starts
    // from December 2024 (the year before included), the 11 month ends from December 2025, and today.
    expect(warmDays(TODAY)).toHaveLength(24 + 11 + 1);
    expect([warmDays(TODAY)[0], warmDays(TODAY)[23], warmDays(TODAY)[24], warmDays(TODAY).at(-1)]).toEqual(['2024-12-01', '2026-11-01', '2025-12-31', TODAY]);
    expect(result.steps).toBe(WARM_MONTHS * 2 + 1 + warmDays(TODAY).length);
    expect(result.read).toBeGreaterThan(0);
    // Nothing is left to read: every month of both sources is kept at its current counter.
    for (let month = FIRST; month <= LAST; month++) {
      expect(warmMonth(warmed.db, 'orders', month)).toBe(false);
      expect(warmMonth(warmed.db, 'follow_ups', month)).toBe(false);
    }
    const cold = started();
    expect(rowsOf(orderMonths(warmed.db, FIRST, LAST))).toEqual(rowsOf(orderMonths(cold.db, FIRST, LAST)));
    expect(rowsOf(followUpMonths(warmed.db, FIRST, LAST))).toEqual(rowsOf(followUpMonths(cold.db, FIRST, LAST)));
    // The orders really are there (the comparison above is not of two empty reads).
    const sales = app.db.$client.prepare(`SELECT count(*) FROM orders WHERE deleted_at IS NULL AND order_date >= '2024-09-01'`).pluck().get() as number;
    expect(sales).toBeGreaterThan(0);
    expect(orderMonths(warmed.db, FIRST, LAST).rows.length).toBeGreaterThan(0);
    expect(await report(warmed)).toEqual(await report(started()));
  });

  it('reads again a month written between its steps, on its own connection or another', async () => {
    const warmed = started();
    const writer = started();
    let turn = 0;
    // Turn 1 comes before the first step; steps go newest month first, orders then follow-ups. By turn 6
    // this month and the previous one are warm; the writes land in both, one here and one elsewhere.
    const done = warmReports(warmed.db, {
      today: TODAY,
      betweenSteps: async () => {
        turn++;
        if (turn === 6) {
          writeOrder(warmed, 'warm-up-order-1', '2026-11-02', 123_456);
          writeOrder(writer, 'warm-up-order-2', '2026-10-30', 654_321);
          writeFollowUp(writer, 'warm-up-follow-up-1', '2026-11-03T04:00:00.000Z');
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    }).done;
    await done;
    const cold = started();
    const warmOrders = rowsOf(orderMonths(warmed.db, FIRST, LAST));
    expect(warmOrders).toEqual(rowsOf(orderMonths(cold.db, FIRST, LAST)));
    expect(rowsOf(followUpMonths(warmed.db, FIRST, LAST))).toEqual(rowsOf(followUpMonths(cold.db, FIRST, LAST)));
    // The written amounts are in what the warmed connection hands the report.
    const revenueOf = (month: number) => {
      const months = orderMonths(warmed.db, month, month);
      return months.rows.revenue.reduce((sum, value) => sum + value, 0);
    };
    const expected = (from: string, to: string) => app.db.$client.prepare(`SELECT total(base_amount_minor) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ?`).pluck().get(from, to) as number;
    expect(revenueOf(LAST)).toBe(expected('2026-11-01', '2026-11-30'));
    expect(revenueOf(LAST - 1)).toBe(expected('2026-10-01', '2026-10-31'));
    expect(await report(warmed)).toEqual(await report(started()));
  });

  it('a report asked for while warming takes what is warm and reads the rest', async () => {
    const warmed = started();
    let turn = 0;
    let during: unknown;
    const done = warmReports(warmed.db, {
      today: TODAY,
      betweenSteps: async () => {
        if (++turn === 10) during = await report(warmed);
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    }).done;
    await done;
    expect(during).toEqual(await report(started()));
  });

  it('reads a month a slice per turn into what one read gives, whatever the slice size', () => {
    for (const rowsPerStep of [1, 2, 7, 10_000]) {
      const warmed = started();
      for (let month = FIRST; month <= LAST; month++) {
        const orders = warmMonthInSteps(warmed.db, 'orders', month, rowsPerStep);
        let turns = 0;
        while (!orders.next().done) turns++;
        const rows = app.db.$client.prepare(`SELECT count(*) FROM order_month_totals WHERE month = ?`).pluck().get(month) as number;
        // A turn after each full slice: the last slice is the first one shorter than a full slice.
        expect(turns, `month ${month} by ${rowsPerStep}`).toBe(Math.floor(rows / rowsPerStep));
        expect(runSteps(warmMonthInSteps(warmed.db, 'follow_ups', month, rowsPerStep))).toBe(true);
      }
      // Kept: nothing is read again, and what is kept is what a cold connection reads.
      expect(warmMonth(warmed.db, 'orders', LAST)).toBe(false);
      const cold = started();
      expect(rowsOf(orderMonths(warmed.db, FIRST, LAST))).toEqual(rowsOf(orderMonths(cold.db, FIRST, LAST)));
      expect(rowsOf(followUpMonths(warmed.db, FIRST, LAST))).toEqual(rowsOf(followUpMonths(cold.db, FIRST, LAST)));
    }
  });

  it('reads a month again when an order lands between two of its slices', () => {
    const warmed = started();
    const month = monthIndexOf('2026-11-01');
    const steps = warmMonthInSteps(warmed.db, 'orders', month, 2);
    steps.next();
    writeOrder(started(), 'warm-up-order-between-slices', '2026-11-05', 777_000);
    runSteps(steps);
    const cold = started();
    expect(rowsOf(orderMonths(warmed.db, month, month))).toEqual(rowsOf(orderMonths(cold.db, month, month)));
    const revenue = orderMonths(warmed.db, month, month).rows.revenue.reduce((sum, value) => sum + value, 0);
    expect(revenue).toBe(app.db.$client.prepare(`SELECT total(base_amount_minor) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN '2026-11-01' AND '2026-11-30'`).pluck().get());
  });

  it('opened cold, the report makes its reads in steps and other calls are answered meanwhile', async () => {
    const cold = started();
    // Turns of the event loop taken while the report is under way: each is a moment another call is answered in.
    let turns = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const pending = report(cold);
    // Asked after the report, answered while it reads.
    const settings = call(cold.dispatch, 'settings:get', {});
    const figures = await pending;
    counting = false;
    expect(await settings).toMatchObject({ baseCurrency: 'CNY' });
    // The history read before its first slice and before its customers are indexed, at the least.
    expect(turns).toBeGreaterThanOrEqual(2);
    // The same figures as a connection that read everything some other way: warmed, then opened.
    const warmed = started();
    await warmReports(warmed.db, { today: TODAY }).done;
    expect(figures).toEqual(await report(warmed));
    // And a second open on the same connection reads nothing again and gives the same.
    expect(await report(cold)).toEqual(figures);
  });

  it('a write landing while a cold report reads ahead is in its figures', async () => {
    const cold = started();
    const pending = report(cold);
    // On the report's first turn, an order on another connection in a month it reads.
    await new Promise<void>((resolve) => setImmediate(resolve));
    writeOrder(started(), 'cold-report-order', '2026-10-12', 424_242);
    const figures = await pending;
    expect(figures).toEqual(await report(started()));
    const revenue = (figures as { periods: { start: string; total: { revenueMinor: number } }[] }).periods.find((p) => p.start === '2026-10-01')!.total.revenueMinor;
    expect(revenue).toBe(app.db.$client.prepare(`SELECT total(base_amount_minor) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN '2026-10-01' AND '2026-10-31'`).pluck().get());
  });

  it('stops when asked and when the database closes', async () => {
    const warmed = started();
    const warmUp = warmReports(warmed.db, { today: TODAY });
    warmUp.stop();
    expect((await warmUp.done).skipped).toBe('stopped');
    const closing = started();
    let turn = 0;
    const result = await warmReports(closing.db, {
      today: TODAY,
      betweenSteps: async () => {
        if (++turn === 3) closing.db.$client.close();
      },
    }).done;
    expect(result).toMatchObject({ skipped: 'closed', steps: 2 });
  });
});
