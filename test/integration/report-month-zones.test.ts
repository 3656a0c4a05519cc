import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The evaluation report (the Evaluation screen's monthly figures and `tierbook report`, one handler) puts a follow-up
 * in the month the user's clock says, and an order in the month of its date, at the edges of months: 23:30 on the
 * last day and 00:30 on the first, in a zone east of UTC, one west of it and UTC itself. Held to plain SQL that takes
 * the local month of each instant, and to the months counted here by hand from each zone's offset.
 */
const previousTz = process.env.TZ;
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const HOUR = 3_600_000;
/** Local wall-clock times near the month edges of autumn 2026 (before any clock change of the year's end). */
const EDGES = [[2026, 8, 30, 23], [2026, 9, 1, 0], [2026, 9, 31, 23], [2026, 10, 1, 0]] as const;
/** The instant of 'HH:30' local on that day at `offsetHours` (local minus UTC). */
const instantAt = ([y, m, d, h]: (typeof EDGES)[number], offsetHours: number) => new Date(Date.UTC(y, m, d, h, 30) - offsetHours * HOUR).toISOString();

async function book(zone: string, offsetHours: number) {
  process.env.TZ = zone;
  app = openTestApp('2026-11-23');
  const customerId = (await app.call('customers:create', { name: '月末' })).customer.id;
  for (const edge of EDGES) await app.call('followups:create', { customerId, occurredAt: instantAt(edge, offsetHours), content: 'edge', satisfaction: 4 });
  // Orders carry a date, no time: the month is the date's, in every zone.
  for (const [date, amount] of [['2026-09-30', '1'], ['2026-10-01', '2'], ['2026-10-31', '4'], ['2026-11-01', '8']] as const) {
    await app.call('orders:create', { customerId, orderDate: date, currency: 'CNY', amount });
  }
  return app;
}

async function monthly(app: TestApp) {
  const report = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-09-01', to: '2026-11-30', period: 'month' });
  return report.periods.map((p) => [p.start.slice(0, 7), p.total.followUps, p.total.revenueMinor]);
}

/** Plain SQL: each follow-up's local month (SQLite's 'localtime' follows the process's zone), each order's date's. */
function bySql(app: TestApp) {
  const followUps = new Map(app.db.$client.prepare(`SELECT strftime('%Y-%m', occurred_at, 'localtime') AS m, count(*) FROM follow_ups GROUP BY m`).raw().all() as [string, number][]);
  const revenue = new Map(app.db.$client.prepare(`SELECT substr(order_date, 1, 7) AS m, sum(base_amount_minor) FROM orders GROUP BY m`).raw().all() as [string, number][]);
  return ['2026-09', '2026-10', '2026-11'].map((m) => [m, followUps.get(m) ?? 0, revenue.get(m) ?? 0]);
}

describe('the report’s month of a follow-up or an order at the edge of a month', () => {
  it.each([
    ['Asia/Shanghai', 8],
    ['America/Los_Angeles', -7],
    ['UTC', 0],
  ] as const)('%s: each falls in the month its own clock says', async (zone, offset) => {
    const app = await book(zone, offset);
    // 23:30 on 09-30 → September; 00:30 on 10-01 and 23:30 on 10-31 → October; 00:30 on 11-01 → November.
    const expected = [['2026-09', 1, 100], ['2026-10', 2, 600], ['2026-11', 1, 800]];
    expect(bySql(app)).toEqual(expected);
    expect(await monthly(app)).toEqual(expected);
  });

  it('a book written in Shanghai and read in Los Angeles counts the months of Los Angeles, in the same running app too', async () => {
    const app = await book('Asia/Shanghai', 8);
    expect(await monthly(app)).toEqual([['2026-09', 1, 100], ['2026-10', 2, 600], ['2026-11', 1, 800]]);
    process.env.TZ = 'America/Los_Angeles';
    // Shanghai's 00:30 on 10-01 is 09:30 on 09-30 in Los Angeles (−7), its 00:30 on 11-01 is 09:30 on 10-31.
    const expected = [['2026-09', 2, 100], ['2026-10', 2, 600], ['2026-11', 0, 800]];
    expect(bySql(app)).toEqual(expected);
    expect(await monthly(app)).toEqual(expected);
  });
});
