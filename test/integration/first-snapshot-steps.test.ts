/**
 * A scheme's first snapshot writes a row per customer (core/segmentation/state.ts storeInSteps, db/repos/
 * segment-first-rows.ts): in steps, a transaction per turn, not in one transaction that holds the app. What
 * it stores must be exactly what one run in one go stores, also when another connection writes an order or
 * stores a snapshot between its steps.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock, type HandlerContext } from '../../core/context';
import { call } from '../../core/dispatch';
import { predictionsSettled } from '../../core/prediction/refit';
import { recomputeSegmentation } from '../../core/segmentation/state';
import { openTestApp, MIGRATIONS, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let seeded: TestApp;

/** The tier history as plain rows, in key order. */
function history(path: string) {
  const raw = new Database(path, { readonly: true });
  try {
    return {
      rows: raw.prepare(`SELECT scheme, customer_id, as_of, class_key FROM segment_assignments ORDER BY scheme, customer_id, as_of`).raw().all(),
      runs: raw.prepare(`SELECT as_of, customer_count FROM segment_runs ORDER BY as_of`).raw().all(),
      latest: raw.prepare(`SELECT as_of, customer_ids, schemes, hex(codes) FROM segment_latest`).raw().all(),
    };
  } finally {
    raw.close();
  }
}

/** Empties the tier history, as in a database that never stored a snapshot. */
function withoutHistory(path: string): void {
  const raw = new Database(path);
  try {
    raw.exec(`DELETE FROM segment_assignments; DELETE FROM segment_runs; DELETE FROM segment_latest;`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
}

/** A fresh app on `path` (nothing in memory), as after a restart. */
const appOn = (path: string) => openApp({ dbPath: path, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });

/** The same data stored in one go (as the CLI stores it) on a copy: the history a first snapshot must leave. */
async function storedInOneGo(from: string, name: string) {
  const copy = join(seeded.dir, name);
  copyFileSync(from, copy);
  withoutHistory(copy);
  const app = appOn(copy);
  try {
    recomputeSegmentation({ db: app.db, clock: fixedClock(TODAY), dbPath: copy, appVersion: 'test', files: undefined as never } as HandlerContext, TODAY);
    await predictionsSettled(app.db);
  } finally {
    app.close();
  }
  return history(copy);
}

/**
 * Runs `segments:recompute` on a fresh app while a second connection watches PRAGMA data_version on every
 * turn of the event loop: each change is a commit. `onCommit(n)` runs on the turn the nth commit is seen.
 */
async function recomputeWatchingCommits(path: string, onCommit: (n: number, watcher: Database.Database) => void = () => {}) {
  const app = appOn(path);
  const watcher = new Database(path);
  let commits = 0;
  let last = watcher.pragma('data_version', { simple: true });
  let running = true;
  const tick = () => {
    if (!running) return;
    const now = watcher.pragma('data_version', { simple: true });
    if (now !== last) {
      last = now;
      commits++;
      onCommit(commits, watcher);
    }
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await call(app.dispatch, 'segments:recompute', {});
    await predictionsSettled(app.db);
  } finally {
    running = false;
    watcher.close();
    app.close();
  }
  return commits;
}

beforeEach(async () => {
  seeded = openTestApp(TODAY);
  await seeded.call('workspace:loadDemo', { customers: 120, seed: 9 });
  seeded.close();
  withoutHistory(seeded.dbPath);
}, 120_000);
afterEach(() => seeded.cleanup());

describe('a first snapshot written in steps', () => {
  it('commits a transaction per scheme at this size, and stores exactly what one run in one go stores', async () => {
    const expected = await storedInOneGo(seeded.dbPath, 'one-go.sqlite');
    const schemes = new Set(expected.rows.map((r) => (r as string[])[0])).size;
    expect(schemes).toBeGreaterThan(10);
    const commits = await recomputeWatchingCommits(seeded.dbPath);
    // Seen from another connection, between turns: one commit per scheme's rows, then the snapshot's own.
    expect(commits).toBeGreaterThanOrEqual(schemes + 1);
    const stored = history(seeded.dbPath);
    expect(stored.rows.length).toBe(expected.rows.length);
    expect(stored).toEqual(expected);
  });

  it('an order written by another connection between its steps: the history stored is that of the data with the order', async () => {
    const customer = (() => {
      const raw = new Database(seeded.dbPath, { readonly: true });
      try {
        // A customer without orders: the order moves them out of the "no orders" classes.
        return raw.prepare(`SELECT id FROM customers c WHERE deleted_at IS NULL AND archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY id LIMIT 1`).pluck().get() as string;
      } finally {
        raw.close();
      }
    })();
    expect(customer).toBeTruthy();
    let wrote = false;
    await recomputeWatchingCommits(seeded.dbPath, (n, watcher) => {
      if (n !== 3 || wrote) return;
      watcher
        .prepare(
          `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind)
           VALUES ('order-between-steps', ?, ?, ?, ?, 880000, 'CNY', 1, 'CNY', 880000, 'sale')`,
        )
        .run(`${TODAY}T08:00:00.000Z`, `${TODAY}T08:00:00.000Z`, customer, TODAY);
      wrote = true;
    });
    expect(wrote).toBe(true);
    const expected = await storedInOneGo(seeded.dbPath, 'one-go-after-order.sqlite');
    const stored = history(seeded.dbPath);
    expect(stored.rows).toEqual(expected.rows);
    expect(stored.runs).toEqual(expected.runs);
    expect(stored.latest).toEqual(expected.latest);
  });

  it('another connection stores the same day between its steps: the rows are settled, none twice, none missing', async () => {
    const expected = await storedInOneGo(seeded.dbPath, 'one-go-2.sqlite');
    let other: Promise<void> | null = null;
    await recomputeWatchingCommits(seeded.dbPath, (n) => {
      if (n !== 2 || other) return;
      // A second process stores today in one go while this one is between first-row transactions.
      const second = appOn(seeded.dbPath);
      try {
        recomputeSegmentation({ db: second.db, clock: fixedClock(TODAY), dbPath: seeded.dbPath, appVersion: 'test', files: undefined as never } as HandlerContext, TODAY);
        other = predictionsSettled(second.db);
      } finally {
        void other?.finally(() => second.close());
      }
    });
    await other;
    expect(other).not.toBeNull();
    expect(history(seeded.dbPath)).toEqual(expected);
  });
});
