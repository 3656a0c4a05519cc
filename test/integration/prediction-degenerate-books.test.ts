/**
 * Books at the edges, through dispatch with every output checked against the contract: every customer
 * identical, every order returned, thirty years of orders, one customer with 10,000 orders on one day, orders
 * of one minor unit, and a partition whose group has one customer. No call may fail or break the contract, and
 * the figures are worked out here from the rows with plain SQL and arithmetic.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

const sql = <T>(query: string, ...params: unknown[]): T => app!.db.$client.prepare(query).get(...params) as T;
const sqlAll = <T>(query: string, ...params: unknown[]): T[] => app!.db.$client.prepare(query).all(...params) as T[];

/** Per customer with a sale: purchase days, the last one, and days from it to TODAY. */
function purchaseFacts(): Map<string, { days: number; last: string; since: number }> {
  const rows = sqlAll<{ id: string; days: number; last: string; since: number }>(
    `SELECT customer_id AS id, COUNT(DISTINCT order_date) AS days, MAX(order_date) AS last, CAST(julianday(?) - julianday(MAX(order_date)) AS INTEGER) AS since
     FROM orders WHERE deleted_at IS NULL AND kind = 'sale' GROUP BY customer_id`,
    TODAY,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Orders imported from a CSV written here: quicker than one call each for thousands of rows. */
async function importOrders(lines: string[]): Promise<void> {
  const path = join(app!.dir, 'orders.csv');
  writeFileSync(path, ['Customer,Order date,Amount,Currency', ...lines].join('\n'));
  const result = await app!.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
  expect(result.rejected).toBe(0);
}

describe('every customer identical', () => {
  it('a model whose spend needs no Gamma-Gamma: everyone is worth the one order value they all place', async () => {
    app = openTestApp(TODAY);
    await importOrders(Array.from({ length: 60 }, (_, i) => ['2026-02-01', '2026-05-01', '2026-08-01'].map((d) => `Same${i},${d},250.00,CNY`)).flat());
    await app.call('segments:recompute', {});
    const page = await app.call('prediction:customers', { limit: 500 });
    const { avg, n } = sql<{ avg: number; n: number }>(`SELECT AVG(base_amount_minor) AS avg, COUNT(DISTINCT customer_id) AS n FROM orders WHERE kind = 'sale'`);
    expect(page.total).toBe(n);
    expect(page.model!.spendMethod).toBe('mean');
    expect(page.model!.gammaGamma).toBeUndefined();
    for (const row of page.rows) expect(row.expectedOrderValueMinor).toBe(avg);
    // The same figures for everyone: one history, one forecast.
    expect(new Set(page.rows.map((r) => `${r.score}|${r.pAlive}|${r.clvMinor}`)).size).toBe(1);
  });
});

describe('every order returned', () => {
  it('predicted order value and customer value are 0, never negative, for a book that kept nothing', async () => {
    app = openTestApp(TODAY);
    for (let i = 0; i < 25; i++) {
      const { customer } = await app.call('customers:create', { name: `R${i}` });
      for (const d of ['2026-03-01', '2026-07-01']) {
        const order = await app.call('orders:create', { customerId: customer.id, orderDate: d, amount: String(60 + i), currency: 'CNY' });
        await app.call('orders:return', { orderId: order.id, orderDate: d });
      }
    }
    await app.call('segments:recompute', {});
    expect(sql<{ net: number }>(`SELECT SUM(base_amount_minor) AS net FROM orders WHERE deleted_at IS NULL`).net).toBe(0);
    const page = await app.call('prediction:customers', { limit: 500 });
    const facts = purchaseFacts();
    expect(page.total).toBe(facts.size);
    for (const row of page.rows) {
      expect([row.expectedOrderValueMinor, row.clvMinor]).toEqual([0, 0]);
      // Returns are never purchases: two sale days each.
      expect(row.purchases).toBe(facts.get(row.id)!.days);
    }
  });
});

describe('thirty years of orders', () => {
  it('fits, stays inside the contract, and the facts behind each sentence match the rows', async () => {
    app = openTestApp(TODAY);
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) {
      const first = addDays('1996-11-23', i * 17);
      for (const d of [first, addDays(first, 365 * (1 + (i % 10))), addDays(first, 365 * (2 + (i % 20)) + i)]) if (d <= TODAY) lines.push(`Old${i},${d},${100 + i}.00,CNY`);
    }
    await importOrders(lines);
    await app.call('segments:recompute', {});
    const page = await app.call('prediction:customers', { limit: 500 });
    const facts = purchaseFacts();
    expect(page.total).toBe(facts.size);
    const gg = page.model!.gammaGamma;
    if (gg) for (const v of [gg.p, gg.q]) expect(v).toBeLessThan(1e6);
    for (const row of page.rows) {
      const f = facts.get(row.id)!;
      expect([row.purchases, row.daysSinceLast]).toEqual([f.days, f.since]);
    }
    const years = await app.call('reports:evaluation', { scheme: 'pyramid', from: '1996-11-23', to: TODAY, period: 'year' });
    // 1996 to 2026 inclusive, by calendar year.
    expect(years.periods.length).toBe(2026 - 1996 + 1);
  });
});

describe('10,000 orders on one day', () => {
  it('are one purchase to the model and 10,000 orders to the tiers, each figure as the rows say', async () => {
    app = openTestApp(TODAY);
    const lines = Array.from({ length: 10_000 }, (_, k) => `Busy,2026-10-10,${(1 + (k % 97) / 100).toFixed(2)},CNY`);
    for (let i = 0; i < 40; i++) for (const d of ['2026-02-01', `2026-05-0${1 + (i % 9)}`, `2026-09-1${i % 10}`].slice(0, 2 + (i % 2))) lines.push(`Other${i},${d},${(40 + i * 3.7).toFixed(2)},CNY`);
    await importOrders(lines);
    await app.call('segments:recompute', {});
    const busy = sql<{ id: string }>(`SELECT id FROM customers WHERE name = 'Busy'`).id;
    const { total, orders, days } = sql<{ total: number; orders: number; days: number }>(
      `SELECT SUM(base_amount_minor) AS total, COUNT(*) AS orders, COUNT(DISTINCT order_date) AS days FROM orders WHERE customer_id = ?`,
      busy,
    );
    expect([orders, days]).toEqual([10_000, 1]);

    const page = await app.call('prediction:customers', { customerId: busy });
    const row = page.rows[0]!;
    expect([row.purchases, row.typicalGapDays, row.daysSinceLast]).toEqual([1, null, purchaseFacts().get(busy)!.since]);
    // A one-day buyer's order value: the population's mean under Gamma-Gamma (p·γ/(q−1)); else the credibility mean of
    // two population means and their own one purchase (the day's 10,000 orders summed), the population's being the
    // mean over buyers of their value per purchase day.
    const model = page.model!;
    let expected: number;
    if (model.gammaGamma) expected = (model.gammaGamma.p * model.gammaGamma.gamma) / (model.gammaGamma.q - 1);
    else {
      const perDay = sqlAll<{ v: number }>(`SELECT SUM(base_amount_minor) * 1.0 / COUNT(DISTINCT order_date) AS v FROM orders WHERE kind = 'sale' GROUP BY customer_id`);
      const population = perDay.reduce((s, r) => s + r.v, 0) / perDay.length;
      expected = (2 * population + total) / 3;
    }
    expect(row.expectedOrderValueMinor).toBe(Math.round(expected));

    const explained = await app.call('segments:explain', { customerId: busy });
    expect([explained.metrics.orderCount, explained.metrics.revenueMinor]).toEqual([orders, total]);
  });
});

describe('orders of one minor unit', () => {
  it('two orders of 0.01 on two days: an order value of 1 minor unit, revenue 2', async () => {
    app = openTestApp(TODAY);
    const { customer } = await app.call('customers:create', { name: 'Cent' });
    for (const d of ['2026-04-01', '2026-09-01']) await app.call('orders:create', { customerId: customer.id, orderDate: d, amount: '0.01', currency: 'CNY' });
    await app.call('segments:recompute', {});
    const row = (await app.call('prediction:customers', {})).rows[0]!;
    expect(row.expectedOrderValueMinor).toBe(sql<{ v: number }>(`SELECT AVG(base_amount_minor) AS v FROM orders`).v);
    const overview = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(overview.revenueMinor).toBe(sql<{ v: number }>(`SELECT SUM(base_amount_minor) AS v FROM orders`).v);
    expect(overview.classes.find((c) => c.count === 1)!.revenueShare).toBe(1);
  });
});

describe('a partition whose group has one customer', () => {
  it('the overview lists the group of one, its members page holds them, and their explanation names the group', async () => {
    app = openTestApp(TODAY);
    for (let i = 0; i < 40; i++) {
      const { customer } = await app.call('customers:create', { name: `E${i}`, type: 'enterprise' });
      await app.call('orders:create', { customerId: customer.id, orderDate: '2026-06-01', amount: String(100 + i * 7), currency: 'CNY' });
    }
    const { customer: lone } = await app.call('customers:create', { name: 'Lone', type: 'individual' });
    await app.call('orders:create', { customerId: lone.id, orderDate: '2026-07-01', amount: '5000', currency: 'CNY' });
    await app.call('segments:config:set', { overrides: { partition: { kind: 'field', field: 'type' } } });
    await app.call('segments:recompute', {});
    const sizes = new Map(sqlAll<{ type: string; n: number }>(`SELECT type, COUNT(*) AS n FROM customers WHERE deleted_at IS NULL GROUP BY type`).map((r) => [r.type, r.n]));
    for (const scheme of ['pyramid', 'value', 'rfm', 'loyalty', 'behavior']) {
      const overview = await app.call('segments:overview', { scheme });
      expect(new Map(overview.groups!.map((g) => [g.group, g.customers]))).toEqual(sizes);
      const one = overview.groups!.find((g) => g.group === 'individual')!;
      expect(one.classes.reduce((n, c) => n + c.count, 0)).toBe(1);
      const members = await app.call('segments:members', { scheme, group: 'individual' });
      expect(members.rows.map((r) => [r.id, r.group])).toEqual([[lone.id, 'individual']]);
    }
    const explained = await app.call('segments:explain', { customerId: lone.id });
    expect(explained.schemes.pyramid!.explanation.group).toEqual({ partition: 'type', key: 'individual', size: 1 });
  });
});
