/**
 * Today's purchase-likelihood scores read a page per turn (core/prediction/likelihood-provider.ts): the whole
 * run's scores, as plain SQL reads them, whatever the page size; other callbacks run between the pages; callers
 * asking meanwhile share one read; and a run replaced while its pages were read is read again.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storedLikelihood } from '../../core/prediction/likelihood-provider';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

const PREDICTION = `INSERT OR REPLACE INTO customer_predictions (customer_id, as_of, p_alive, expected_30, expected_90, expected_365,
  expected_order_value_minor, clv_minor, score, confidence, method, purchases, typical_gap_days, days_since_last)
  VALUES (?, ?, 0.5, 0.1, 0.2, 0.3, 100, 200, ?, 'low', 'shrunk', 1, NULL, 3)`;

/** `n` customers, each given a stored score on `asOf` (every fifth on the day before: not that run's), and the run. */
async function bookWithScores(n: number, asOf: string): Promise<{ app: TestApp; ids: string[] }> {
  const opened = openTestApp(TODAY);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await opened.call('customers:create', { name: `客户${i}` })).customer.id);
  const raw = opened.db.$client;
  // Stored in an order other than the customers': pages follow the table's rows, not the ids.
  const order = ids.map((id, i) => ({ id, i })).sort((a, b) => ((a.i * 7) % n) - ((b.i * 7) % n));
  for (const { id, i } of order) raw.prepare(PREDICTION).run(id, i % 5 === 4 ? '2026-11-22' : asOf, (i * 37) % 101);
  raw.prepare(`INSERT INTO prediction_runs (as_of, computed_at, model) VALUES (?, ?, '{}')`).run(asOf, '2026-11-23T08:00:00.000Z');
  return { app: opened, ids };
}

/** The run's scores as shares, read by plain SQL on a connection of its own. */
function scoresBySql(dbPath: string, asOf: string): Map<string, number> {
  const raw = new Database(dbPath, { readonly: true });
  try {
    const rows = raw.prepare(`SELECT customer_id AS id, score FROM customer_predictions WHERE as_of = ?`).all(asOf) as { id: string; score: number }[];
    return new Map(rows.map((r) => [r.id, r.score / 100]));
  } finally {
    raw.close();
  }
}

/** Resolves what `ask` answers, counting the turns another callback, queued just before the asking, got meanwhile. */
async function withTurnsCounted<T>(ask: () => T | Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const value = await ask();
    return { value, turns };
  } finally {
    on = false;
  }
}

describe("Today's likelihood scores, read a page per turn", () => {
  it('are the run’s scores whatever the page size, and leave turns to others between pages', async () => {
    const book = await bookWithScores(23, TODAY);
    app = book.app;
    const expected = scoresBySql(app.dbPath, TODAY);
    expect(expected.size).toBe(19);
    for (const perTurn of [1, 2, 4, 18, 19, 20, 1000]) {
      const { value, turns } = await withTurnsCounted(() => storedLikelihood(app!.db, perTurn)(TODAY));
      expect(new Map(value!)).toEqual(expected);
      // A full page is followed by another read a turn later (19 rows in pages of 4: five reads), and the
      // other callback runs once between each two reads.
      const reads = Math.floor(19 / perTurn) + 1;
      expect(turns).toBe(reads - 1);
    }
  });

  it('is one read for callers asking while it runs, and kept until the run changes', async () => {
    const book = await bookWithScores(10, TODAY);
    app = book.app;
    const scores = storedLikelihood(app.db, 3);
    const [first, second] = await Promise.all([scores(TODAY), scores(TODAY)]);
    expect(first).toBe(second);
    expect(await scores(TODAY)).toBe(first);
    app.db.$client.prepare(`UPDATE customer_predictions SET score = 99 WHERE customer_id = ?`).run(book.ids[0]);
    app.db.$client.prepare(`UPDATE prediction_runs SET computed_at = '2026-11-23T09:00:00.000Z'`).run();
    const after = await scores(TODAY);
    expect(after).not.toBe(first);
    expect(new Map(after!)).toEqual(scoresBySql(app.dbPath, TODAY));
    expect(after!.get(book.ids[0]!)).toBe(0.99);
  });

  it('reads again when the run is replaced between its pages', async () => {
    const book = await bookWithScores(12, TODAY);
    app = book.app;
    const reading = Promise.resolve(storedLikelihood(app.db, 2)(TODAY));
    // After the first pages: another process's refit rewrites every score and the run.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const other = new Database(app.dbPath);
    try {
      other.prepare(`UPDATE customer_predictions SET score = 100 - score`).run();
      other.prepare(`UPDATE prediction_runs SET computed_at = '2026-11-23T10:00:00.000Z'`).run();
    } finally {
      other.close();
    }
    const read = await reading;
    expect(new Map(read!)).toEqual(scoresBySql(app.dbPath, TODAY));
  });

  it('says there are none when the run that replaced the one being read was refused', async () => {
    const book = await bookWithScores(12, TODAY);
    app = book.app;
    const reading = Promise.resolve(storedLikelihood(app.db, 2)(TODAY));
    await new Promise<void>((resolve) => setImmediate(resolve));
    app.db.$client.prepare(`UPDATE prediction_runs SET computed_at = '2026-11-23T11:00:00.000Z', model = '{"refused":{"reason":"no_repeat_purchases"}}'`).run();
    expect(await reading).toBeNull();
  });
});
