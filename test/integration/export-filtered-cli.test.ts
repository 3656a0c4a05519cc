import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

// `tierbook export customers` with the list's filter flags writes what `customers list` would show.
describe('tierbook export customers --owner/--tag/--search/--view', () => {
  it('exports the filtered customers only, in the list order; a bad --view is a usage error', () => {
    const dir = tempDir();
    const db = join(dir, 'cli.sqlite');
    expect(cli('demo', '--db', db, '--customers', '60', '--seed', '9').code).toBe(0);
    const raw = new Database(db, { readonly: true });
    const owner = raw.prepare(`SELECT owner FROM customers WHERE owner IS NOT NULL GROUP BY owner ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string;
    const expected = raw
      .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND owner = ? ORDER BY sort_name, id`)
      .pluck()
      .all(owner) as string[];
    raw.close();
    expect(expected.length).toBeGreaterThan(2);

    const path = join(dir, 'mine.csv');
    const run = cli('export', 'customers', path, '--db', db, '--owner', owner, '--lang', 'en', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { rows: number }).rows).toBe(expected.length);
    const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['Record ID'])).toEqual(expected);

    const bad = cli('export', 'customers', join(dir, 'x.csv'), '--db', db, '--view', 'everything');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--view must be active|archived|trash');
  });
});
