import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Free-text classes (industry here) are keyed by lower-cased text, and shown by the spelling their customers
 * use most. Checked against plain SQL: the live, unarchived customers' industries counted as typed, grouped in
 * the test by what a person cannot tell apart (NFKC, spaces) and then by case.
 */
let app: TestApp;

beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { seed: 29, customers: 60 });
  const sql = app.db.$client;
  const ids = sql.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id`).pluck().all() as string[];
  const typed = [
    'OEM Electronics',
    '  OEM   Electronics ',
    'ＯＥＭ Electronics',
    'oem electronics',
    'Long-term Wholesale',
    'long-term wholesale',
    // Archived below: three more lower-case spellings that would win if archived customers counted.
    'oem electronics',
    'oem electronics',
    'oem electronics',
  ];
  typed.forEach((industry, k) => sql.prepare(`UPDATE customers SET industry = ? WHERE id = ?`).run(industry, ids[k]));
  for (const id of ids.slice(6, 9)) await app.call('customers:archive', { id, archived: true });
  await app.call('segments:recompute', {});
});
afterAll(() => app.cleanup());

const shown = (raw: string) => raw.normalize('NFKC').trim().replace(/\s+/gu, ' ');

/** Class key → most used spelling, worked out from SQL counts of the raw text; ties to the one sorting first. */
function expectedSpellings(): Map<string, string> {
  const rows = app.db.$client
    .prepare(`SELECT industry, count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND trim(industry) <> '' GROUP BY industry`)
    .raw()
    .all() as [string, number][];
  const counts = new Map<string, number>();
  for (const [raw, n] of rows) counts.set(shown(raw), (counts.get(shown(raw)) ?? 0) + n);
  const best = new Map<string, [string, number]>();
  for (const [spelling, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = spelling.toLowerCase();
    if ((best.get(key)?.[1] ?? 0) < n) best.set(key, [spelling, n]);
  }
  return new Map([...best].map(([key, [spelling]]) => [key, spelling]));
}

describe('free-text classes are shown by their customers’ spelling', () => {
  it('names each class of the overview, members and evaluation by its most used spelling; keys stay lower-case', async () => {
    const expected = expectedSpellings();
    expect(expected.get('oem electronics')).toBe('OEM Electronics');
    // A tie (one each) goes to the spelling that sorts first.
    expect(expected.get('long-term wholesale')).toBe('Long-term Wholesale');

    const spellings = await app.call('segments:classSpellings', {});
    const overview = await app.call('segments:overview', { scheme: 'industry' });
    const keys = overview.classes.filter((c) => c.count > 0 && c.classKey !== 'unknown').map((c) => c.classKey);
    expect(keys).toContain('oem electronics');
    expect(keys.every((k) => k === k.toLowerCase())).toBe(true);
    expect(Object.fromEntries(keys.map((k) => [k, spellings.industry[k]]))).toEqual(Object.fromEntries(keys.map((k) => [k, expected.get(k)])));
    expect(overview.classes.find((c) => c.classKey === 'oem electronics')?.count).toBe(4);

    const members = await app.call('segments:members', { scheme: 'industry', classKey: 'oem electronics' });
    expect(members.rows.map((r) => spellings.industry[r.classKey])).toEqual(members.rows.map(() => 'OEM Electronics'));

    const evaluation = await app.call('reports:evaluation', { scheme: 'industry', from: '2026-01-01', to: '2026-11-23', period: 'quarter' });
    const evaluated = evaluation.classes.map((c) => c.key).filter((k) => k !== 'unknown' && k !== 'none');
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.map((k) => spellings.industry[k])).toEqual(evaluated.map((k) => expected.get(k)));
  });

  it('exports the class column by the same spelling', async () => {
    const expected = expectedSpellings();
    const path = join(app.dir, 'customers.csv');
    await app.call('export:customers', { path, language: 'en' });
    const [header, ...body] = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const idAt = header!.indexOf('Record ID');
    const industryAt = header!.indexOf('Class · Industry');
    expect([idAt >= 0, industryAt >= 0]).toEqual([true, true]);
    const raw = new Map(
      app.db.$client.prepare(`SELECT id, industry FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).raw().all() as [string, string | null][],
    );
    const rows = body.filter((r) => raw.has(r[idAt]!));
    expect(rows.length).toBe(raw.size);
    for (const r of rows) {
      const industry = raw.get(r[idAt]!) ?? null;
      const key = industry === null || industry.trim() === '' ? null : shown(industry).toLowerCase();
      if (key === null) continue;
      expect({ id: r[idAt], cls: r[industryAt] }).toEqual({ id: r[idAt], cls: expected.get(key) });
    }
    expect(rows.filter((r) => r[industryAt] === 'OEM Electronics').length).toBe(4);
  });

  it('the command line shows the spelling, and --json keeps the key', () => {
    const human = cli('tiers', '--db', app.dbPath, '--scheme', 'industry', '--class', 'oem electronics');
    expect([human.code, human.stderr]).toEqual([0, '']);
    expect(human.stdout.split('\n').filter((l) => l.includes('OEM Electronics')).length).toBe(4);
    const json = cli('tiers', '--db', app.dbPath, '--scheme', 'industry', '--class', 'oem electronics', '--json');
    const out = JSON.parse(json.stdout) as Record<string, unknown> & { rows: { classKey: string }[] };
    expect(Object.keys(out).sort()).toEqual(['asOf', 'offset', 'rows', 'total']);
    expect(out.rows.map((r) => r.classKey)).toEqual(['oem electronics', 'oem electronics', 'oem electronics', 'oem electronics']);
  });
});
