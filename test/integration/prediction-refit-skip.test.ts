/**
 * The refit that follows a stored recompute is skipped when the stored fit was made from the same inputs
 * (core/prediction/refit.ts refitInputsKey), by this process or an earlier one, and made again whenever any
 * of them changed: an order, a deleted customer, the CLV settings, the app's version, a run stored without a key.
 * A row changed behind the app's back tells the two apart: a skipped refit leaves it, a refit rewrites it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { predictFromDb } from '../../core/prediction/predict';
import { predictionsSettled } from '../../core/prediction/refit';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { expectedPredictionTable } from '../support/prediction-rows';
import { MIGRATIONS } from '../support/test-app';

const TODAY = '2026-11-23';
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierbook-test-'));
  dbPath = join(dir, 'tierbook.sqlite');
  await withApp('1.0.0', async (app) => {
    await app.call('workspace:loadDemo', { customers: 200, seed: 5 });
    await app.recompute();
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Opened = ReturnType<typeof openApp> & {
  call<C extends Channel>(name: C, input: InputOf<C>): Promise<OutputOf<C>>;
  recompute(): Promise<void>;
};

/** A process of its own on the file, as the CLI or the app's next start would be. */
async function withApp(appVersion: string, body: (app: Opened) => Promise<void>): Promise<void> {
  const opened = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion, files: { mode: 'paths' }, clock: fixedClock(TODAY), checkOutput: true });
  const app: Opened = Object.assign(opened, {
    call: <C extends Channel>(name: C, input: InputOf<C>) => call(opened.dispatch, name, input),
    recompute: async () => {
      await call(opened.dispatch, 'segments:recompute', {});
      await predictionsSettled(opened.db);
    },
  });
  try {
    await body(app);
  } finally {
    app.close();
  }
}

/** A score no fit gives (rounding aside), set in plain SQL on one row. */
const TAMPERED = 0.0123456789;

/** Sets one stored score to TAMPERED in plain SQL; returns the customer's id. */
function tamper(app: Opened): string {
  const id = app.db.$client.prepare('SELECT customer_id FROM customer_predictions ORDER BY customer_id LIMIT 1').pluck().get() as string;
  app.db.$client.prepare('UPDATE customer_predictions SET score = ? WHERE customer_id = ?').run(TAMPERED, id);
  return id;
}
const scoreOf = (app: Opened, id: string) => app.db.$client.prepare('SELECT score FROM customer_predictions WHERE customer_id = ?').pluck().get(id) as number | undefined;
const fittedFrom = (app: Opened) => app.db.$client.prepare('SELECT fitted_from FROM prediction_runs').pluck().get() as string | null;
const storedTable = (app: Opened) => app.db.$client.prepare('SELECT * FROM customer_predictions ORDER BY customer_id').all();

/** After a refit the table is exactly what one fit on the file's rows gives. */
function expectFreshFit(app: Opened): void {
  expect(storedTable(app)).toEqual(expectedPredictionTable([...predictFromDb(app.db, TODAY).rows].sort((a, b) => (a.id < b.id ? -1 : 1)), TODAY));
}

describe('the refit after a stored recompute', () => {
  it('is skipped by a later process when nothing it is made from changed', async () => {
    let id = '';
    let key: string | null = null;
    await withApp('1.0.0', async (app) => {
      key = fittedFrom(app);
      expect(key).toContain(TODAY);
      id = tamper(app);
    });
    await withApp('1.0.0', async (app) => {
      await app.recompute();
      expect(scoreOf(app, id)).toBe(TAMPERED);
      expect(fittedFrom(app)).toBe(key);
      // Restored for the next case.
      app.db.$client.prepare('UPDATE prediction_runs SET fitted_from = NULL').run();
      await app.recompute();
      expect(scoreOf(app, id)).not.toBe(TAMPERED);
      expect(fittedFrom(app)).toBe(key);
    });
  });

  it('runs again after an order, in the same process and in the next', async () => {
    await withApp('1.0.0', async (app) => {
      const id = tamper(app);
      const customerId = app.db.$client.prepare('SELECT customer_id FROM customer_predictions ORDER BY customer_id DESC LIMIT 1').pluck().get() as string;
      await app.call('orders:create', { customerId, orderDate: '2026-11-20', amount: '321.00', currency: 'CNY' });
      await app.recompute();
      expect(scoreOf(app, id)).not.toBe(TAMPERED);
      expectFreshFit(app);
      tamper(app);
    });
    await withApp('1.0.0', async (app) => {
      const id = app.db.$client.prepare('SELECT customer_id FROM customer_predictions WHERE score = ?').pluck().get(TAMPERED) as string;
      const other = app.db.$client.prepare('SELECT customer_id FROM customer_predictions WHERE score <> ? ORDER BY customer_id LIMIT 1').pluck().get(TAMPERED) as string;
      await app.call('orders:create', { customerId: other, orderDate: '2026-11-21', amount: '12.50', currency: 'CNY' });
      await app.recompute();
      expect(scoreOf(app, id)).not.toBe(TAMPERED);
      expectFreshFit(app);
    });
  });

  it('runs again after a customer is deleted, and their row goes', async () => {
    await withApp('1.0.0', async (app) => {
      const id = tamper(app);
      const gone = app.db.$client.prepare('SELECT customer_id FROM customer_predictions ORDER BY customer_id DESC LIMIT 1').pluck().get() as string;
      await app.call('customers:delete', { id: gone });
      await app.recompute();
      expect(scoreOf(app, id)).not.toBe(TAMPERED);
      expect(scoreOf(app, gone)).toBeUndefined();
      expectFreshFit(app);
    });
  });

  it('runs again when the CLV settings change', async () => {
    await withApp('1.0.0', async (app) => {
      const before = (await app.call('settings:get', {})).clvHorizonMonths;
      const id = tamper(app);
      await app.call('settings:update', { clvHorizonMonths: before === 12 ? 24 : 12 });
      await app.recompute();
      expect(scoreOf(app, id)).not.toBe(TAMPERED);
      expectFreshFit(app);
      expect(JSON.parse(fittedFrom(app)!).clv.clvMonths).toBe(before === 12 ? 24 : 12);
    });
  });

  it('runs again under another version of the app', async () => {
    let id = '';
    await withApp('1.0.0', async (app) => {
      id = tamper(app);
    });
    await withApp('1.0.1', async (app) => {
      await app.recompute();
      expect(scoreOf(app, id)).not.toBe(TAMPERED);
      expect(JSON.parse(fittedFrom(app)!).appVersion).toBe('1.0.1');
      expectFreshFit(app);
    });
  });
});
