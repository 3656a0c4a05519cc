import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { revenueBetweenInSteps } from '../../core/reports/revenue-between';
import { tierTimeline } from '../../core/reports/timeline';
import { runSteps } from '../../shared/domain/steps';
import type { Channel, InputOf } from '../../shared/contract';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

/**
 * The migration matrix and its members are made a step per turn (core/reports/migration.ts): the revenue
 * over the range from the kept month totals and, for part-months, from the orders a slice per turn
 * (core/reports/revenue-between.ts). Whatever the slice size it must equal plain SQL; an order written
 * between two slices must be in the figures; and the matrix opened on a connection that has read nothing
 * yet must let other calls through.
 */
const TODAY = '2026-11-23';
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { seed: 5, customers: 150, history: true });
  await app.call('segments:recompute', {});
}, 120_000);
afterAll(() => app?.cleanup());

/** Net revenue per customer over from…to, summed per order by a correlated subquery (not the report's queries). */
function revenueBySql(from: string, to: string): Map<string, number> {
  const rows = app.db.$client
    .prepare(
      `SELECT c.id, (SELECT total(o.base_amount_minor) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.order_date >= ? AND o.order_date <= ?)
       FROM customers c`,
    )
    .raw()
    .all(from, to) as [string, number][];
  return new Map(rows.filter(([, sum]) => sum !== 0));
}

function revenueByTimeline(revenue: Float64Array): Map<string, number> {
  const timeline = tierTimeline(app.db, 'pyramid');
  const out = new Map<string, number>();
  revenue.forEach((sum, k) => sum !== 0 && out.set(timeline.customerIds[k]!, sum));
  return out;
}

/** The SQL figures of the customers the timeline counts (those that ever had a class). */
function classifiedOnly(sums: Map<string, number>): Map<string, number> {
  const timeline = tierTimeline(app.db, 'pyramid');
  const classified = new Set(timeline.customerIds.slice(0, timeline.classifiedCount));
  return new Map([...sums].filter(([id]) => classified.has(id)));
}

const RANGES = [
  ['2025-12-01', '2026-11-23'],
  ['2026-02-10', '2026-06-30'],
  ['2026-03-05', '2026-03-20'],
  ['2026-01-20', '2026-02-10'],
  ['2025-11-01', '2026-10-31'],
] as const;

describe('revenue over a range, in steps', () => {
  it.each([1, 2, 7, 5000])('equals plain SQL for every range with part-months read %i rows per slice', (rowsPerStep) => {
    for (const [from, to] of RANGES) {
      const timeline = tierTimeline(app.db, 'pyramid');
      const revenue = runSteps(revenueBetweenInSteps(app.db, timeline, from, to, rowsPerStep));
      expect([from, to, revenueByTimeline(revenue)]).toEqual([from, to, classifiedOnly(revenueBySql(from, to))]);
    }
  });

  it('takes in an order written between two slices of a part-month, dated where the read had already passed', async () => {
    const [from, to] = ['2026-03-05', '2026-03-20'];
    const timeline = tierTimeline(app.db, 'pyramid');
    const buyer = timeline.customerIds[0]!;
    const steps = revenueBetweenInSteps(app.db, timeline, from, to, 1);
    for (let i = 0; i < 5; i++) expect(steps.next().done).toBe(false);
    await app.call('orders:create', { customerId: buyer, orderDate: from, amount: '123.45', currency: 'CNY' });
    const revenue = runSteps(steps);
    expect(revenueByTimeline(revenue)).toEqual(classifiedOnly(revenueBySql(from, to)));
    expect(revenueByTimeline(revenue).get(buyer)).toBe(revenueBySql(from, to).get(buyer));
  });
});

describe('the migration matrix opened on a connection that has read nothing yet', () => {
  const opened: Array<[string, (run: <C extends Channel>(name: C, input: InputOf<C>) => Promise<unknown>) => Promise<unknown>]> = [
    ['reports:migration', (run) => run('reports:migration', { scheme: 'pyramid', from: '2026-01-15', to: '2026-10-20' })],
    ['reports:migration-members', (run) => run('reports:migration-members', { scheme: 'pyramid', from: '2026-01-15', to: '2026-10-20', fromClass: 'lead', toClass: 'lead' })],
  ];

  it.each(opened)('%s lets the event loop turn while it reads and counts, and a call made meanwhile is answered', async (_name, open) => {
    const fresh = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
    try {
      const run = <C extends Channel>(name: C, input: InputOf<C>) => call(fresh.dispatch, name, input);
      let turns = 0;
      let reading = true;
      let answeredMeanwhile = false;
      const tick = () => {
        turns++;
        if (turns === 2) void run('settings:get', {}).then(() => (answeredMeanwhile = reading));
        if (reading) setImmediate(tick);
      };
      setImmediate(tick);
      const answer = await open(run);
      reading = false;
      expect(turns).toBeGreaterThan(3);
      expect(answeredMeanwhile).toBe(true);
      // The same answer the connection that read everything at once gives.
      expect(answer).toEqual(await open((name, input) => app.call(name, input)));
    } finally {
      fresh.close();
    }
  });
});
