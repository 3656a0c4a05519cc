/**
 * Predictions through dispatch on a real database: stored by each recompute, read back sorted, the best
 * list's filters, the fall-back on a thin base, and the numbers checked against plain SQL and arithmetic.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictFromDb } from '../../core/prediction/predict';
import { openTestApp, type TestApp } from '../support/test-app';
import { expectedPredictionTable } from '../support/prediction-rows';

let app: TestApp;
const TODAY = '2026-11-23';

beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 300, seed: 7 });
  await app.call('segments:recompute', {});
}, 120_000);
afterAll(() => app.cleanup());

function sqlAll<T>(query: string, ...params: unknown[]): T[] {
  const raw = new Database(app.dbPath, { readonly: true });
  try {
    return raw.prepare(query).all(...params) as T[];
  } finally {
    raw.close();
  }
}

describe('predictions stored by a recompute', () => {
  it('every live customer with an order has one, and the facts behind the sentence match plain SQL', async () => {
    const page = await app.call('prediction:customers', { limit: 5000 });
    expect(page.asOf).toBe(TODAY);
    const facts = sqlAll<{ id: string; days: number; first: string; last: string }>(
      `SELECT o.customer_id AS id, COUNT(DISTINCT o.order_date) AS days, MIN(o.order_date) AS first, MAX(o.order_date) AS last
       FROM orders o JOIN customers c ON c.id = o.customer_id
       WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL AND c.archived_at IS NULL AND o.order_date <= ? GROUP BY o.customer_id`,
      TODAY,
    );
    expect(page.total).toBe(facts.length);
    expect(page.rows).toHaveLength(facts.length);
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    for (const f of facts) {
      const r = byId.get(f.id)!;
      expect(r.purchases).toBe(f.days);
      expect(r.daysSinceLast).toBe(day(TODAY) - day(f.last));
      expect(r.typicalGapDays).toBe(f.days > 1 ? (day(f.last) - day(f.first)) / (f.days - 1) : null);
    }
  });

  it('the stored rows are exactly the fitted predictions, customer by customer (written by the hundred)', async () => {
    const fitted = predictFromDb(app.db, TODAY).rows;
    expect(fitted.length).toBeGreaterThan(200);
    const stored = sqlAll<Record<string, unknown>>('SELECT * FROM customer_predictions ORDER BY customer_id');
    const expected = expectedPredictionTable(fitted, TODAY);
    expect(stored).toEqual(expected);
  });

  it('the score is the chance of a purchase in 90 days, recomputed here from the stored model', async () => {
    const page = await app.call('prediction:customers', { limit: 50 });
    const { r, alpha } = page.model!.bgnbd;
    for (const row of page.rows) {
      const x = row.purchases - 1;
      const tx = row.typicalGapDays === null ? 0 : row.typicalGapDays * x;
      const T = tx + row.daysSinceLast;
      // P(alive) × (1 − ((α+T)/(α+T+90))^(r+x)): an alive customer's rate is Gamma(r+x, α+T) a posteriori.
      const expected = Math.round(100 * row.pAlive * (1 - ((alpha + T) / (alpha + T + 90)) ** (r + x)));
      expect(Math.abs(row.score - expected)).toBeLessThanOrEqual(1);
    }
  });

  it('sorts by each prediction column, highest first', async () => {
    for (const [sort, value] of [
      ['score', (r: { score: number }) => r.score],
      ['pAlive', (r: { pAlive: number }) => r.pAlive],
      ['expectedValue', (r: { expectedOrderValueMinor: number }) => r.expectedOrderValueMinor],
      ['clv', (r: { clvMinor: number }) => r.clvMinor],
    ] as const) {
      const { rows } = await app.call('prediction:customers', { sort, limit: 200 });
      const values = rows.map(value as (r: (typeof rows)[number]) => number);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
  });

  it('the best list orders by score × expected value and filters by owner and class', async () => {
    const all = await app.call('prediction:best', { limit: 5000 });
    const products = all.rows.map((r) => r.score * r.expectedOrderValueMinor);
    expect(products).toEqual([...products].sort((a, b) => b - a));
    const owner = all.rows.find((r) => r.owner !== null)!.owner!;
    const mine = await app.call('prediction:best', { owner, limit: 5000 });
    const owned = sqlAll<{ id: string }>(`SELECT p.customer_id AS id FROM customer_predictions p JOIN customers c ON c.id = p.customer_id WHERE c.owner = ? AND c.deleted_at IS NULL AND c.archived_at IS NULL`, owner);
    expect(mine.rows.map((r) => r.id).sort()).toEqual(owned.map((o) => o.id).sort());
    const classed = await app.call('prediction:best', { scheme: 'pyramid', limit: 5000 });
    const classKey = classed.rows[0]!.classKey!;
    const inClass = await app.call('prediction:best', { scheme: 'pyramid', classKey, limit: 5000 });
    expect(inClass.total).toBe(classed.rows.filter((r) => r.classKey === classKey).length);
    expect(inClass.rows.every((r) => r.classKey === classKey)).toBe(true);
  });

  it('a later recompute replaces the rows; an earlier day never overwrites them', async () => {
    await app.call('segments:recompute', { asOf: '2026-11-20' });
    expect((await app.call('prediction:customers', { limit: 1 })).asOf).toBe(TODAY);
    const stored = sqlAll<{ asOf: string }>('SELECT DISTINCT as_of AS asOf FROM customer_predictions');
    expect(stored).toEqual([{ asOf: TODAY }]);
  });

  it('an asOf other than the stored day is fitted on demand', async () => {
    const page = await app.call('prediction:customers', { asOf: '2026-06-30', limit: 5 });
    expect(page.asOf).toBe('2026-06-30');
    const count = sqlAll<{ n: number }>(`SELECT COUNT(DISTINCT customer_id) AS n FROM orders o WHERE deleted_at IS NULL AND order_date <= '2026-06-30'
      AND customer_id IN (SELECT id FROM customers WHERE deleted_at IS NULL)`)[0]!.n;
    expect(page.total).toBe(count);
  });

  it('holdout: until before split is refused with a clear message', async () => {
    await expect(app.call('prediction:holdout', { split: '2026-06-30', until: '2026-01-01' })).rejects.toThrow(/must be after the split date/);
  });

  it('holdout: a split after the last order, with no end given, is refused at the split, naming the last order', async () => {
    const last = sqlAll<{ d: string }>(`SELECT max(order_date) AS d FROM orders WHERE deleted_at IS NULL`)[0]!.d;
    const dayAfter = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await app.dispatch('prediction:holdout', { split: dayAfter })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['split'], key: 'prediction_split_after_orders', params: { last } }] },
    });
  });
});

describe('a thin base falls back and says so', () => {
  it('three customers: method shrunk, with low confidence', async () => {
    const small = openTestApp(TODAY);
    try {
      for (const [name, dates] of [['A', ['2026-01-05', '2026-03-01', '2026-09-01']], ['B', ['2026-05-05']], ['C', ['2026-02-01', '2026-02-20']]] as const) {
        const { customer: c } = await small.call('customers:create', { name });
        for (const d of dates) await small.call('orders:create', { customerId: c.id, orderDate: d, amount: '100', currency: 'CNY' });
      }
      await small.call('segments:recompute', {});
      const page = await small.call('prediction:customers', {});
      expect(page.model!.method).toBe('shrunk');
      expect(page.model!.fallbackReason).toBe('few-customers');
      expect(page.rows).toHaveLength(3);
      for (const r of page.rows) {
        expect(r.method).toBe('shrunk');
        expect(r.confidence).toBe('low');
        // Every order was 100.00 CNY: the credibility mean is 10000 minor units for everyone.
        expect(r.expectedOrderValueMinor).toBe(10000);
      }
    } finally {
      small.cleanup();
    }
  });
});

describe('the customer list carries and sorts by the stored predictions', () => {
  it.each(['likelihood', 'pAlive', 'expectedValueMinor', 'clvMinor'] as const)('sort by %s, highest first, nulls (no orders) last, values equal the stored rows', async (field) => {
    const list = await app.call('customers:list', { sort: { field, desc: true }, limit: 5000 });
    const stored = new Map(sqlAll<{ customer_id: string }>('SELECT * FROM customer_predictions').map((r) => [r.customer_id, r]));
    const column = { likelihood: 'score', pAlive: 'p_alive', expectedValueMinor: 'expected_order_value_minor', clvMinor: 'clv_minor' } as const;
    const values = list.rows.map((r) => r[field] ?? null);
    const present = values.filter((v): v is number => v !== null);
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(values.slice(present.length).every((v) => v === null)).toBe(true);
    for (const r of list.rows) {
      const s = stored.get(r.id) as Record<string, number> | undefined;
      // A one-time buyer's P(alive) is the model's 1, not an estimate: the list has none (shared/prediction/once.ts).
      const expected = !s ? null : field === 'pAlive' && s.purchases === 1 ? null : s[column[field]]!;
      expect(r[field] ?? null).toBe(expected);
    }
  });

  it('gives no P(alive) for a one-time buyer, whose model value is 1 however long ago they bought, and sorts them after the estimates', async () => {
    const once = sqlAll<{ customer_id: string; p_alive: number; days_since_last: number }>('SELECT customer_id, p_alive, days_since_last FROM customer_predictions WHERE purchases = 1');
    const repeat = sqlAll<{ customer_id: string; p_alive: number }>('SELECT customer_id, p_alive FROM customer_predictions WHERE purchases > 1 ORDER BY p_alive DESC, customer_id');
    expect(once.length).toBeGreaterThan(0);
    expect(once.every((r) => r.p_alive === 1)).toBe(true);
    const list = await app.call('customers:list', { sort: { field: 'pAlive', desc: true }, limit: 5000 });
    const byId = new Map(list.rows.map((r, i) => [r.id, { row: r, at: i }]));
    for (const r of once) expect(byId.get(r.customer_id)?.row.pAlive ?? null).toBeNull();
    // Every estimate comes before every one-time buyer, highest first.
    const lastEstimate = Math.max(...repeat.map((r) => byId.get(r.customer_id)!.at));
    const firstOnce = Math.min(...once.map((r) => byId.get(r.customer_id)!.at));
    expect(lastEstimate).toBeLessThan(firstOnce);
    const members = await app.call('segments:members', { scheme: 'pyramid', sort: 'pAlive', direction: 'desc', limit: 5000 });
    const memberValues = new Map(members.rows.map((r) => [r.id, r.pAlive ?? null]));
    for (const r of once) if (memberValues.has(r.customer_id)) expect(memberValues.get(r.customer_id)).toBeNull();
    for (const r of repeat) if (memberValues.has(r.customer_id)) expect(memberValues.get(r.customer_id)).toBe(r.p_alive);
  });
});

describe('tier members carry and sort by the stored predictions', () => {
  it('sort pyramid members by likelihood and by CLV, each equal to the stored row', async () => {
    const stored = new Map(sqlAll<{ customer_id: string; score: number; clv_minor: number }>('SELECT customer_id, score, clv_minor FROM customer_predictions').map((r) => [r.customer_id, r]));
    for (const [sort, field, column] of [['likelihood', 'likelihood', 'score'], ['clv', 'clvMinor', 'clv_minor']] as const) {
      const page = await app.call('segments:members', { scheme: 'pyramid', sort, direction: 'desc', limit: 5000 });
      const values = page.rows.map((r) => r[field] ?? null);
      const present = values.filter((v): v is number => v !== null);
      expect(present.length).toBeGreaterThan(0);
      expect(present).toEqual([...present].sort((a, b) => b - a));
      for (const r of page.rows) expect(r[field] ?? null).toBe(stored.get(r.id)?.[column] ?? null);
    }
  });
});

describe('pyramid ranked by predicted value', () => {
  it('basis predicted ranks by the stored CLV: every platinum customer is worth at least every gold one', async () => {
    const { effective } = await app.call('segments:config:get', {});
    const pyramid = (effective as { pyramid: Record<string, unknown> }).pyramid;
    await app.call('segments:config:set', { overrides: { pyramid: { ...pyramid, basis: 'predicted' } } });
    try {
      await app.call('segments:recompute', {});
      const clv = new Map(sqlAll<{ customer_id: string; clv_minor: number }>('SELECT customer_id, clv_minor FROM customer_predictions').map((r) => [r.customer_id, r.clv_minor]));
      const platinum = await app.call('segments:members', { scheme: 'pyramid', classKey: 'platinum', limit: 5000 });
      const gold = await app.call('segments:members', { scheme: 'pyramid', classKey: 'gold', limit: 5000 });
      expect(platinum.total).toBeGreaterThan(0);
      expect(gold.total).toBeGreaterThan(0);
      const minPlatinum = Math.min(...platinum.rows.map((r) => clv.get(r.id)!));
      const maxGold = Math.max(...gold.rows.map((r) => clv.get(r.id)!));
      expect(minPlatinum).toBeGreaterThanOrEqual(maxGold);
      const explained = await app.call('segments:explain', { customerId: platinum.rows[0]!.id });
      expect(JSON.stringify(explained.schemes.pyramid)).toContain('predicted');
    } finally {
      await app.call('segments:config:set', { overrides: {} });
    }
  });
});

describe('before the first recompute', () => {
  it('storedOnly answers at once with nothing (the customer file then says "not yet"); without it the fit runs on demand', async () => {
    const fresh = openTestApp(TODAY);
    try {
      const { customer } = await fresh.call('customers:create', { name: 'Only' });
      await fresh.call('orders:create', { customerId: customer.id, orderDate: '2026-05-01', amount: '80', currency: 'CNY' });
      // A second day of buying, so that the on-demand fit has a repeat purchase to learn from.
      await fresh.call('orders:create', { customerId: customer.id, orderDate: '2026-03-10', amount: '60', currency: 'CNY' });
      expect(await fresh.call('prediction:customers', { customerId: customer.id, storedOnly: true })).toEqual({ asOf: TODAY, total: 0, model: null, rows: [], changedSince: false, refused: null });
      const onDemand = await fresh.call('prediction:customers', { customerId: customer.id });
      expect(onDemand.rows).toHaveLength(1);
      expect(onDemand.rows[0]!.daysSinceLast).toBe(206);
    } finally {
      fresh.cleanup();
    }
  });
});
