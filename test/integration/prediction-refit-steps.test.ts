/**
 * The prediction refit in steps (core/prediction/store.ts): written a few rows per transaction with turns in
 * between, it must leave exactly the table one fit written at once would, keep whatever other calls and
 * connections wrote between its steps, drop the rows of customers it no longer predicts, and stop where it is
 * when another process stores a later day.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import type { Db } from '../../db/open';
import { changeStamp, sourceStamp } from '../../core/change-stamp';
import { fixedClock, type HandlerContext } from '../../core/context';
import { predictionsSettled } from '../../core/prediction/refit';
import { recomputeInSteps, segmentationFor } from '../../core/segmentation/state';
import { predictFromDb } from '../../core/prediction/predict';
import { storePredictions, storePredictionsInSteps } from '../../core/prediction/store';
import { runSteps, type Steps } from '../../shared/domain/steps';
import { openTestApp, type TestApp } from '../support/test-app';
import { expectedPredictionTable } from '../support/prediction-rows';

const TODAY = '2026-11-23';
let app: TestApp;

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 300, seed: 11 });
}, 120_000);
afterAll(() => app.cleanup());

const storedTable = (db: Db) => db.$client.prepare('SELECT * FROM customer_predictions ORDER BY customer_id').all();
const storedDay = (db: Db) => db.$client.prepare('SELECT as_of FROM prediction_runs').pluck().all();

/** Runs every step, calling `between(k)` after step k; returns the result and the number of steps. */
function runWith<T>(steps: Steps<T>, between: (step: number) => void = () => undefined): { value: T; steps: number } {
  for (let k = 0; ; k++) {
    const next = steps.next();
    if (next.done) return { value: next.value, steps: k + 1 };
    between(k);
  }
}

describe('a refit written a few rows per transaction', () => {
  it('leaves exactly the table of one fit written at once, one transaction per few rows', () => {
    const fitted = predictFromDb(app.db, TODAY).rows;
    expect(fitted.length).toBeGreaterThan(150);
    let commits = 0;
    // Another connection sees each chunk's commit: its data_version moves once per transaction.
    const watcher = new Database(app.dbPath, { readonly: true });
    try {
      let seen = watcher.prepare('PRAGMA data_version').pluck().get();
      const run = runWith(storePredictionsInSteps(app.db, TODAY, `${TODAY}T12:00:00.000Z`, undefined, { rowsPerWrite: 37 }), () => {
        const now = watcher.prepare('PRAGMA data_version').pluck().get();
        if (now !== seen) commits++;
        seen = now;
      });
      expect(run.value).toBe(true);
      // The last chunk's commit is the last step, seen after it: at least every chunk but one between steps.
      expect(commits).toBeGreaterThanOrEqual(Math.ceil(fitted.length / 37) - 1);
    } finally {
      watcher.close();
    }
    expect(storedTable(app.db)).toEqual(expectedPredictionTable(fitted, TODAY));
    expect(storedDay(app.db)).toEqual([TODAY]);
  });

  it('keeps what another connection wrote between its steps, and drops the rows of customers it no longer predicts', () => {
    storePredictions(app.db, TODAY, `${TODAY}T12:00:00.000Z`);
    const [gone, edited] = app.db.$client.prepare('SELECT customer_id FROM customer_predictions ORDER BY customer_id LIMIT 2').pluck().all() as string[];
    // Deleted before the refit reads: no longer predicted, so its stored row must go.
    app.db.$client.prepare(`UPDATE customers SET deleted_at = ? WHERE id = ?`).run(`${TODAY}T08:00:00.000Z`, gone!);
    const fitted = predictFromDb(app.db, TODAY).rows;
    expect(fitted.some((r) => r.id === gone)).toBe(false);
    const other = new Database(app.dbPath);
    try {
      const run = runWith(storePredictionsInSteps(app.db, TODAY, `${TODAY}T12:00:00.000Z`, undefined, { rowsPerWrite: 40 }), (step) => {
        if (step === 3) other.prepare(`UPDATE customers SET notes = 'written between the refit’s steps' WHERE id = ?`).run(edited!);
      });
      expect(run.value).toBe(true);
    } finally {
      other.close();
    }
    expect(app.db.$client.prepare('SELECT notes FROM customers WHERE id = ?').pluck().get(edited!)).toBe('written between the refit’s steps');
    expect(app.db.$client.prepare('SELECT count(*) FROM customer_predictions WHERE customer_id = ?').pluck().get(gone!)).toBe(0);
    expect(storedTable(app.db)).toEqual(expectedPredictionTable(fitted, TODAY));
    app.db.$client.prepare(`UPDATE customers SET deleted_at = NULL WHERE id = ?`).run(gone!);
  });

  it('stops where it is when another process stores a later day, which then stands whole', () => {
    const day = '2026-11-25';
    const later = '2026-11-30';
    const other = new Database(app.dbPath);
    other.pragma('foreign_keys = ON');
    const otherDb = drizzle(other, { schema }) as unknown as Db;
    const rowsOf = (asOf: string) => app.db.$client.prepare('SELECT count(*) FROM customer_predictions WHERE as_of = ?').pluck().get(asOf) as number;
    let interruptedAfter: number | null = null;
    try {
      const run = runWith(storePredictionsInSteps(app.db, day, `${day}T12:00:00.000Z`, undefined, { rowsPerWrite: 30 }), (step) => {
        // Once this refit has written its first rows, and not all of them.
        if (interruptedAfter === null && rowsOf(day) > 0) {
          interruptedAfter = rowsOf(day);
          expect(storePredictions(otherDb, later, `${later}T12:00:00.000Z`)).toBe(true);
          expect(step).toBeGreaterThan(0);
        }
      });
      expect(run.value).toBe(false);
    } finally {
      other.close();
    }
    expect(interruptedAfter).toBe(30);
    expect(rowsOf(day)).toBe(0);
    expect(storedDay(app.db)).toEqual([later]);
    expect(storedTable(app.db)).toEqual(expectedPredictionTable(predictFromDb(app.db, later).rows, later));
    // And a refit of an earlier day started now writes nothing at all.
    expect(runSteps(storePredictionsInSteps(app.db, TODAY, `${TODAY}T12:00:00.000Z`))).toBe(false);
    expect(storedDay(app.db)).toEqual([later]);
  });
});

