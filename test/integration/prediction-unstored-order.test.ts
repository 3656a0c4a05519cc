/**
 * `prediction:customers` for a day with no stored predictions computes them on the spot; it took a sort but
 * listed the rows in the model's own order (the CLI's `predict` on a workspace never segmented showed scores
 * 45, 80, 1, 79 …). Each sort must give the order the stored pages give for the same day: highest first, ties by
 * the higher id — checked against a plain sort in this test, and against the stored path once the day is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREDICTION_SORTS, type CustomerPrediction } from '../../shared/contract/prediction';
import { openTestApp, type TestApp } from '../support/test-app';
import { predictionsSettled } from '../../core/prediction/refit';

const TODAY = '2026-11-23';
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 150 });
}, 120_000);
afterAll(() => app.cleanup());

const KEY: Record<(typeof PREDICTION_SORTS)[number], (r: CustomerPrediction) => number> = {
  score: (r) => r.score,
  pAlive: (r) => r.pAlive,
  expectedValue: (r) => r.expectedOrderValueMinor,
  clv: (r) => r.clvMinor,
  likelyValue: (r) => r.score * r.expectedOrderValueMinor,
};

async function everyRow(sort: (typeof PREDICTION_SORTS)[number]): Promise<CustomerPrediction[]> {
  const rows: CustomerPrediction[] = [];
  for (let offset = 0; ; offset += 40) {
    const page = await app.call('prediction:customers', { sort, limit: 40, offset });
    rows.push(...page.rows);
    if (page.rows.length < 40) return rows;
  }
}

describe('predictions for a day not stored', () => {
  it('come in each sort\'s order, the order the stored pages give once the day is stored', async () => {
    expect(app.db.$client.prepare('SELECT count(*) FROM prediction_runs').pluck().get()).toBe(0);
    const computed: Record<string, string[]> = {};
    for (const sort of PREDICTION_SORTS) {
      const rows = await everyRow(sort);
      expect(rows.length).toBeGreaterThan(50);
      const key = KEY[sort];
      // ASCII ids (UUID v7): JavaScript's < is SQLite's byte order here.
      const expected = [...rows].sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
      expect(rows.map((r) => r.id), sort).toEqual(expected);
      computed[sort] = expected;
    }
    // Stored for the same day (the recompute's refit), then read back from the stored rows.
    await app.call('segments:recompute', {});
    await predictionsSettled(app.db);
    expect(app.db.$client.prepare('SELECT count(*) FROM prediction_runs').pluck().get()).toBe(1);
    for (const sort of PREDICTION_SORTS) expect((await everyRow(sort)).map((r) => r.id), sort).toEqual(computed[sort]);
  });
});
