import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Four live customers and one archived, today 2026-11-23, default config (window: the 365 days
 * 2025-11-24 … 2026-11-23). Scores: 1 + floor(5 × buyers strictly worse / 3 buyers).
 *   A: ¥500 on 10-01, ¥1000 on 11-20   → recency 3 (R4), F 2 (F4), M ¥1500 (M2) → rfm 442, loyal, lifecycle new
 *   B: ¥200 on 06-01                   → R1 F1 M1 → 111, hibernating; one order 175 days ago → at_risk
 *   C: ¥3000 on 11-01 (+ ¥100 in 2024) → R2 F1 M4 → 214, hibernating; pyramid iron (T_iron = round(0.2 × 3) = 1)
 *   D: no orders → none / potential
 */
let app: TestApp;
const ids: Record<string, string> = {};

async function addCustomer(name: string) {
  return (await app.call('customers:create', { name, type: 'enterprise', contacts: [] })).customer.id;
}
async function addOrder(customerId: string, orderDate: string, amount: string) {
  await app.call('orders:create', { customerId, orderDate, amount, currency: 'CNY' });
}

beforeEach(async () => {
  app = openTestApp('2026-11-23');
  for (const name of ['A', 'B', 'C', 'D', 'E']) ids[name] = await addCustomer(name);
  await addOrder(ids.A!, '2026-10-01', '500');
  await addOrder(ids.A!, '2026-11-20', '1000');
  await addOrder(ids.B!, '2026-06-01', '200');
  await addOrder(ids.C!, '2026-11-01', '3000');
  await addOrder(ids.C!, '2024-01-01', '100');
  await addOrder(ids.E!, '2026-11-22', '99999');
  await app.call('customers:archive', { id: ids.E!, archived: true });
});
afterEach(() => app.cleanup());

const classOf = async (scheme: string, name: string) => {
  const { rows } = await app.call('segments:members', { scheme, limit: 100 });
  return rows.find((r) => r.id === ids[name])?.classKey;
};

