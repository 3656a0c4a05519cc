import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import type { Clock } from '../../core/context';
import { call } from '../../core/dispatch';
import { REPORT_TOTALS_VERSION, reportTotalsTrusted } from '../../core/reports/totals';
import { expectedFollowUpTotals, expectedOrderTotals, storedTotals } from '../support/report-totals-expected';
import { MIGRATIONS } from '../support/test-app';

/**
 * A new book's report totals are marked built as it opens (core/reports/totals.ts trustTotalsOfEmptyBook): its
 * totals are right while it holds no row, and the triggers keep them right from its first. Unmarked, the first
 * dashboard after a demo or an import rebuilt them from every row (24 s at 100k customers). A book that already
 * holds rows is never marked this way: what is stored may predate the triggers.
 */

const dirs: string[] = [];
const opened: OpenedApp[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clock that moves a second each time it is read: when the totals were marked says which read it was. */
function tickingClock(): Clock & { reads: () => number } {
  let reads = 0;
  return { now: () => new Date(Date.UTC(2026, 10, 23, 12, 0, reads++)), today: () => '2026-11-23', reads: () => reads };
}

function open(dbPath: string, clock: Clock = tickingClock()) {
  const app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock, checkOutput: true });
  opened.push(app);
  return app;
}

const newFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-totals-'));
  dirs.push(dir);
  return join(dir, 'book.sqlite');
};

const state = (app: OpenedApp) => app.db.$client.prepare(`SELECT version, time_zone AS zone, built_at AS builtAt FROM report_totals_state`).all() as { version: number; zone: string; builtAt: string }[];

describe('a new book\'s report totals', () => {
  it('are marked built as a new file opens, and a demo loaded into it then keeps them equal to the raw rows without a rebuild', async () => {
    const clock = tickingClock();
    const app = open(newFile(), clock);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const marked = state(app);
    expect(marked).toEqual([{ version: REPORT_TOTALS_VERSION, zone, builtAt: expect.any(String) }]);
    expect(reportTotalsTrusted(app.db)).toBe(true);

    await call(app.dispatch, 'workspace:loadDemo', { customers: 80, seed: 3 });
    const client = app.db.$client;
    expect(client.prepare(`SELECT count(*) FROM orders`).pluck().get()).toBeGreaterThan(0);
    expect(storedTotals(client, 'order_month_totals')).toEqual(expectedOrderTotals(client));
    expect(storedTotals(client, 'follow_up_month_totals')).toEqual(expectedFollowUpTotals(client));

    // The dashboard reads the totals as kept: no rebuild marks them again.
    const report = await call(app.dispatch, 'reports:evaluation', { scheme: 'pyramid', from: '2025-12-01', to: '2026-11-23' });
    expect(report.periods.length).toBe(12);
    expect(state(app)).toEqual(marked);
  });

  it('are not marked when the book holds rows the totals may not count: a file from before, opened again, still rebuilds', async () => {
    const file = newFile();
    const first = open(file);
    const { customer } = await call(first.dispatch, 'customers:create', { name: 'Before the totals', contacts: [] });
    await call(first.dispatch, 'orders:create', { customerId: customer.id, orderDate: '2026-11-02', amount: '120.00', currency: 'CNY' });
    // As a file whose orders were written before the totals existed: no state, and no total for its order.
    first.db.$client.exec(`DELETE FROM report_totals_state; DELETE FROM order_month_totals;`);
    first.close();
    opened.splice(opened.indexOf(first), 1);

    const again = open(file);
    expect(state(again)).toEqual([]);
    expect(reportTotalsTrusted(again.db)).toBe(false);
    // The report rebuilds them from the raw rows before it reads.
    await call(again.dispatch, 'reports:evaluation', { scheme: 'pyramid', from: '2025-12-01', to: '2026-11-23' });
    expect(reportTotalsTrusted(again.db)).toBe(true);
    expect(storedTotals(again.db.$client, 'order_month_totals')).toEqual(expectedOrderTotals(again.db.$client));
    expect(storedTotals(again.db.$client, 'order_month_totals')).toHaveLength(1);
  });

  it('an empty book marked in another time zone is marked in this one; a marked book opens without writing', () => {
    const file = newFile();
    const first = open(file);
    first.db.$client.prepare(`UPDATE report_totals_state SET time_zone = 'Antarctica/Troll'`).run();
    first.close();
    opened.splice(opened.indexOf(first), 1);

    const second = open(file);
    expect(state(second).map((s) => s.zone)).toEqual([Intl.DateTimeFormat().resolvedOptions().timeZone]);
    const marked = state(second);
    second.close();
    opened.splice(opened.indexOf(second), 1);

    const third = open(file);
    expect(state(third)).toEqual(marked);
    expect(third.db.$client.prepare(`SELECT count(*) FROM report_totals_state`).pluck().get()).toBe(1);
  });
});
