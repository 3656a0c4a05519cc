/**
 * `segment config get/set` as a user runs them: a separate process, a JSON file in, --json out, exit codes;
 * a bad config exits 1, says what is wrong in words and changes nothing. `tiers` rows carry the group and
 * `explain` states basis, group and cut once a partition is set.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

const json = <T>(...args: string[]): T => {
  const run = cli(...args, '--json');
  expect([run.code, run.stderr]).toEqual([0, '']);
  return JSON.parse(run.stdout) as T;
};

let dir: string;
let db: string;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
type Config = { overrides: Record<string, unknown>; effective: Record<string, { [k: string]: unknown }> };

beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'config.sqlite');
  expect(cli('customers', 'add', '--db', db, '--name', 'Local A', '--country', 'CN').code).toBe(0);
});

describe('segment config on the command line', () => {
  it('get prints the overrides and the effective config; set replaces them, validated', () => {
    const before = json<Config>('segment', 'config', 'get', '--db', db);
    expect(before.overrides).toEqual({});
    expect(before.effective.pyramid).toMatchObject({ basis: 'revenue', mode: 'shares', platinumShare: 0.01 });
    expect(before.effective.partition).toEqual({ kind: 'none' });

    const wanted = { partition: { kind: 'field', field: 'country' }, pyramid: { basis: 'gross_profit', mode: 'thresholds', thresholds: { platinum: 50_000_000, gold: 10_000_000, iron: 2_000_000 } } };
    const set = json<Config>('segment', 'config', 'set', '--db', db, '--file', file('good.json', wanted));
    expect(set.overrides).toEqual(wanted);
    const after = json<Config>('segment', 'config', 'get', '--db', db);
    expect(after.effective.pyramid).toMatchObject({ basis: 'gross_profit', mode: 'thresholds', thresholds: wanted.pyramid.thresholds, platinumShare: 0.01 });
    expect(after.effective.partition).toEqual({ kind: 'field', field: 'country' });
    // What get --json prints can be given back as it is.
    expect(json<Config>('segment', 'config', 'set', '--db', db, '--file', file('roundtrip.json', after)).overrides).toEqual(wanted);
  });

  it('a bad config exits 2 with the reason in words and changes nothing', () => {
    const saved = json<Config>('segment', 'config', 'get', '--db', db).overrides;
    const thresholds = cli('segment', 'config', 'set', '--db', db, '--file', file('bad.json', { pyramid: { mode: 'thresholds', thresholds: { platinum: 100, gold: 500, iron: 0 } } }));
    expect(thresholds.code).toBe(2);
    expect(thresholds.stderr).toBe('error: pyramid.thresholds in --file must go down from the top tier (platinum ≥ gold ≥ iron, high ≥ medium)\n');
    const partition = cli('segment', 'config', 'set', '--db', db, '--file', file('bad2.json', { partition: { kind: 'segment', segmentId: 'nope' } }));
    expect(partition.code).toBe(2);
    expect(partition.stderr).toContain('partition.segmentId in --file must name a saved custom segment');
    expect(cli('segment', 'config', 'set', '--db', db, '--file', file('bad3.json', { colour: 'red' })).code).toBe(2);
    const notJson = cli('segment', 'config', 'set', '--db', db, '--file', file('bad4.json', '{ nope'));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: --file must be a JSON file/);
    expect(json<Config>('segment', 'config', 'get', '--db', db).overrides).toEqual(saved);
  });

  it('tiers rows carry the group and explain states basis, group and cut', () => {
    const tiers = json<{ rows: { id: string; group?: string; classKey: string }[] }>('tiers', '--db', db, '--scheme', 'pyramid');
    expect(tiers.rows).toHaveLength(1);
    expect(tiers.rows[0]!.group).toBe('cn');
    expect(json<{ rows: { group?: string }[] }>('tiers', '--db', db, '--scheme', 'locality').rows[0]!.group).toBeUndefined();
    const id = tiers.rows[0]!.id;
    const today = new Date().toISOString().slice(0, 10);
    expect(cli('orders', 'add', '--db', db, '--customer', id, '--date', today, '--amount', '120000', '--currency', 'CNY').code).toBe(0);
    const explain = cli('explain', '--db', db, '--customer', id);
    expect(explain.code).toBe(0);
    // ¥120,000 = 12,000,000 fen: gold (≥ 10,000,000 fen, ¥100,000), no cost recorded, so ranked by revenue.
    // The scheme, class, basis, group and way of cutting by the screens' words; a group of one is "1 customer".
    expect(explain.stdout).toContain(
      'Customer pyramid   Gold               ranked by Gross profit (revenue − cost) (no cost data: revenue), group China (1 customer), cut ≥ 100000.00 CNY (fixed threshold), rank 1 of 1 at 120000.00 CNY; spend 380000.00 CNY more',
    );
    expect(explain.stdout).toContain(`Local A (${id}) as of ${today}: 1 order, revenue 120000.00 CNY in the window`);
    // In Chinese too: no scheme, basis, group or mode by its key.
    const zh = cli('explain', '--db', db, '--customer', id, '--lang', 'zh-CN');
    expect(zh.stdout).toContain('  客户金字塔         黄金               排名依据 毛利（营收 − 成本）；没有成本数据，按营收排名，分组 中国（1 位客户），门槛 ≥ 100000.00 CNY（固定门槛）');
    expect(zh.stdout).not.toMatch(/\b(rfm|rf_segment|pyramid|lifecycle|loyalty|revenue|gross_profit|thresholds|shares|country)\b|=/);
    expect(cli('tiers', '--db', db, '--scheme', 'pyramid').stdout).toMatch(new RegExp(`^Local A +China +Gold +R\\d F\\d M\\d {2}revenue 120000\\.00 CNY +${id}\n`));
  });
});
