import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleGroup } from '../../shared/segmentation';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A custom segment on a profile field compares with the stored key: "locality equals local" finds
 * exactly the customers SQL finds, a label typed in place of the key is refused, and editing a segment
 * keeps its id, so its stored tier history stays attached.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 150, seed: 5 });
});
afterEach(() => app.cleanup());

const sqlCount = (where: string): number =>
  app.db.$client.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND (${where})`).pluck().get() as number;

const localityRule = (value: string): RuleGroup => ({ kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'equals', value }] });

async function memberCount(id: string): Promise<number> {
  const { classes } = await app.call('segments:overview', { scheme: `custom:${id}` });
  return classes.find((c) => c.classKey === 'member')?.count ?? 0;
}

describe('custom segments on keyed profile fields', () => {
  it('locality = local has exactly the live local customers, counted by plain SQL', async () => {
    const local = sqlCount(`locality = 'local'`);
    expect(local).toBeGreaterThan(0);
    expect(local).toBeLessThan(sqlCount('1'));
    const saved = await app.call('segments:custom:save', { name: '本地客户', rule: localityRule('local') });
    expect(await memberCount(saved.id)).toBe(local);
    const { rows } = await app.call('segments:members', { scheme: `custom:${saved.id}`, classKey: 'member', limit: 5000 });
    const sqlIds = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND locality = 'local' ORDER BY id`).pluck().all();
    expect(rows.map((r) => r.id).sort()).toEqual(sqlIds);
  });

  it('"is one of" over keys and type = distributor match SQL as well', async () => {
    const rule: RuleGroup = {
      kind: 'group',
      op: 'or',
      conditions: [
        { kind: 'field', field: 'locality', op: 'in', values: ['non_local', 'overseas'] },
        { kind: 'field', field: 'type', op: 'equals', value: 'distributor' },
      ],
    };
    const saved = await app.call('segments:custom:save', { name: 'far or distributors', rule });
    expect(await memberCount(saved.id)).toBe(sqlCount(`locality IN ('non_local', 'overseas') OR type = 'distributor'`));
  });

  it('refuses a translated label where a key is stored, naming the condition', async () => {
    for (const value of ['本地', 'Local customers', '']) {
      await expect(app.call('segments:custom:save', { name: 'x', rule: localityRule(value) })).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['rule', 'conditions', 0, 'value'], key: 'invalid_choice' }],
      });
    }
    const contains: RuleGroup = { kind: 'group', op: 'and', conditions: [{ kind: 'field', field: 'locality', op: 'contains', value: 'local' }] };
    await expect(app.call('segments:custom:save', { name: 'x', rule: contains })).rejects.toMatchObject({ issues: [{ path: ['rule', 'conditions', 0, 'op'] }] });
    expect((await app.call('segments:custom:list', {})).segments).toEqual([]);
  });

  it('editing keeps the id and the stored history; the new rule applies', async () => {
    const saved = await app.call('segments:custom:save', { name: '本地客户', rule: localityRule('local') });
    await app.call('segments:recompute', { asOf: '2026-11-20' });
    const scheme = `custom:${saved.id}`;
    const historyRows = () => app.db.$client.prepare(`SELECT count(*) FROM segment_assignments WHERE scheme = ? AND as_of = '2026-11-20'`).pluck().get(scheme) as number;
    const before = historyRows();
    expect(before).toBe(sqlCount('1'));

    const edited = await app.call('segments:custom:save', { id: saved.id, name: '外地客户', rule: localityRule('non_local') });
    expect(edited.id).toBe(saved.id);
    expect(edited.createdAt).toBe(saved.createdAt);
    expect((await app.call('segments:custom:list', {})).segments.map((s) => [s.id, s.name])).toEqual([[saved.id, '外地客户']]);
    expect(await memberCount(saved.id)).toBe(sqlCount(`locality = 'non_local'`));
    expect(historyRows()).toBe(before);

    // One customer who was local: the day before the edit says member, today says not.
    const localId = app.db.$client.prepare(`SELECT id FROM customers WHERE locality = 'local' AND deleted_at IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as string;
    const history = await app.call('segments:history', { customerId: localId, scheme });
    expect(history.schemes[scheme]).toEqual([
      { asOf: '2026-11-20', classKey: 'member' },
      { asOf: '2026-11-23', classKey: 'non_member' },
    ]);
  });
});
