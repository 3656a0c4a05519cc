import type { TestApp } from './test-app';

/**
 * A hand-made tier history for the evaluation report, small enough to check every figure by hand
 * (pyramid scheme, cadences from the shipped policies: platinum 7, gold 14, iron 30, lead 90 days):
 *
 *   A  gold from 2025-01-01 on                        orders: 2025-01-10 1000, 2025-12-20 500,
 *                                                      2026-01-05 2000 (cost 1200), 2026-01-20 return −300 (cost −180), 2026-03-10 800
 *   B  iron from 2025-01-01, gold from 2026-02-15     orders: 2026-02-03 400, 2026-03-05 600 (cost 100)
 *   C  platinum from 2026-01-01, gold from 2026-02-20 orders: 2026-01-15 5000   (platinum empties in March)
 *   D  lead from 2026-01-01, out on 2026-04-15        orders: 2026-02-25 300
 *   E  never classified                               orders: 2026-03-12 700
 *   F  lead from 2026-02-10                           no orders
 *
 * Follow-ups (noon UTC, the same calendar day in any zone from UTC−11 to UTC+11): A 2026-01-10 (5 → 4),
 * A 2026-01-25 (no satisfaction), A 2026-03-20 (5), B 2026-02-20 (2), C 2026-02-05 (no satisfaction), F 2026-02-12 (3).
 * April 2026 has no orders at all. Amounts are base-currency (CNY) minor units.
 */
export const FIXTURE_TODAY = '2026-06-30';
export const SNAPSHOT_DAYS = ['2025-01-01', '2026-01-01', '2026-02-10', '2026-02-15', '2026-02-20', '2026-04-15', '2026-04-30'];

export type FixtureIds = Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;

export async function buildReportFixture(app: TestApp): Promise<FixtureIds> {
  const ids = {} as FixtureIds;
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F'] as const) ids[name] = (await app.call('customers:create', { name: `Customer ${name}`, contacts: [] })).customer.id;
  const raw = app.db.$client;
  const history: [keyof FixtureIds, string, string][] = [
    ['A', '2025-01-01', 'gold'],
    ['B', '2025-01-01', 'iron'],
    ['B', '2026-02-15', 'gold'],
    ['C', '2026-01-01', 'platinum'],
    ['C', '2026-02-20', 'gold'],
    ['D', '2026-01-01', 'lead'],
    ['D', '2026-04-15', '_out'],
    ['F', '2026-02-10', 'lead'],
  ];
  const point = raw.prepare(`INSERT INTO segment_assignments (scheme, customer_id, as_of, class_key) VALUES ('pyramid', ?, ?, ?)`);
  for (const [who, day, classKey] of history) point.run(ids[who], day, classKey);
  const run = raw.prepare(`INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES (?, ?, 5)`);
  for (const day of SNAPSHOT_DAYS) run.run(day, `${day}T20:00:00.000Z`);

  const orders: [keyof FixtureIds, string, 'sale' | 'return', number, number | null][] = [
    ['A', '2025-01-10', 'sale', 1000, null],
    ['A', '2025-12-20', 'sale', 500, null],
    ['A', '2026-01-05', 'sale', 2000, 1200],
    ['A', '2026-01-20', 'return', -300, -180],
    ['A', '2026-03-10', 'sale', 800, null],
    ['B', '2026-02-03', 'sale', 400, null],
    ['B', '2026-03-05', 'sale', 600, 100],
    ['C', '2026-01-15', 'sale', 5000, null],
    ['D', '2026-02-25', 'sale', 300, null],
    ['E', '2026-03-12', 'sale', 700, null],
  ];
  const order = raw.prepare(
    `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind, cost_minor, base_cost_minor)
     VALUES (?, ?, ?, ?, ?, ?, 'CNY', 1, 'CNY', ?, ?, ?, ?)`,
  );
  orders.forEach(([who, day, kind, amount, cost], i) => order.run(`order-${i}`, `${day}T10:00:00.000Z`, `${day}T10:00:00.000Z`, ids[who], day, amount, amount, kind, cost, cost));

  const followUps: [keyof FixtureIds, string, number | null][] = [
    ['A', '2026-01-10', 4],
    ['A', '2026-01-25', null],
    ['A', '2026-03-20', 5],
    ['B', '2026-02-20', 2],
    ['C', '2026-02-05', null],
    ['F', '2026-02-12', 3],
  ];
  const followUp = raw.prepare(`INSERT INTO follow_ups (id, created_at, updated_at, customer_id, occurred_at, channel, satisfaction) VALUES (?, ?, ?, ?, ?, 'call', ?)`);
  followUps.forEach(([who, day, satisfaction], i) => followUp.run(`follow-up-${i}`, `${day}T12:00:00.000Z`, `${day}T12:00:00.000Z`, ids[who], `${day}T12:00:00.000Z`, satisfaction));
  return ids;
}
