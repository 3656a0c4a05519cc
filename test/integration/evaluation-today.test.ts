import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The evaluation's pyramid of today is read from the stored history. A change of the tier settings stores
 * today again (in the background; the report waits for it), so the pyramid shows what the Tiers screen shows
 * — it read 3 / 9 / 38 / 203 beside a Tiers screen of 2 / 24 / 118 / 109 until Recompute was pressed. An order
 * changes the stored snapshot only when today is stored again. Checked against plain SQL on the stored history
 * and against the overview.
 */
let app: TestApp;
const TODAY = '2026-11-23';
beforeEach(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 120, seed: 11 });
  await app.call('segments:config:set', { overrides: { partition: { kind: 'none' } } });
  await app.call('segments:recompute', {});
});
afterEach(() => app.cleanup());

const pyramidOfToday = async () =>
  Object.fromEntries(
    (await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: TODAY, period: 'month' })).pyramid.levels.map((l) => [l.classKey, l.customers]),
  );
const overviewCounts = async () => Object.fromEntries((await app.call('segments:overview', { scheme: 'pyramid' })).classes.filter((c) => c.count > 0).map((c) => [c.classKey, c.count]));
/** Live customers per class on today's stored history (the latest change point on or before today), by plain SQL. */
const storedCounts = () =>
  Object.fromEntries(
    (app.db.$client
      .prepare(
        `SELECT s.class_key, count(*) FROM segment_assignments s JOIN customers c ON c.id = s.customer_id AND c.deleted_at IS NULL AND c.archived_at IS NULL
         WHERE s.scheme = 'pyramid' AND s.as_of = (SELECT max(t.as_of) FROM segment_assignments t WHERE t.scheme = 'pyramid' AND t.customer_id = s.customer_id AND t.as_of <= ?)
         GROUP BY s.class_key`,
      )
      .raw()
      .all(TODAY) as [string, number][]).filter(([, n]) => n > 0),
  );

describe("the evaluation's pyramid of today", () => {
  it('follows a change of the tier settings at once, as the Tiers screen does, and an order once today is stored again', async () => {
    const before = await pyramidOfToday();
    expect(before).toMatchObject(await overviewCounts());
    await app.call('segments:config:set', { overrides: { partition: { kind: 'none' }, pyramid: { mode: 'thresholds', thresholds: { platinum: 800_000_00, gold: 300_000_00, iron: 20_000_00 } } } });
    const changed = await overviewCounts();
    expect(changed).not.toEqual(Object.fromEntries(Object.entries(before).filter(([, n]) => n > 0)));
    expect(Object.fromEntries(Object.entries(await pyramidOfToday()).filter(([, n]) => n > 0))).toEqual(changed);
    expect(storedCounts()).toEqual(changed);

    // An order: the report reads today's snapshot as stored until today is stored again (Recompute, the next start).
    const { rows } = await app.call('segments:members', { scheme: 'pyramid', classKey: 'lead', limit: 1 });
    await app.call('orders:create', { customerId: rows[0]!.id, orderDate: TODAY, amount: '900000', currency: 'CNY' });
    expect(Object.fromEntries(Object.entries(await pyramidOfToday()).filter(([, n]) => n > 0))).toEqual(storedCounts());
    await app.call('segments:recompute', {});
    const afterOrder = await overviewCounts();
    expect(Object.fromEntries(Object.entries(await pyramidOfToday()).filter(([, n]) => n > 0))).toEqual(afterOrder);
    expect(storedCounts()).toEqual(afterOrder);
  });
});
