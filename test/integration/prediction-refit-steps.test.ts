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
import { changeStamp, watchingOtherWrites } from '../../core/change-stamp';
import { predictFromDb } from '../../core/prediction/predict';
import { storePredictions, storePredictionsInSteps } from '../../core/prediction/store';
import { runSteps, type Steps } from '../../shared/domain/steps';
import type { CustomerPrediction } from '../../shared/contract/prediction';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 300, seed: 11 });
}, 120_000);
afterAll(() => app.cleanup());

/** The table as one fit of `rows` on `asOf` would store it, in customer id order (plain mapping, no store code). */
function expectedTable(rows: readonly CustomerPrediction[], asOf: string) {
  return rows
    .map((r) => ({
      customer_id: r.id,
      as_of: asOf,
      p_alive: r.pAlive,
      expected_30: r.expectedPurchases.d30,
      expected_90: Math.max(r.expectedPurchases.d30, r.expectedPurchases.d90),
      expected_365: Math.max(r.expectedPurchases.d30, r.expectedPurchases.d90, r.expectedPurchases.d365),
      expected_order_value_minor: r.expectedOrderValueMinor,
      clv_minor: r.clvMinor,
      score: r.score,
      confidence: r.confidence,
      method: r.method,
      purchases: r.purchases,
      typical_gap_days: r.typicalGapDays,
      days_since_last: r.daysSinceLast,
    }))
    .sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
}

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
    expect(storedTable(app.db)).toEqual(expectedTable(fitted, TODAY));
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
    expect(storedTable(app.db)).toEqual(expectedTable(fitted, TODAY));
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
    expect(storedTable(app.db)).toEqual(expectedTable(predictFromDb(app.db, later).rows, later));
    // And a refit of an earlier day started now writes nothing at all.
    expect(runSteps(storePredictionsInSteps(app.db, TODAY, `${TODAY}T12:00:00.000Z`))).toBe(false);
    expect(storedDay(app.db)).toEqual([later]);
  });
});

describe('watchingOtherWrites', () => {
  function* writingSteps(db: Db, rounds: number): Steps<number> {
    for (let k = 0; k < rounds; k++) {
      db.$client.prepare(`UPDATE customers SET notes = notes WHERE rowid = (SELECT max(rowid) FROM customers)`).run();
      yield;
    }
    return rounds;
  }

  it('the steps’ own writes are not someone else’s', () => {
    const watched = watchingOtherWrites(app.db, writingSteps(app.db, 5));
    const before = changeStamp(app.db);
    expect(runSteps(watched.steps)).toBe(5);
    expect(changeStamp(app.db)).not.toBe(before);
    expect(watched.othersWrote()).toBe(false);
  });

  it('a write by this connection between two steps is noticed', () => {
    const watched = watchingOtherWrites(app.db, writingSteps(app.db, 5));
    runWith(watched.steps, (step) => {
      if (step === 2) app.db.$client.prepare(`UPDATE customers SET notes = 'between' WHERE rowid = (SELECT min(rowid) FROM customers)`).run();
    });
    expect(watched.othersWrote()).toBe(true);
  });

  it('a commit by another connection between two steps is noticed', () => {
    const other = new Database(app.dbPath);
    try {
      const watched = watchingOtherWrites(app.db, writingSteps(app.db, 5));
      runWith(watched.steps, (step) => {
        if (step === 1) other.prepare(`UPDATE customers SET notes = 'from elsewhere' WHERE rowid = (SELECT min(rowid) FROM customers)`).run();
      });
      expect(watched.othersWrote()).toBe(true);
    } finally {
      other.close();
    }
  });
});
