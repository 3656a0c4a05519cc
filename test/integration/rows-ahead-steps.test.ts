/**
 * A scheme's first snapshot (a row per customer) and a new day's changes are written ahead of the snapshot's
 * transaction, a transaction per turn (core/segmentation/state.ts storeInSteps, db/repos/segment-rows-ahead.ts),
 * not in one transaction that holds the app. What is stored must be exactly what one run in one go stores, also
 * when another connection writes an order or stores a snapshot between its steps, and when a writer stops
 * half-way (its rows are taken back by the next store).
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock, type HandlerContext } from '../../core/context';
import { call } from '../../core/dispatch';
import { predictionsSettled } from '../../core/prediction/refit';
import { recomputeSegmentation, segmentationFor, storeInSteps } from '../../core/segmentation/state';
import { openTestApp, MIGRATIONS, type TestApp } from '../support/test-app';
import { nextTurn } from '../../core/next-turn';
import { checkpointsHeld } from '../../db/wal-checkpoint-steps';
import { checkpointFollows, CHANGED_ROWS_CHECKPOINTED_AFTER } from '../../db/repos/segment-rows-ahead';

const TODAY = '2026-11-23';
const YESTERDAY = '2026-11-22';
let seeded: TestApp;

/** The tier history as plain rows, in key order. */
function history(path: string) {
  const raw = new Database(path, { readonly: true });
  try {
    return {
      rows: raw.prepare(`SELECT scheme, customer_id, as_of, class_key FROM segment_assignments ORDER BY scheme, customer_id, as_of`).raw().all(),
      runs: raw.prepare(`SELECT as_of, customer_count FROM segment_runs ORDER BY as_of`).raw().all(),
      latest: raw.prepare(`SELECT as_of, customer_ids, schemes, hex(codes) FROM segment_latest`).raw().all(),
      pending: raw.prepare(`SELECT count(*) FROM segment_pending`).pluck().get(),
    };
  } finally {
    raw.close();
  }
}

