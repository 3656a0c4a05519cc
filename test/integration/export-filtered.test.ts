import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tiers } from '../../renderer/i18n/resources/tiers';
import { openTestApp, type TestApp } from '../support/test-app';

/** Exporting what the customer list shows (its filter and order, or a selection), in the reader's words. */
let app: TestApp;

beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { seed: 11, customers: 90 });
});
afterEach(() => app.cleanup());

const sqlIds = (query: string, ...params: unknown[]) => (app.db.$client.prepare(query).pluck().all(...params) as string[]);

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('export:customers with the list filter', () => {
  it('writes exactly the filtered rows, in the list order', async () => {
    const path = join(app.dir, 'enterprises.csv');
    const result = await app.call('export:customers', { path, language: 'en', filter: { types: ['enterprise'], sort: { field: 'revenueBaseMinor', desc: true } } });
    const expected = sqlIds(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND type = 'enterprise' ORDER BY revenue_base_minor DESC, id DESC`);
    expect(expected.length).toBeGreaterThan(3);
    const rows = readCsv(path);
    expect(result.rows).toBe(expected.length);
    expect(rows.map((r) => r['Record ID'])).toEqual(expected);
  });

  it('a search and an archived view export what those lists show', async () => {
    const archive = sqlIds(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 7`);
    await app.call('customers:bulkUpdate', { ids: archive, action: { kind: 'archive', archived: true } });
    const archivedPath = join(app.dir, 'archived.csv');
    await app.call('export:customers', { path: archivedPath, language: 'en', filter: { view: 'archived' } });
    expect(readCsv(archivedPath).map((r) => r['Record ID']).sort()).toEqual([...archive].sort());

    const someone = app.db.$client.prepare(`SELECT name FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as string;
    const key = someone.toLowerCase().slice(0, 2);
    const path = join(app.dir, 'search.csv');
    await app.call('export:customers', { path, language: 'en', filter: { search: key } });
    const listed = await app.call('customers:list', { search: key, limit: 5000 });
    expect(readCsv(path).map((r) => r['Record ID'])).toEqual(listed.rows.map((r) => r.id));
    expect(listed.total).toBeGreaterThan(0);
  });

  it('a selection exports those customers in the order given; trash is left out', async () => {
    const picked = sqlIds(`SELECT id FROM customers ORDER BY created_at DESC, id LIMIT 6`).reverse();
    await app.call('customers:delete', { id: picked[2]! });
    const path = join(app.dir, 'picked.csv');
    const result = await app.call('export:customers', { path, language: 'zh-CN', ids: picked });
    expect(result.rows).toBe(5);
    expect(readCsv(path).map((r) => r['系统ID'])).toEqual(picked.filter((_, i) => i !== 2));
    await expect(app.call('export:customers', { path, ids: picked, filter: {} })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it.each(['zh-CN', 'en'] as const)('class columns carry translated scheme names and class labels (%s), never raw keys', async (language) => {
    await app.call('segments:recompute', {});
    const path = join(app.dir, `classes-${language}.csv`);
    await app.call('export:customers', { path, language });
    const rows = readCsv(path);
    const header = Object.keys(rows[0]!);
    const prefix = language === 'zh-CN' ? '分层·' : 'Class · ';
    const pyramidHeader = `${prefix}${tiers[language].schemes.pyramid}`;
    expect(header).toContain(pyramidHeader);
    expect(header.filter((h) => h.startsWith(prefix)).some((h) => /[a-z]+_[a-z]+|·pyramid|· pyramid/.test(h))).toBe(false);
    // Each customer's pyramid class, read by SQL from the latest run and translated by the resource table.
    const classOf = app.db.$client.prepare(
      `SELECT class_key FROM segment_assignments WHERE scheme = 'pyramid' AND customer_id = ? AND as_of <= (SELECT max(as_of) FROM segment_runs) ORDER BY as_of DESC LIMIT 1`,
    ).pluck();
    const classes = tiers[language].classes as Record<string, string>;
    const idHeader = language === 'zh-CN' ? '系统ID' : 'Record ID';
    let checked = 0;
    for (const row of rows) {
      const key = classOf.get(row[idHeader]) as string | undefined;
      if (!key || !(key in classes)) continue;
      expect(row[pyramidHeader]).toBe(classes[key]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    const rawKeys = new Set(['potential_loyalist', 'iron', 'need_attention', 'about_to_sleep', 'at_risk', 'cant_lose', 'platinum', 'gold', 'lead']);
    for (const row of rows) for (const h of header.filter((x) => x.startsWith(prefix))) expect(rawKeys.has(row[h] ?? '')).toBe(false);
  });
});
