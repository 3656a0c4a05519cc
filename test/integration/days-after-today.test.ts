import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { predictionsSettled } from '../../core/prediction/refit';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

/**
 * A computer whose clock ran ahead once stored that far day's tiers and predictions; with the clock put right,
 * history (written forward only) refused every real day and the lists showed the far day's predictions. The
 * days after today are listed, and removed only when asked; what was stored up to today stands. Every figure
 * by plain SQL.
 */
let app: TestApp;
const clock = movableClock('2030-01-01');
beforeEach(async () => {
  clock.moveTo('2026-11-23');
  app = openTestApp('2026-11-23', { clock });
  await app.call('workspace:loadDemo', { customers: 60, seed: 5 });
  await app.call('segments:recompute', {});
  await predictionsSettled(app.db);
  // The clock runs ahead for a day, and the app stores that day as today.
  clock.moveTo('2030-01-01');
  await app.call('segments:recompute', {});
  await predictionsSettled(app.db);
  clock.moveTo('2026-11-24');
});
afterEach(() => app.cleanup());

const one = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).pluck().get(...params) as T;

describe('tiers and predictions stored for a day after today', () => {
  it('are listed, stop the history until removed, and go when asked; the days before stand', async () => {
    expect([one('SELECT max(as_of) FROM segment_runs'), one('SELECT max(as_of) FROM prediction_runs')]).toEqual(['2030-01-01', '2030-01-01']);
    expect(await app.call('segments:daysAfterToday', {})).toEqual({ today: '2026-11-24', days: ['2030-01-01'] });
    // The real next day is refused as history, and the lists read the far day's predictions.
    expect((await app.call('segments:recompute', {})).stored).toBe(false);
    expect((await app.call('prediction:customers', { limit: 1 })).asOf).toBe('2030-01-01');
    const before = app.db.$client.prepare(`SELECT scheme, customer_id, class_key FROM segment_assignments WHERE as_of <= '2026-11-23' ORDER BY 1, 2`).all();

    expect(await app.call('segments:dropDaysAfterToday', {})).toEqual({ today: '2026-11-24', removed: ['2030-01-01'] });
    await predictionsSettled(app.db);
    expect(one(`SELECT count(*) FROM segment_assignments WHERE as_of > '2026-11-24'`)).toBe(0);
    expect(one(`SELECT count(*) FROM customer_predictions WHERE as_of > '2026-11-24'`)).toBe(0);
    expect(app.db.$client.prepare(`SELECT scheme, customer_id, class_key FROM segment_assignments WHERE as_of <= '2026-11-23' ORDER BY 1, 2`).all()).toEqual(before);
    // Today is stored at once, the predictions are today's again, and nothing is left to remove.
    expect(app.db.$client.prepare(`SELECT as_of FROM segment_runs ORDER BY as_of`).pluck().all()).toEqual(['2026-11-23', '2026-11-24']);
    expect(one('SELECT max(as_of) FROM prediction_runs')).toBe('2026-11-24');
    expect((await app.call('prediction:customers', { limit: 1 })).asOf).toBe('2026-11-24');
    expect(await app.call('segments:daysAfterToday', {})).toEqual({ today: '2026-11-24', days: [] });
    expect(await app.call('segments:dropDaysAfterToday', {})).toEqual({ today: '2026-11-24', removed: [] });
    // The history goes on: the next day is stored.
    clock.moveTo('2026-11-25');
    expect((await app.call('segments:recompute', {})).stored).toBe(true);
  });
});
