/**
 * Returns, gross profit and fixed thresholds through dispatch on a real database: the tiers and the
 * prediction inputs change exactly as hand arithmetic says when a return is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistories } from '../../core/prediction/histories';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const TODAY = '2026-06-30';
const ids: Record<string, string> = {};

async function addCustomer(name: string) {
  return (await app.call('customers:create', { name, type: 'enterprise', contacts: [] })).customer.id;
}

/** A return as order entry records it (negative amount and cost, kind 'return'); base = amount in CNY. */
function recordReturn(customerId: string, date: string, amountMinor: number, costMinor: number | null) {
  app.db.$client
    .prepare(
      `INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind, cost_minor, base_cost_minor)
       VALUES (?, ?, ?, ?, ?, ?, 'CNY', 1, 'CNY', ?, 'return', ?, ?)`,
    )
    .run(`ret-${customerId}-${date}`, `${date}T10:00:00.000Z`, `${date}T10:00:00.000Z`, customerId, date, amountMinor, amountMinor, costMinor, costMinor);
}

function setCost(customerId: string, costMinor: number) {
  app.db.$client.prepare(`UPDATE orders SET cost_minor = ?, base_cost_minor = ? WHERE customer_id = ? AND kind = 'sale'`).run(costMinor, costMinor, customerId);
}

const pyramidOf = async (name: string) => {
  const e = await app.call('segments:explain', { customerId: ids[name]! });
  return e.schemes.pyramid!;
};

beforeAll(async () => {
  app = openTestApp(TODAY);
  for (const name of ['A', 'B', 'C']) ids[name] = await addCustomer(name);
  await app.call('orders:create', { customerId: ids.A!, orderDate: '2026-06-01', amount: '900.00', currency: 'CNY' });
  await app.call('orders:create', { customerId: ids.B!, orderDate: '2026-05-01', amount: '500.00', currency: 'CNY' });
  await app.call('orders:create', { customerId: ids.C!, orderDate: '2026-04-01', amount: '100.00', currency: 'CNY' });
  // 年采购额 ≥ ¥800 platinum, ≥ ¥400 gold, ≥ ¥200 iron (fen).
  await app.call('segments:config:set', { overrides: { pyramid: { mode: 'thresholds', thresholds: { platinum: 80_000, gold: 40_000, iron: 20_000 } } } });
}, 60_000);
afterAll(() => app.cleanup());

describe('returns in the tiers', () => {
  it('a return moves the customer down by exactly its amount, and the hint is the exact difference', async () => {
    expect((await pyramidOf('A')).classKey).toBe('platinum');
    recordReturn(ids.A!, '2026-06-20', -60_000, null);
    const a = await pyramidOf('A');
    // 90,000 − 60,000 = 30,000: iron (≥ 20,000, < 40,000); gold needs 40,000 − 30,000 = 10,000 more.
    expect(a.classKey).toBe('iron');
    expect(a.explanation).toMatchObject({ rankValue: 30_000, mode: 'thresholds', cuts: { platinum: 80_000, gold: 40_000, iron: 20_000 } });
    expect(a.explanation.moves).toEqual([{ kind: 'spend_more', amountMinor: 10_000, by: '2027-05-31', toClass: 'gold' }]);
    const { metrics } = await app.call('segments:explain', { customerId: ids.A! });
    // Still one purchase, last on 06-01: the return is not an order.
    expect([metrics.revenueMinor, metrics.orderCount, metrics.lastOrderDate]).toEqual([30_000, 1, '2026-06-01']);
  });

  it('the tier list shows the netted revenue and the order count without the return', async () => {
    const page = await app.call('segments:members', { scheme: 'pyramid', limit: 10 });
    const a = page.rows.find((r) => r.id === ids.A)!;
    expect([a.revenueMinor, a.orderCount, a.lastOrderDate]).toEqual([30_000, 1, '2026-06-01']);
    const o = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(o.revenueMinor).toBe(90_000 - 60_000 + 50_000 + 10_000);
    expect(o.classes.find((c) => c.classKey === 'iron')).toMatchObject({ count: 1, revenueMinor: 30_000 });
  });

  it('gross profit nets the return\'s cost, and a customer without cost data falls back to revenue', async () => {
    setCost(ids.A!, 20_000);
    recordReturn(ids.A!, '2026-06-21', 0, -5_000);
    await app.call('segments:config:set', { overrides: { pyramid: { basis: 'gross_profit', mode: 'thresholds', thresholds: { platinum: 80_000, gold: 40_000, iron: 20_000 } } } });
    const a = await pyramidOf('A');
    // (90,000 − 20,000) + (−60,000 − 0) + (0 − −5,000) = 15,000: lead; iron is 5,000 away.
    expect(a.explanation).toMatchObject({ basis: 'gross_profit', fellBackToRevenue: false, rankValue: 15_000 });
    expect(a.classKey).toBe('lead');
    const b = await pyramidOf('B');
    expect(b.explanation).toMatchObject({ fellBackToRevenue: true, rankValue: 50_000 });
    expect(b.classKey).toBe('gold');
  });

  it('prediction counts sale days as purchases and scales value by the share kept', () => {
    const histories = loadHistories(app.db, TODAY);
    const a = histories.find((h) => h.id === ids.A)!;
    // One purchase day (the returns add none); kept share (90,000 − 60,000) ÷ 90,000 = ⅓.
    expect(a.x).toBe(0);
    expect(a.meanValue).toBeCloseTo(90_000 * (30_000 / 90_000), 6);
    const b = histories.find((h) => h.id === ids.B)!;
    expect(b.meanValue).toBe(50_000);
  });
});