describe('segmentation through dispatch', () => {
  it('recompute classifies live customers exactly as computed by hand; archived ones are left out', async () => {
    const out = await app.call('segments:recompute', {});
    expect(out.asOf).toBe('2026-11-23');
    expect(out.schemes.pyramid).toEqual({ platinum: 0, gold: 0, iron: 1, lead: 2, none: 1 });
    expect(Object.entries(out.schemes.rfm!).filter(([, n]) => n > 0)).toEqual([['111', 1], ['214', 1], ['442', 1], ['none', 1]]);
    const expected: Record<string, Record<string, string>> = {
      rfm: { A: '442', B: '111', C: '214', D: 'none' },
      rf_segment: { A: 'loyal', B: 'hibernating', C: 'hibernating', D: 'none' },
      pyramid: { A: 'lead', B: 'lead', C: 'iron', D: 'none' },
      lifecycle: { A: 'new', B: 'at_risk', C: 'active', D: 'potential' },
    };
    for (const [scheme, byName] of Object.entries(expected)) {
      for (const [name, classKey] of Object.entries(byName)) expect([scheme, name, await classOf(scheme, name)]).toEqual([scheme, name, classKey]);
    }
    const { total } = await app.call('segments:members', { scheme: 'pyramid' });
    expect(total).toBe(4);
  });

  it('overview: counts, window revenue and shares of each class', async () => {
    const o = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(o).toMatchObject({ asOf: '2026-11-23', baseCurrency: 'CNY', customers: 4, revenueMinor: 470_000, window: { start: '2025-11-24', end: '2026-11-23' } });
    expect(o.classes).toEqual([
      { classKey: 'platinum', count: 0, revenueMinor: 0, revenueShare: 0 },
      { classKey: 'gold', count: 0, revenueMinor: 0, revenueShare: 0 },
      { classKey: 'iron', count: 1, revenueMinor: 300_000, revenueShare: 300_000 / 470_000 },
      { classKey: 'lead', count: 2, revenueMinor: 170_000, revenueShare: 170_000 / 470_000 },
      { classKey: 'none', count: 1, revenueMinor: 0, revenueShare: 0 },
    ]);
    expect(o.cuts).toMatchObject({ kind: 'pyramid', ranked: 3, iron: { targetCount: 1, minValue: 300_000 } });
  });

  it('members: metrics, scores, filter by class, search and sort, paged', async () => {
    const page = await app.call('segments:members', { scheme: 'rf_segment', classKey: 'hibernating', sort: 'revenue', direction: 'desc' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.name)).toEqual(['C', 'B']);
    expect(page.rows[0]).toEqual({
      id: ids.C,
      name: 'C',
      code: null,
      company: null,
      classKey: 'hibernating',
      scores: { r: 2, f: 1, m: 4 },
      revenueMinor: 300_000,
      orderCount: 1,
      averageOrderValueMinor: 300_000,
      followUpCount: 0,
      daysSinceLastOrder: 22,
      lastOrderDate: '2026-11-01',
    });
    const byRecency = await app.call('segments:members', { scheme: 'pyramid', sort: 'recency', direction: 'asc' });
    expect(byRecency.rows.map((r) => r.name)).toEqual(['A', 'C', 'B', 'D']);
    const second = await app.call('segments:members', { scheme: 'pyramid', sort: 'name', direction: 'asc', offset: 1, limit: 2 });
    expect([second.total, second.rows.map((r) => r.name)]).toEqual([4, ['B', 'C']]);
    expect((await app.call('segments:members', { scheme: 'pyramid', search: 'd' })).rows.map((r) => r.name)).toEqual(['D']);
  });

  it('explain: inputs, scores, cuts and what would move the customer', async () => {
    const e = await app.call('segments:explain', { customerId: ids.B! });
    expect(e.metrics).toMatchObject({ orderCount: 1, revenueMinor: 20_000, daysSinceLastOrder: 175, scores: { r: 1, f: 1, m: 1 } });
    expect(e.schemes.rfm).toMatchObject({ classKey: '111', explanation: { kind: 'rfm', recencyDays: 175, buyers: 3 } });
    expect(e.schemes.lifecycle).toMatchObject({ classKey: 'at_risk', explanation: { kind: 'lifecycle', basis: 'one_order_fallback', churnedAfterDays: 180 } });
    expect(e.schemes.pyramid!.explanation.moves.length).toBeGreaterThan(0);
    expect(Object.keys(e.schemes)).toContain('locality');
    expect(await app.dispatch('segments:explain', { customerId: ids.E })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('stores history as change points: at most one row per customer, scheme and day, rewritten in place', async () => {
    expect(await app.call('segments:recompute', { asOf: '2026-01-01' })).toMatchObject({ asOf: '2026-01-01', stored: true });
    await app.call('segments:recompute', {});
    await app.call('segments:recompute', {});
    const raw = app.db.$client;
    const perKey = raw.prepare(`SELECT max(n) FROM (SELECT count(*) AS n FROM segment_assignments GROUP BY scheme, as_of, customer_id)`).pluck().get();
    expect(perKey).toBe(1);
    // The first snapshot holds everyone; later ones only the classes that changed (C's type did not).
    const schemes = raw.prepare(`SELECT count(DISTINCT scheme) FROM segment_assignments`).pluck().get() as number;
    expect(raw.prepare(`SELECT count(*) FROM segment_assignments WHERE as_of = '2026-01-01'`).pluck().get()).toBe(4 * schemes);
    expect(raw.prepare(`SELECT count(*) FROM segment_assignments WHERE as_of = '2026-11-23' AND scheme = 'type'`).pluck().get()).toBe(0);
    await addOrder(ids.B!, '2026-11-22', '900000');
    expect(await classOf('pyramid', 'B')).toBe('iron');
    // Reading history brings today's snapshot up to date: B's row for today is rewritten, not doubled.
    expect((await app.call('segments:history', { customerId: ids.B!, scheme: 'pyramid' })).schemes.pyramid).toEqual([
      { asOf: '2026-01-01', classKey: 'none' },
      { asOf: '2026-11-23', classKey: 'iron' },
    ]);
    expect(raw.prepare(`SELECT count(*) FROM segment_assignments WHERE scheme = 'pyramid' AND customer_id = ? AND as_of = '2026-11-23'`).pluck().get(ids.B)).toBe(1);
    // A day before the latest stored one is computed but not stored: it would rewrite what later days mean.
    expect(await app.call('segments:recompute', { asOf: '2026-06-01' })).toMatchObject({ asOf: '2026-06-01', stored: false });
    await app.call('customers:archive', { id: ids.D!, archived: true });
    await app.call('segments:recompute', {});
    expect((await app.call('segments:history', { customerId: ids.D!, scheme: 'pyramid' })).schemes.pyramid).toEqual([
      { asOf: '2026-01-01', classKey: 'none' },
      { asOf: '2026-11-23', classKey: null },
    ]);
  });

  it('refuses to store a day after today, which would refuse every real day after it; today is stored after the refusal', async () => {
    const raw = app.db.$client;
    const counts = () => raw.prepare(`SELECT (SELECT count(*) FROM segment_runs), (SELECT count(*) FROM segment_assignments), (SELECT count(*) FROM prediction_runs)`).raw().get();
    const before = counts();
    expect(await app.dispatch('segments:recompute', { asOf: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['asOf'], key: 'stored_day_after_today', params: { today: '2026-11-23' } }] },
    });
    expect(counts()).toEqual(before);
    expect(raw.prepare(`SELECT count(*) FROM segment_runs WHERE as_of > '2026-11-23'`).pluck().get()).toBe(0);
    expect(await app.call('segments:recompute', { asOf: '2026-11-23' })).toMatchObject({ asOf: '2026-11-23', stored: true });
    expect(raw.prepare(`SELECT max(as_of) FROM segment_runs`).pluck().get()).toBe('2026-11-23');
  });

  it('config overrides are validated by the engine schema and change the result', async () => {
    const bad = await app.dispatch('segments:config:set', { overrides: { pyramid: { platinumShare: 0.9, goldShare: 0.9 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await app.dispatch('segments:config:set', { overrides: { asOf: '2026-01-01' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['overrides', 'asOf'] }] } });
    const set = await app.call('segments:config:set', { overrides: { window: { kind: 'all' } } });
    expect(set.effective).toMatchObject({ window: { kind: 'all' }, pyramid: { platinumShare: 0.01 } });
    expect((await app.call('segments:config:get', {})).overrides).toEqual({ window: { kind: 'all' } });
    const o = await app.call('segments:overview', { scheme: 'pyramid' });
    expect([o.window.start, o.revenueMinor]).toEqual([null, 480_000]);
  });

  it('custom segments: saved as data, evaluated by the engine, deleted softly', async () => {
    const saved = await app.call('segments:custom:save', {
      name: 'Big spenders',
      rule: { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'revenue', op: 'gte', value: 100_000 }] },
    });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    const o = await app.call('segments:overview', { scheme: `custom:${saved.id}` });
    expect(o.classes.map((c) => [c.classKey, c.count, c.revenueMinor])).toEqual([['member', 2, 450_000], ['non_member', 2, 20_000]]);
    const bad = await app.dispatch('segments:custom:save', { name: 'x', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'in_scheme', scheme: 'pyramid', classes: ['diamond'] }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await app.call('segments:custom:delete', { id: saved.id });
    expect((await app.call('segments:custom:list', {})).segments).toEqual([]);
    expect(await app.dispatch('segments:overview', { scheme: `custom:${saved.id}` })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('service policies: shipped defaults, edits, and who is due with the reason', async () => {
    const { policies } = await app.call('policies:list', { scheme: 'pyramid' });
    expect(policies.map((p) => [p.classKey, p.cadenceDays, p.priority])).toEqual([['platinum', 7, 1], ['gold', 14, 2], ['iron', 30, 3], ['lead', 90, 4]]);
    await app.call('followups:create', { customerId: ids.C!, occurredAt: '2026-10-01T03:00:00Z', channel: 'call' });
    await app.call('followups:create', { customerId: ids.A!, occurredAt: '2026-11-20T03:00:00Z', channel: 'call' });
    const due = await app.call('policies:due', {});
    // An order is contact too: C (pyramid iron and value medium, both every 30 days) ordered on 11-01, after
    // its follow-up of 10-01, so 22 days ago: not due. B (value low: every 60) ordered 175 days ago; A
    // (value high: every 14) was contacted 3 days ago; D has no policy.
    expect(due.items.find((i) => i.customerId === ids.C)).toBeUndefined();
    expect(due.items.find((i) => i.customerId === ids.B)).toMatchObject({ classKey: 'low', cadenceDays: 60, lastContactDate: '2026-06-01', daysSinceContact: 175, daysOverdue: 115 });
    expect(due.items.find((i) => i.customerId === ids.A)).toBeUndefined();
    expect(due.items.find((i) => i.customerId === ids.D)).toBeUndefined();
    // Both of C's classes every 20 days: the tie goes to the higher priority (value medium, 2, over pyramid iron, 3).
    await app.call('policies:save', { scheme: 'pyramid', classKey: 'iron', cadenceDays: 20, priority: 3 });
    await app.call('policies:save', { scheme: 'value', classKey: 'medium', cadenceDays: 20, priority: 2 });
    const after = await app.call('policies:due', {});
    expect(after.items.find((i) => i.customerId === ids.C)).toMatchObject({ scheme: 'value', classKey: 'medium', cadenceDays: 20, priority: 2, lastContactDate: '2026-11-01', daysSinceContact: 22, daysOverdue: 2 });
    await app.call('policies:delete', { scheme: 'value', classKey: 'medium' });
    expect((await app.call('policies:due', {})).items.find((i) => i.customerId === ids.C)).toMatchObject({ scheme: 'pyramid', classKey: 'iron', cadenceDays: 20, daysOverdue: 2 });
    await app.call('policies:delete', { scheme: 'pyramid', classKey: 'iron' });
    expect((await app.call('policies:due', {})).items.find((i) => i.customerId === ids.C)).toBeUndefined();
    // A removed default stays removed (defaults fill only scheme + class pairs that never had a row).
    expect((await app.call('policies:list', { scheme: 'pyramid' })).policies.map((p) => p.classKey)).toEqual(['platinum', 'gold', 'lead']);
    expect(after.total).toBe(after.items.length);
  });

  it('an empty workspace: every call answers, with zero counts', async () => {
    const empty = openTestApp('2026-11-23');
    try {
      const out = await empty.call('segments:recompute', {});
      expect(out.schemes.pyramid).toEqual({ platinum: 0, gold: 0, iron: 0, lead: 0, none: 0 });
      expect(await empty.call('segments:overview', { scheme: 'value' })).toMatchObject({ customers: 0, revenueMinor: 0 });
      expect(await empty.call('segments:members', { scheme: 'value' })).toEqual({ asOf: '2026-11-23', total: 0, rows: [] });
      expect(await empty.call('policies:due', {})).toEqual({ asOf: '2026-11-23', total: 0, items: [] });
      expect((await empty.call('segments:migration', { scheme: 'value', from: '2026-11-23', to: '2026-11-23' })).cells).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});
