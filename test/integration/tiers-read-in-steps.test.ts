/**
 * The reads that need today's tiers computed (a customer's tier history, the migration matrix, the service
 * policies due, the best list by class) compute them in steps when they must: the event loop gets turns while they run, so other
 * calls are answered meanwhile instead of waiting behind a full run. What they store is what a recompute
 * stores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { predictionsSettled } from '../../core/prediction/refit';
import type { Channel, InputOf } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { MIGRATIONS } from '../support/test-app';
import type { HandlerContext } from '../../core/context';
import { recomputeInSteps, segmentationFor } from '../../core/segmentation/state';

const TODAY = '2026-11-23';
let seeded: TestApp;

beforeEach(async () => {
  seeded = openTestApp(TODAY);
  await seeded.call('workspace:loadDemo', { customers: 200, seed: 5 });
  // Yesterday's snapshot, stored by a process that then closed: today's tiers are in no one's memory.
  const yesterday = openApp({ dbPath: seeded.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock('2026-11-22') });
  await call(yesterday.dispatch, 'segments:recompute', {});
  await predictionsSettled(yesterday.db);
  yesterday.close();
}, 120_000);
afterEach(() => seeded.cleanup());

/** A fresh app on the seeded file (nothing computed in memory), as after a restart. */
function restarted() {
  const app = openApp({ dbPath: seeded.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
  return { app, run: <C extends Channel>(name: C, input: InputOf<C>) => call(app.dispatch, name, input) };
}

const firstCustomer = (app: ReturnType<typeof restarted>['app']) =>
  app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as string;

describe('reads that compute today’s tiers let other calls through', () => {
  const reads: Array<[string, (run: ReturnType<typeof restarted>['run'], customerId: string) => Promise<unknown>]> = [
    ['segments:history', (run, customerId) => run('segments:history', { customerId })],
    ['segments:migration', (run) => run('segments:migration', { scheme: 'pyramid', from: '2026-11-22', to: TODAY })],
    ['reports:migration', (run) => run('reports:migration', { scheme: 'pyramid', from: '2026-11-22', to: TODAY })],
    ['policies:due', (run) => run('policies:due', {})],
    ['prediction:best by class', (run) => run('prediction:best', { scheme: 'pyramid', limit: 10 })],
  ];

  it.each(reads)('%s: the event loop turns while it computes, and a call made meanwhile is answered', async (_name, read) => {
    const { app, run } = restarted();
    try {
      const customerId = firstCustomer(app);
      // Counts turns of the event loop until the read answers: a read computed in one go allows none.
      let turns = 0;
      let reading = true;
      let answeredMeanwhile = false;
      const tick = () => {
        turns++;
        if (turns === 2) void run('customers:get', { id: customerId }).then(() => (answeredMeanwhile = reading));
        if (reading) setImmediate(tick);
      };
      setImmediate(tick);
      await read(run, customerId);
      reading = false;
      expect(turns).toBeGreaterThan(5);
      expect(answeredMeanwhile).toBe(true);
    } finally {
      await predictionsSettled(app.db);
      app.close();
    }
  });

  it('today’s snapshot they store is the one a recompute stores, also when two of them ask at once', async () => {
    const { app, run } = restarted();
    try {
      const customerId = firstCustomer(app);
      const [history] = await Promise.all([run('segments:history', { customerId }), run('segments:migration', { scheme: 'pyramid', from: '2026-11-22', to: TODAY })]);
      expect(app.db.$client.prepare(`SELECT customer_count FROM segment_runs WHERE as_of = ?`).pluck().get(TODAY)).toBe(
        app.db.$client.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).pluck().get(),
      );
      const stored = app.db.$client.prepare(`SELECT scheme, customer_id, class_key FROM segment_assignments WHERE as_of = ? ORDER BY scheme, customer_id`).all(TODAY);
      // The history shows today's class where it changed: the same as the explanation computed now.
      const explained = await run('segments:explain', { customerId });
      const latest = (scheme: string) => history.schemes[scheme]!.filter((c) => c.asOf <= TODAY).at(-1)!.classKey;
      for (const scheme of Object.keys(history.schemes)) expect(latest(scheme), scheme).toBe(explained.schemes[scheme]!.classKey);
      // A recompute of the same day from scratch changes nothing of what they stored.
      await run('segments:recompute', {});
      expect(app.db.$client.prepare(`SELECT scheme, customer_id, class_key FROM segment_assignments WHERE as_of = ? ORDER BY scheme, customer_id`).all(TODAY)).toEqual(stored);
    } finally {
      await predictionsSettled(app.db);
      app.close();
    }
  });
});

describe('storing a snapshot computed in steps', () => {
  it('a write between the computation and its storing is not lost: the run is done again and includes it', async () => {
    const { app } = restarted();
    try {
      const ctx = { db: app.db, clock: fixedClock(TODAY), dbPath: seeded.dbPath, appVersion: 'test', files: undefined as never } as HandlerContext;
      const customerId = firstCustomer(app);
      const baseline = (await call(app.dispatch, 'segments:explain', { customerId })).metrics.orderCount;
      let wrote = false;
      const { state, stored } = await recomputeInSteps(ctx, TODAY, (phase) => {
        // Reported once the classes are computed and checked against the data, before they are stored.
        if (phase !== 'history' || wrote) return;
        wrote = true;
        void call(app.dispatch, 'orders:create', { customerId, orderDate: TODAY, currency: 'CNY', amount: '25' });
      });
      expect(wrote).toBe(true);
      expect(stored).toBe(true);
      // The tiers answered, remembered and stored are those of the data with the order.
      const at = state.indexOf.get(customerId)!;
      expect(state.metrics.orderCount[at]).toBe(baseline + 1);
      expect(segmentationFor(ctx, TODAY)).toBe(state);
      expect((await call(app.dispatch, 'segments:explain', { customerId })).metrics.orderCount).toBe(baseline + 1);
    } finally {
      await predictionsSettled(app.db);
      app.close();
    }
  });
});
