import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';
import { SCHEME_KEYS } from '../../shared/segmentation';

/** The customer list's scheme columns (customers:list `schemes`) on the demo workspace, through dispatch. */
let app: TestApp;
let vip: string;
let archived: string;
let deleted: string;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', {});
  vip = `custom:${(await app.call('segments:custom:save', { name: 'VIP', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'orderCount', op: 'gte', value: 5 }] } })).id}`;
  const first = (await app.call('customers:list', { limit: 2 })).rows;
  archived = first[0]!.id;
  deleted = first[1]!.id;
  await app.call('customers:archive', { id: archived, archived: true });
  await app.call('customers:delete', { id: deleted });
}, 120_000);
afterAll(() => app.cleanup());

const SCHEMES = ['pyramid', 'value', 'rf_segment', 'lifecycle', 'rfm', 'country', 'industry'];

/** Every live customer's class under a scheme, as the Tiered lists screen shows it. */
async function memberClasses(scheme: string): Promise<Map<string, string>> {
  const { rows } = await app.call('segments:members', { scheme, limit: 5000 });
  return new Map(rows.map((r) => [r.id, r.classKey]));
}

describe('customers:list with scheme columns', () => {
  it('gives every listed customer the class segments:members and segments:explain give', async () => {
    const schemes = [...SCHEMES, vip];
    const { total, rows } = await app.call('customers:list', { schemes, limit: 5000 });
    expect(total).toBe(358);
    expect(rows).toHaveLength(358);
    for (const scheme of schemes) {
      const members = await memberClasses(scheme);
      expect(members.size).toBe(358);
      expect(rows.filter((r) => r.classes[scheme] !== members.get(r.id)).map((r) => r.id)).toEqual([]);
    }
    // The demo spreads customers over the pyramid: the check above is not comparing one constant.
    expect(new Set(rows.map((r) => r.classes.pyramid))).toEqual(new Set(['platinum', 'gold', 'iron', 'lead', 'none']));
    for (const row of rows.slice(0, 25)) {
      const { schemes: explained } = await app.call('segments:explain', { customerId: row.id });
      expect(row.classes).toEqual(Object.fromEntries(schemes.map((s) => [s, explained[s]!.classKey])));
    }
  });

  it('carries only the requested schemes, on any page, sort or search', async () => {
    const all = await app.call('customers:list', { schemes: ['pyramid'], limit: 5000 });
    const byId = new Map(all.rows.map((r) => [r.id, r.classes]));
    const page = await app.call('customers:list', { schemes: ['value', 'pyramid'], sort: { field: 'revenueBaseMinor', desc: true }, offset: 40, limit: 30 });
    const value = await memberClasses('value');
    expect(page.rows).toHaveLength(30);
    for (const row of page.rows) expect(row.classes).toEqual({ value: value.get(row.id), pyramid: byId.get(row.id)!.pyramid });
    const found = await app.call('customers:list', { search: all.rows[7]!.name, schemes: ['lifecycle'] });
    expect(found.rows.length).toBeGreaterThan(0);
    for (const row of found.rows) expect(Object.keys(row.classes)).toEqual(['lifecycle']);
  });

  it('gives every row classes {} when no scheme is requested, the rows otherwise unchanged', async () => {
    const plain = await app.call('customers:list', { limit: 5000 });
    const withSchemes = await app.call('customers:list', { schemes: ['pyramid'], limit: 5000 });
    expect(plain.rows.every((r) => Object.keys(r.classes).length === 0)).toBe(true);
    expect(plain.rows).toEqual(withSchemes.rows.map((r) => ({ ...r, classes: {} })));
  });

  it('refuses an unknown scheme, a missing custom segment or too many schemes as invalid_input with issue keys', async () => {
    // Not a scheme's name at all: the refusal names every built-in scheme, for the command line's message.
    const refused = await app.dispatch('customers:list', { schemes: ['pyramid', 'diamond'] });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['schemes', 1], key: 'invalid_scheme', params: { choices: SCHEME_KEYS.join(', ') } }] },
    });
    if (!refused.ok) expect(refused.error.message).toBe(`schemes.1 must be one of ${SCHEME_KEYS.join(', ')}, or custom:ID for a custom segment`);
    const gone = (await app.call('segments:custom:save', { name: 'Gone', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'metric', metric: 'orderCount', op: 'gte', value: 1 }] } })).id;
    await app.call('segments:custom:delete', { id: gone });
    for (const view of ['active', 'trash'] as const) {
      expect(await app.dispatch('customers:list', { view, schemes: [vip, 'custom:no-such-segment', `custom:${gone}`] })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: ['schemes', 1], key: 'invalid_choice' }, { path: ['schemes', 2], key: 'invalid_choice' }] },
      });
    }
    expect(await app.dispatch('customers:list', { schemes: Array.from({ length: 41 }, () => 'pyramid') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['schemes'], key: 'too_many', params: { max: 40 } }] },
    });
  });

  it('gives archived and deleted customers no class', async () => {
    const pyramid = await memberClasses('pyramid');
    expect([pyramid.has(archived), pyramid.has(deleted)]).toEqual([false, false]);
    const archive = await app.call('customers:list', { view: 'archived', schemes: ['pyramid', 'value'] });
    const trash = await app.call('customers:list', { view: 'trash', schemes: ['pyramid', vip] });
    expect(archive.rows.map((r) => [r.id, r.classes])).toEqual([[archived, {}]]);
    expect(trash.rows.map((r) => [r.id, r.classes])).toEqual([[deleted, {}]]);
    // Restored, the customer is ranked again and the list shows their class at once.
    await app.call('customers:archive', { id: archived, archived: false });
    const back = (await app.call('customers:list', { search: (await app.call('customers:get', { id: archived })).name, schemes: ['pyramid'] })).rows.find((r) => r.id === archived)!;
    expect(back.classes.pyramid).toBe((await memberClasses('pyramid')).get(archived));
    await app.call('customers:archive', { id: archived, archived: true });
  });
});
