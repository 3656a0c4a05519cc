/**
 * Tier settings and service policies that would be stored and then never apply. A mistyped key inside a
 * section (`platinumshare`) was dropped by the engine's schema, so the file "saved", changed nothing it
 * meant to and replaced the partition it did not mention; a policy for `pyramd` / `platnum`, a custom
 * segment that is not saved, or a free-text class typed as the customer's field reads (`Apparel`, where
 * the class is `apparel`) was stored and never made anyone due.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const overrides = async () => (await app.call('segments:config:get', {})).overrides;

describe('segments:config:set refuses what the engine would pass over', () => {
  it('settings saved before with a stray key (as the earlier check let through) still open, and the tiers compute', async () => {
    app.db.$client
      .prepare(`INSERT INTO segmentation_settings (id, overrides, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET overrides = excluded.overrides`)
      .run(JSON.stringify({ pyramid: { platinumshare: 0.5 }, partition: { kind: 'none' } }), '2026-11-01T00:00:00.000Z');
    const got = await app.call('segments:config:get', {});
    expect(got.overrides).toEqual({ pyramid: { platinumshare: 0.5 }, partition: { kind: 'none' } });
    expect((got.effective.pyramid as { platinumShare: number }).platinumShare).toBeGreaterThan(0);
    await app.call('segments:recompute', {});
  });

  it('a key a section does not have is named with the keys it has, and nothing changes', async () => {
    await app.call('segments:config:set', { overrides: { partition: { kind: 'field', field: 'market' } } });
    await expect(app.call('segments:config:set', { overrides: { pyramid: { platinumshare: 0.5 } } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'overrides.pyramid.platinumshare is not a setting here: one of platinumShare, goldShare, ironShare, basis, mode, thresholds, groupThresholds',
      issues: [{ path: ['overrides', 'pyramid', 'platinumshare'], key: 'unknown_setting' }],
    });
    await expect(app.call('segments:config:set', { overrides: { partition: { kind: 'none', field: 'market' } } })).rejects.toMatchObject({
      issues: [{ path: ['overrides', 'partition', 'field'], key: 'unknown_setting', params: { choices: 'kind' } }],
    });
    await expect(app.call('segments:config:set', { overrides: { pyramid: { groupThresholds: { domestic: { platinum: 3, gold: 2, iron: 1, lead: 0 } } } } })).rejects.toMatchObject({
      issues: [{ path: ['overrides', 'pyramid', 'groupThresholds', 'domestic', 'lead'], key: 'unknown_setting' }],
    });
    // A section that is not an object was merged as if absent.
    for (const pyramid of [null, 'gold', 5]) {
      await expect(app.call('segments:config:set', { overrides: { pyramid } })).rejects.toMatchObject({ issues: [{ path: ['overrides', 'pyramid'], key: 'invalid_value' }] });
    }
    expect(await overrides()).toEqual({ partition: { kind: 'field', field: 'market' } });
    // Group keys are the user's own, and every known key still saves.
    const good = { pyramid: { mode: 'thresholds', groupThresholds: { '内贸 <&>': { platinum: 3, gold: 2, iron: 1 } } }, partition: { kind: 'field', field: 'market' } };
    expect((await app.call('segments:config:set', { overrides: good })).overrides).toEqual(good);
  });

  it('a "__proto__" key, which a plain record parse drops, is refused and named like any unknown key', async () => {
    await app.call('segments:config:set', { overrides: { partition: { kind: 'field', field: 'market' } } });
    // JSON.parse keeps "__proto__" as an own key, as a settings file or a bridge request arrives.
    for (const text of ['{"__proto__": {"pyramid": {"platinumShare": 0.5}}}', '{"__proto__": 5, "window": {"kind": "all"}}']) {
      await expect(app.call('segments:config:set', { overrides: JSON.parse(text) })).rejects.toMatchObject({
        code: 'invalid_input',
        message: 'overrides.__proto__ is not a setting here: one of window, value, pyramid, lifecycle, behavior, loyalty, partition',
        issues: [{ path: ['overrides', '__proto__'], key: 'unknown_setting' }],
      });
    }
    await expect(app.call('segments:config:set', { overrides: JSON.parse('{"pyramid": {"__proto__": {"x": 1}}}') })).rejects.toMatchObject({
      issues: [{ path: ['overrides', 'pyramid', '__proto__'], key: 'unknown_setting' }],
    });
    expect(await overrides()).toEqual({ partition: { kind: 'field', field: 'market' } });
    const db = join(app.dir, 'proto.sqlite');
    expect(cli('customers', 'add', '--db', db, '--name', 'Local A').code).toBe(0);
    writeFileSync(join(app.dir, 'proto.json'), '{"__proto__": {"window": {"kind": "all"}}}');
    const refused = cli('segment', 'config', 'set', '--db', db, '--file', join(app.dir, 'proto.json'));
    // How the command line names the place in the file is its own; the key and the sections are named.
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/__proto__.* is not a setting here: one of window, value, pyramid, lifecycle, behavior, loyalty, partition\n$/);
    expect(JSON.parse(cli('segment', 'config', 'get', '--db', db, '--json').stdout).overrides).toEqual({});
  });

  it('on the command line: the typo is named, and a file saved with a byte-order mark is read', () => {
    const db = join(app.dir, 'cli.sqlite');
    expect(cli('customers', 'add', '--db', db, '--name', 'Local A').code).toBe(0);
    const file = (name: string, text: string) => {
      writeFileSync(join(app.dir, name), text);
      return join(app.dir, name);
    };
    const typo = cli('segment', 'config', 'set', '--db', db, '--file', file('typo.json', '{"lifecycle": {"newdays": 30}}'));
    expect([typo.code, typo.stderr]).toEqual([2, 'error: lifecycle.newdays in --file is not a setting here: one of newDays, atRiskMultiplier, churnedMultiplier, minGapDays, oneOrderAtRiskDays, oneOrderChurnedDays\n']);
    // A section given whole names what it lacks.
    const missing = cli('segment', 'config', 'set', '--db', db, '--file', file('missing.json', '{"window": {"kind": "days", "day": 90}}'));
    expect([missing.code, missing.stderr]).toEqual([2, 'error: window.days in --file is required\n']);
    const bom = cli('segment', 'config', 'set', '--db', db, '--file', file('bom.json', '\uFEFF{"window": {"kind": "all"}}'));
    expect([bom.code, bom.stderr]).toEqual([0, '']);
    expect(JSON.parse(cli('segment', 'config', 'get', '--db', db, '--json').stdout).overrides).toEqual({ window: { kind: 'all' } });
  });
});

describe('policies name a scheme and a class the tiers have', () => {
  it('a mistyped scheme or class, or a custom segment not saved, is refused and nothing is stored', async () => {
    await app.call('policies:list', {});
    const count = () => (app.db.$client.prepare(`SELECT count(*) AS n FROM service_policies`).get() as { n: number }).n;
    const before = count();
    await expect(app.call('policies:save', { scheme: 'pyramd', classKey: 'platinum', cadenceDays: 7 })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['scheme'], key: 'invalid_scheme' }] });
    await expect(app.call('policies:save', { scheme: 'pyramid', classKey: 'platnum', cadenceDays: 7 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'classKey is not a class of this scheme: one of platinum, gold, iron, lead, none',
    });
    await expect(app.call('policies:save', { scheme: 'custom:gone', classKey: 'member', cadenceDays: 7 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      app.call('policies:saveMany', { policies: [{ scheme: 'value', classKey: 'high', cadenceDays: 7 }, { scheme: 'value', classKey: 'hgh', cadenceDays: 7 }] }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['policies', 1, 'classKey'], key: 'unknown_class' }] });
    expect(count()).toBe(before);
    const segment = await app.call('segments:custom:save', { name: 'VIP', rule: { kind: 'group', op: 'and', conditions: [{ kind: 'tag', op: 'has', tag: 'vip' }] } });
    expect((await app.call('policies:save', { scheme: `custom:${segment.id}`, classKey: 'member', cadenceDays: 7 })).classKey).toBe('member');
  });

  it('a free-text class is stored as the class key, so its customers fall due', async () => {
    const { customer } = await app.call('customers:create', { name: '李老板', industry: 'Apparel' });
    const saved = await app.call('policies:save', { scheme: 'industry', classKey: '  ＡＰＰＡＲＥＬ ', cadenceDays: 30, priority: 1 });
    expect(saved.classKey).toBe('apparel');
    expect((await app.call('segments:explain', { customerId: customer.id })).schemes.industry!.classKey).toBe('apparel');
    const due = await app.call('policies:due', {});
    expect(due.items.map((i) => [i.customerId, i.scheme, i.classKey])).toEqual([[customer.id, 'industry', 'apparel']]);
    expect((await app.call('policies:delete', { scheme: 'industry', classKey: 'Apparel' })).deleted).toBe(true);
  });
});
