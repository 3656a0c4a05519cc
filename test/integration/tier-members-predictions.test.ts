/**
 * The prediction cells of tier members' rows (core/segmentation/lists.ts with core/prediction/cells.ts): read for
 * the page's rows alone unless the list is sorted by a prediction, when every customer's are read to sort. Either
 * way each row carries what customer_predictions holds for that customer, read here with plain SQL, before and
 * after writes that move the database's change stamp.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictionsSettled } from '../../core/prediction/refit';
import { ONE_PURCHASE } from '../../shared/prediction/once';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 150, seed: 21 });
  await app.call('segments:recompute', {});
  await predictionsSettled(app.db);
});
afterAll(() => app.cleanup());

type Stored = { likelihood: number; pAlive: number | null; expectedValueMinor: number; clvMinor: number };

function stored(): Map<string, Stored> {
  const rows = app.db.$client
    .prepare(`SELECT customer_id AS id, score, purchases, p_alive AS pAlive, expected_order_value_minor AS ev, clv_minor AS clv FROM customer_predictions`)
    .all() as { id: string; score: number; purchases: number; pAlive: number; ev: number; clv: number }[];
  return new Map(rows.map((r) => [r.id, { likelihood: r.score, pAlive: r.purchases > ONE_PURCHASE ? r.pAlive : null, expectedValueMinor: r.ev, clvMinor: r.clv }]));
}

async function expectRowsAsStored(sort: 'revenue' | 'name' | 'likelihood' | 'clv') {
  const table = stored();
  expect(table.size).toBeGreaterThan(0);
  const { rows, total } = await app.call('segments:members', { scheme: 'pyramid', sort, limit: 40, offset: 10 });
  expect(total).toBeGreaterThan(50);
  for (const row of rows) {
    const own = table.get(row.id);
    if (!own) expect(row.likelihood).toBeUndefined();
    else expect({ likelihood: row.likelihood, pAlive: row.pAlive, expectedValueMinor: row.expectedValueMinor, clvMinor: row.clvMinor }).toEqual(own);
  }
  return { rows, table };
}

describe('tier members\' prediction cells', () => {
  it('equal the stored predictions, for the page alone and when sorted by one, before and after writes', async () => {
    for (const round of [0, 1]) {
      for (const sort of ['revenue', 'name'] as const) await expectRowsAsStored(sort);
      // Sorted by likelihood: the page is the stored scores' order (highest first, then by id), counted here.
      const { rows, table } = await expectRowsAsStored('likelihood');
      const members = (await app.call('segments:members', { scheme: 'pyramid', sort: 'likelihood', limit: 5000 })).rows.map((r) => r.id);
      const byScore = [...members].sort((a, b) => (table.get(b)?.likelihood ?? -1) - (table.get(a)?.likelihood ?? -1) || (a < b ? -1 : 1));
      expect(rows.map((r) => r.id)).toEqual(byScore.slice(10, 50));
      await expectRowsAsStored('clv');
      if (round === 0) {
        // A write: the change stamp moves, and the next recompute refits, changing stored rows.
        const someone = (await app.call('customers:list', { limit: 1 })).rows[0]!.id;
        await app.call('orders:create', { customerId: someone, orderDate: '2026-11-23', amount: '5000.00', currency: 'CNY' });
        await app.call('segments:recompute', {});
        await predictionsSettled(app.db);
      }
    }
  });
});
