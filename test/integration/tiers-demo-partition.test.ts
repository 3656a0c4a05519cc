/**
 * The demo workspace ranks its two businesses apart by default (partition by market: the domestic stall,
 * the overseas export desk). Both get their own platinum and gold customers, and each group's tiers follow
 * the small-count rule within the group — recomputed here by plain arithmetic from the rows, not the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', {});
}, 120_000);
afterAll(() => app.cleanup());

const TIERS = ['platinum', 'gold', 'iron'] as const;
const SHARES = [0.01, 0.04, 0.15];

describe('the demo workspace ranks the stall and the export desk apart', () => {
  it('sets the business-line partition and shows it in the settings', async () => {
    const config = await app.call('segments:config:get', {});
    expect(config.effective.partition).toEqual({ kind: 'field', field: 'market' });
  });

  it('both groups have platinum and gold customers; ranked together the stall would have none', async () => {
    const o = await app.call('segments:overview', { scheme: 'pyramid' });
    expect(o.partition).toBe('market');
    expect(o.groups!.map((g) => g.group).sort()).toEqual(['domestic', 'overseas']);
    for (const g of o.groups!) {
      const count = (c: string) => g.classes.find((x) => x.classKey === c)!.count;
      expect([g.group, count('platinum') > 0, count('gold') > 0]).toEqual([g.group, true, true]);
    }
    // Each customer's group is their locality folded: overseas, or domestic (local / non-local).
    const localities = new Map(app.db.$client.prepare(`SELECT id, locality FROM customers`).raw().all() as [string, string][]);
    const rows = (await app.call('segments:members', { scheme: 'pyramid', limit: 5000 })).rows;
    expect(rows.every((r) => r.group === (localities.get(r.id) === 'overseas' ? 'overseas' : 'domestic'))).toBe(true);

    // Unpartitioned, as before: the top tiers go to the exporters only.
    const saved = (await app.call('segments:config:get', {})).overrides;
    await app.call('segments:config:set', { overrides: { partition: { kind: 'none' } } });
    const together = (await app.call('segments:members', { scheme: 'pyramid', limit: 5000 })).rows;
    const top = together.filter((r) => r.classKey === 'platinum' || r.classKey === 'gold');
    expect(top.length).toBeGreaterThan(0);
    expect(top.filter((r) => localities.get(r.id) !== 'overseas')).toEqual([]);
    await app.call('segments:config:set', { overrides: saved });
  });

  it('each group\'s tier sizes follow the small-count rule within the group', async () => {
    for (const group of ['domestic', 'overseas']) {
      const rows = (await app.call('segments:members', { scheme: 'pyramid', group, limit: 5000 })).rows.filter((r) => r.classKey !== 'none');
      const values = rows.map((r) => r.revenueMinor).sort((a, b) => b - a);
      const n = values.length;
      let cumulative = 0;
      // T_i = round-half-up(cumulative share × n); the cut is the T_i-th largest value; ties go up.
      const cuts = SHARES.map((share) => {
        cumulative += share;
        const target = Math.floor(cumulative * n + 0.5 + 1e-9);
        return target > 0 ? values[target - 1]! : Number.POSITIVE_INFINITY;
      });
      for (const r of rows) {
        const tier = cuts.findIndex((cut) => r.revenueMinor >= cut);
        expect([r.id, r.classKey]).toEqual([r.id, tier === -1 ? 'lead' : TIERS[tier]]);
      }
      const platinum = rows.filter((r) => r.classKey === 'platinum').length;
      expect(platinum).toBeGreaterThanOrEqual(Math.floor(0.01 * n + 0.5));
    }
  });

  it('refuses a group the partition does not have, and any group for a scheme not ranked within groups', async () => {
    expect(await app.dispatch('segments:members', { scheme: 'pyramid', group: 'mars' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['group'], key: 'unknown_group', params: { choices: 'domestic, overseas' } }] },
    });
    // The country scheme is not ranked: its classes are the customers' own, whatever group they are in.
    expect(await app.dispatch('segments:members', { scheme: 'country', group: 'domestic' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['group'], key: 'scheme_not_grouped' }] },
    });
    const domestic = app.db.$client.prepare(`SELECT count(*) FROM customers WHERE locality <> 'overseas' AND deleted_at IS NULL AND archived_at IS NULL`).pluck().get();
    expect((await app.call('segments:members', { scheme: 'pyramid', group: 'domestic', limit: 1 })).total).toBe(domestic);
  });

  it('explanations name the group and its cut', async () => {
    const top = (await app.call('segments:members', { scheme: 'pyramid', group: 'domestic', classKey: 'platinum', limit: 1 })).rows[0]!;
    const e = (await app.call('segments:explain', { customerId: top.id })).schemes.pyramid!.explanation;
    expect(e.group).toMatchObject({ partition: 'market', key: 'domestic' });
    expect((e.cuts as { platinum: number }).platinum).toBeLessThanOrEqual(top.revenueMinor);
  });
});