describe('the refit’s writes and the tiers held in memory', () => {
  const ctx = () => ({ db: app.db, clock: fixedClock(TODAY), dbPath: app.dbPath, appVersion: 'test', files: undefined as never }) as HandlerContext;

  it('a refit moves changeStamp (the predictions changed) but not sourceStamp (the data did not)', () => {
    const [change, source] = [changeStamp(app.db), sourceStamp(app.db)];
    expect(runSteps(storePredictionsInSteps(app.db, '2026-12-01', '2026-12-01T12:00:00.000Z'))).toBe(true);
    expect(changeStamp(app.db)).not.toBe(change);
    expect(sourceStamp(app.db)).toBe(source);
  });

  it('any other write moves both, and so does another connection’s refit', () => {
    let source = sourceStamp(app.db);
    app.db.$client.prepare(`UPDATE customers SET notes = 'edited' WHERE rowid = (SELECT min(rowid) FROM customers)`).run();
    expect(sourceStamp(app.db)).not.toBe(source);
    source = sourceStamp(app.db);
    const other = new Database(app.dbPath);
    other.pragma('foreign_keys = ON');
    try {
      expect(storePredictions(drizzle(other, { schema }) as unknown as Db, '2026-12-02', '2026-12-02T12:00:00.000Z')).toBe(true);
    } finally {
      other.close();
    }
    expect(sourceStamp(app.db)).not.toBe(source);
  });

  it('after a stored recompute and its refit, the tiers in memory are the very ones it computed', async () => {
    const customerId = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL LIMIT 1`).pluck().get() as string;
    await app.call('orders:create', { customerId, orderDate: '2026-12-03', currency: 'CNY', amount: '10' });
    const clock = fixedClock('2026-12-03');
    const day = { ...ctx(), clock };
    const recomputed = await recomputeInSteps(day, '2026-12-03', () => undefined);
    expect(recomputed.stored).toBe(true);
    await predictionsSettled(app.db);
    expect(storedDay(app.db)).toEqual(['2026-12-03']);
    expect(segmentationFor(day, '2026-12-03')).toBe(recomputed.state);
  });
});
