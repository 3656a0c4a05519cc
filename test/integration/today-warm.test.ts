/**
 * At start the app makes Today's list before its page asks (core/today/warm.ts), and the dashboard's month warm-up
 * waits for it (core/reports/warm-up.ts `after`): the list kept must be the one the screen would have made, and the
 * months must not be read while the list is being made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptListBesideWhole } from '../../core/today/list';
import { warmToday } from '../../core/today/warm';
import { warmReports } from '../../core/reports/warm-up';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { seed: 5, customers: 120 });
}, 120_000);
afterAll(() => app?.cleanup());

describe('Today made at start', () => {
  it("keeps the day's whole list, the one the screen is then given", async () => {
    expect(await keptListBesideWhole(app.db)).toBeUndefined();
    await warmToday(app.dispatch);
    const kept = await keptListBesideWhole(app.db);
    expect(kept).toBeDefined();
    expect(kept!.kept.items.length).toBeGreaterThan(0);
    expect(kept!.kept.items).toEqual(kept!.whole.items);
    const shown = await app.call('today:list', { limit: 20, offset: 0 });
    expect(shown.items.map((i) => i.customerId)).toEqual(kept!.kept.items.slice(0, 20).map((i) => i.customerId));
    expect(shown.total).toBe(kept!.kept.items.length);
  });
});

describe('the report warm-up after other start-up work', () => {
  const turnsOf = (after: Promise<unknown>) => {
    let turns = 0;
    const warm = warmReports(app.db, {
      today: TODAY,
      months: 2,
      after,
      betweenSteps: async () => {
        turns++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    return { done: warm.done, turns: () => turns };
  };
  const someTurns = async () => {
    for (let i = 0; i < 40; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  it('reads no month until that work is done, then all of them', async () => {
    let finish!: () => void;
    const first = new Promise<void>((resolve) => (finish = resolve));
    const warm = turnsOf(first);
    let done = false;
    void warm.done.then(() => (done = true));
    await someTurns();
    // Only the first turn, taken before it waits.
    expect([warm.turns(), done]).toEqual([1, false]);
    finish();
    const result = await warm.done;
    expect(result.skipped).toBeUndefined();
    expect(result.steps).toBeGreaterThan(4);
  });

  it('goes on when that work fails', async () => {
    const result = await turnsOf(Promise.reject(new Error('the list could not be made'))).done;
    expect(result.skipped).toBeUndefined();
    expect(result.steps).toBeGreaterThan(4);
  });
});
