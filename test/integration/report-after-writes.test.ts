import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import type { InputOf } from '../../shared/contract';
import type { EvaluationReport } from '../../shared/contract/reports';
import { buildReportFixture, FIXTURE_TODAY, type FixtureIds } from '../support/report-fixture';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

/**
 * The report keeps what it read and computed between opens (months of totals, the tier history, each
 * day's classes: core/reports/activity.ts and timeline.ts). After each kind of write — an order, a
 * return, a follow-up, a tier snapshot — the report of the app that kept all that must equal the report
 * of a new app on the same file, which starts with nothing in memory and computes it from scratch.
 */
let app: TestApp;
let ids: FixtureIds;

/** Ranges whose days and months overlap the writes below, in the three shapes the dashboard asks for. */
const REPORTS: InputOf<'reports:evaluation'>[] = [
  { scheme: 'pyramid', from: '2025-07-01', to: '2026-06-30', period: 'month' },
  { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', period: 'month' },
  { scheme: 'pyramid', from: '2025-07-01', to: '2026-06-30', period: 'quarter' },
  { scheme: 'rfm', from: '2025-07-01', to: '2026-06-30', period: 'month' },
  { scheme: 'value', from: '2024-07-01', to: '2026-06-30', period: 'year' },
];
const MIGRATION = { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30' };

const withoutTiming = ({ elapsedMs: _, ...report }: EvaluationReport) => report;
const reportsOf = async (run: <C extends 'reports:evaluation' | 'reports:migration'>(name: C, input: InputOf<C>) => Promise<unknown>) => ({
  evaluations: await Promise.all(REPORTS.map(async (input) => withoutTiming((await run('reports:evaluation', input)) as EvaluationReport))),
  migration: await run('reports:migration', MIGRATION),
});

/** The same reports from a new app on the same file: nothing kept in memory. */
async function fromScratch() {
  const fresh = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(FIXTURE_TODAY), checkOutput: true });
  try {
    return await reportsOf((name, input) => call(fresh.dispatch, name, input));
  } finally {
    fresh.close();
  }
}

const kept = () => reportsOf((name, input) => app.call(name, input));

beforeAll(async () => {
  app = openTestApp(FIXTURE_TODAY);
  ids = await buildReportFixture(app);
  // Everything read and kept once before the writes.
  await kept();
});
afterAll(() => app.cleanup());

describe('the report after a write equals the report computed from scratch', () => {
  it('starts equal, before any write', async () => {
    expect(await kept()).toEqual(await fromScratch());
  });

  it('after an order in a reported month and one in the year before it', async () => {
    const before = await kept();
    await app.call('orders:create', { customerId: ids.B, orderDate: '2026-03-18', amount: '250', currency: 'CNY', cost: '90' });
    await app.call('orders:create', { customerId: ids.E, orderDate: '2025-02-14', amount: '75', currency: 'CNY' });
    const after = await kept();
    expect(after).toEqual(await fromScratch());
    expect(after).not.toEqual(before);
  });

  it('after a return against an order', async () => {
    const before = await kept();
    await app.call('orders:return', { orderId: 'order-4', amount: '3' });
    const after = await kept();
    expect(after).toEqual(await fromScratch());
    expect(after).not.toEqual(before);
  });

  it('after a follow-up with a satisfaction score', async () => {
    const before = await kept();
    await app.call('followups:create', { customerId: ids.F, occurredAt: '2026-05-12T12:00:00.000Z', satisfaction: 5 });
    const after = await kept();
    expect(after).toEqual(await fromScratch());
    expect(after).not.toEqual(before);
  });

  it('after a tier snapshot of today', async () => {
    const before = await kept();
    await app.call('segments:recompute', {});
    const after = await kept();
    expect(after).toEqual(await fromScratch());
    // Today's classes now come from the snapshot: the pyramid on the last day changed.
    expect(after.evaluations[0]!.pyramid).not.toEqual(before.evaluations[0]!.pyramid);
  });

  it('after an order deleted and a follow-up written once the snapshot is stored', async () => {
    const before = await kept();
    await app.call('orders:delete', { id: 'order-2' });
    await app.call('followups:create', { customerId: ids.A, occurredAt: '2026-06-20T12:00:00.000Z', satisfaction: 1 });
    const after = await kept();
    expect(after).toEqual(await fromScratch());
    expect(after).not.toEqual(before);
  });

  it("after today's snapshot is stored again (corrected in place) following a large order", async () => {
    const before = await kept();
    await app.call('orders:create', { customerId: ids.F, orderDate: '2026-06-29', amount: '90000', currency: 'CNY' });
    await app.call('segments:recompute', {});
    const after = await kept();
    expect(after).toEqual(await fromScratch());
    expect(after.evaluations[0]!.pyramid).not.toEqual(before.evaluations[0]!.pyramid);
  });
});