/** Empties the tier history, as in a database that never stored a snapshot; `from` keeps the days before it. */
function withoutHistory(path: string, from = '0000-01-01'): void {
  const raw = new Database(path);
  try {
    raw.prepare(`DELETE FROM segment_assignments WHERE as_of >= ?`).run(from);
    raw.prepare(`DELETE FROM segment_runs WHERE as_of >= ?`).run(from);
    raw.exec(`DELETE FROM segment_latest; DELETE FROM segment_pending;`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
}

/** A fresh app on `path` (nothing in memory), as after a restart. */
const appOn = (path: string, day = TODAY) => openApp({ dbPath: path, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(day) });

const contextOf = (app: ReturnType<typeof appOn>, path: string, day: string) =>
  ({ db: app.db, clock: fixedClock(day), dbPath: path, appVersion: 'test', files: undefined as never }) as HandlerContext;

/** Stores `day` in one go (as the CLI does) in a fresh process on `path`. */
async function storeInOneGo(path: string, day: string) {
  const app = appOn(path, day);
  try {
    recomputeSegmentation(contextOf(app, path, day), day);
    await predictionsSettled(app.db);
  } finally {
    app.close();
  }
}

/**
 * The same data stored in one go on a copy, its history from `from` on taken away first (all of it by
 * default): the history a store in steps must leave.
 */
async function storedInOneGo(source: string, name: string, from?: string, day = TODAY) {
  const copy = join(seeded.dir, name);
  copyFileSync(source, copy);
  withoutHistory(copy, from);
  await storeInOneGo(copy, day);
  return history(copy);
}

/** An order of a customer who has none, written by another connection (the order moves them between classes). */
function writeOrderBehind(connection: Database.Database, id: string): void {
  const customer = connection
    .prepare(`SELECT id FROM customers c WHERE deleted_at IS NULL AND archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY id LIMIT 1`)
    .pluck()
    .get() as string;
  expect(customer).toBeTruthy();
  connection
    .prepare(
      `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind)
       VALUES (?, ?, ?, ?, ?, 880000, 'CNY', 1, 'CNY', 880000, 'sale')`,
    )
    .run(id, `${TODAY}T08:00:00.000Z`, `${TODAY}T08:00:00.000Z`, customer, TODAY);
}

/**
 * Runs `segments:recompute` on a fresh app while a second connection watches PRAGMA data_version on every
 * turn of the event loop: each change is a commit. `onCommit(n)` runs on the turn the nth commit is seen.
 */
async function recomputeWatchingCommits(path: string, onCommit: (n: number, watcher: Database.Database) => void = () => {}, day = TODAY) {
  const app = appOn(path, day);
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

/** Recomputes while another connection writes an order on the turn the recompute's nth commit is seen. */
async function recomputeWithOrderBehind(atCommit: number, orderId: string): Promise<void> {
  let wrote = false;
  await recomputeWatchingCommits(seeded.dbPath, (n, watcher) => {
    if (n !== atCommit || wrote) return;
    writeOrderBehind(watcher, orderId);
    wrote = true;
  });
  expect(wrote).toBe(true);
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
    await recomputeWithOrderBehind(3, 'order-between-steps');
    expect(history(seeded.dbPath)).toEqual(await storedInOneGo(seeded.dbPath, 'one-go-after-order.sqlite'));
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

describe('whose checkpoint follows the answer', () => {
  const positions = (n: number) => new Int32Array(n);
  it('a new day\'s change points, up to a number a checkpoint of its own turn copies in time; never a first snapshot', () => {
    expect(checkpointFollows([{ scheme: 'rfm', positions: positions(10) }, { scheme: 'value', positions: positions(5) }])).toBe(true);
    expect(checkpointFollows([{ scheme: 'rfm', positions: positions(CHANGED_ROWS_CHECKPOINTED_AFTER) }])).toBe(true);
    expect(checkpointFollows([{ scheme: 'rfm', positions: positions(CHANGED_ROWS_CHECKPOINTED_AFTER) }, { scheme: 'value', positions: positions(1) }])).toBe(false);
    expect(checkpointFollows([{ scheme: 'rfm', positions: positions(10) }, { scheme: 'custom:new', positions: null }])).toBe(false);
    expect(checkpointFollows([{ scheme: 'rfm', positions: positions(0) }])).toBe(false);
    expect(checkpointFollows([])).toBe(false);
  });

  it('not a first snapshot: its commits checkpoint as SQLite does', () => {
    const app = appOn(seeded.dbPath, TODAY);
    try {
      const ctx = contextOf(app, seeded.dbPath, TODAY);
      const steps = storeInSteps(ctx, segmentationFor(ctx, TODAY));
      let next = steps.next();
      for (; !next.done; next = steps.next()) expect(checkpointsHeld(app.db.$client)).toBe(false);
      expect(next.value).toBe(true);
    } finally {
      app.close();
    }
  });
});

describe('a new day written in steps', () => {
  const TOMORROW = '2026-11-24';
  beforeEach(async () => {
    await storeInOneGo(seeded.dbPath, YESTERDAY);
  }, 60_000);

  /** Stores today in steps until its first transaction of rows ahead is in, then the process goes away. */
  function stopHalfWay(): void {
    const app = appOn(seeded.dbPath, TODAY);
    const ctx = contextOf(app, seeded.dbPath, TODAY);
    const steps = storeInSteps(ctx, segmentationFor(ctx, TODAY));
    const count = (sql: string) => app.db.$client.prepare(sql).pluck().get(TODAY) as number;
    while (count(`SELECT count(*) FROM segment_assignments WHERE as_of = ?`) === 0) expect(steps.next().done).toBe(false);
    expect(count(`SELECT count(*) FROM segment_pending WHERE as_of = ?`)).toBe(1);
    expect(count(`SELECT count(*) FROM segment_runs WHERE as_of = ?`)).toBe(0);
    app.close();
  }

  /** The schemes with a change point on `day`. */
  const schemesChangedOn = (rows: unknown[], day: string) => new Set((rows as unknown[][]).filter((r) => r[2] === day).map((r) => r[0])).size;

  it('commits a transaction per scheme that changed at this size, and stores exactly what one run in one go stores', async () => {
    const expected = await storedInOneGo(seeded.dbPath, 'new-day-one-go.sqlite', TODAY);
    const changed = schemesChangedOn(expected.rows, TODAY);
    expect(changed).toBeGreaterThan(1);
    const commits = await recomputeWatchingCommits(seeded.dbPath);
    expect(commits).toBeGreaterThanOrEqual(changed + 1);
    expect(history(seeded.dbPath)).toEqual(expected);
  });

  it('an order written by another connection between its steps: the history stored is that of the data with the order', async () => {
    await recomputeWithOrderBehind(2, 'order-between-new-day-steps');
    expect(history(seeded.dbPath)).toEqual(await storedInOneGo(seeded.dbPath, 'new-day-after-order.sqlite', TODAY));
  });

  it('is checkpointed after its last step, not by its own commits, and SQLite checkpoints as before once it has', async () => {
    const expected = await storedInOneGo(seeded.dbPath, 'new-day-checkpoint.sqlite', TODAY);
    const app = appOn(seeded.dbPath, TODAY);
    try {
      const client = app.db.$client;
      // At this threshold every commit of its own would copy the WAL into the database file.
      client.pragma('wal_autocheckpoint = 1');
      const fileHash = () => createHash('sha256').update(readFileSync(seeded.dbPath)).digest('hex');
      const ctx = contextOf(app, seeded.dbPath, TODAY);
      const state = segmentationFor(ctx, TODAY);
      const before = fileHash();
      const steps = storeInSteps(ctx, state);
      let held = 0;
      let next = steps.next();
      for (; !next.done; next = steps.next()) if (checkpointsHeld(client)) held++;
      expect(next.value).toBe(true);
      expect(held).toBeGreaterThan(0);
      // Stored, its rows ahead and its transaction committed, and the file not yet written.
      expect(history(seeded.dbPath).rows).toEqual(expected.rows);
      expect(fileHash()).toBe(before);
      await nextTurn();
      expect(checkpointsHeld(client)).toBe(false);
      expect(client.pragma('wal_autocheckpoint', { simple: true })).toBe(1);
      expect(fileHash()).not.toBe(before);
      await predictionsSettled(app.db);
    } finally {
      app.close();
    }
  });

  it('a writer stopped half-way: its rows are taken back by the next store, the next day', async () => {
    stopHalfWay();

    const expected = await storedInOneGo(seeded.dbPath, 'after-a-stop.sqlite', TODAY, TOMORROW);
    await recomputeWatchingCommits(seeded.dbPath, undefined, TOMORROW);
    const stored = history(seeded.dbPath);
    expect(stored.rows.filter((r) => (r as string[])[2] === TODAY)).toEqual([]);
    expect(stored).toEqual(expected);
  });

  it('a writer stopped half-way: the same day stored in one go takes its rows back and stores exactly that day', async () => {
    stopHalfWay();
    // The data changes before the next store: rows written ahead on the old data must not stay.
    const raw = new Database(seeded.dbPath);
    writeOrderBehind(raw, 'order-after-a-stop');
    raw.close();
    const expected = await storedInOneGo(seeded.dbPath, 'same-day-after-a-stop.sqlite', TODAY);
    await storeInOneGo(seeded.dbPath, TODAY);
    expect(history(seeded.dbPath)).toEqual(expected);
  });
});
