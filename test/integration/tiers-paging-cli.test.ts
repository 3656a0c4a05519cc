import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

type Members = { asOf: string; total: number; offset: number; rows: Array<{ id: string; code: string | null; name: string; classKey: string }> };

/** More customers in one class than one page of segments:members holds (5000). */
const CUSTOMERS = 6_200;
let db: string;

beforeAll(() => {
  db = join(tempDir(), 'big.sqlite');
  expect(cli('settings', 'set', '--db', db, '--language', 'en').code).toBe(0); // creates and migrates the file
  const raw = new Database(db);
  try {
    const insert = raw.prepare(`INSERT INTO customers (id, created_at, updated_at, name, code, type) VALUES (?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?, ?, 'individual')`);
    raw.transaction(() => {
      for (let i = 0; i < CUSTOMERS; i++) insert.run(`c${String(i).padStart(5, '0')}`, `Customer ${i}`, `K-${i}`);
    })();
  } finally {
    raw.close();
  }
}, 120_000);

describe('tiers on the command line: every member of a large class, with codes and paging', () => {
  it('returns the whole class without --limit, each row with the customer code', () => {
    const run = cli('tiers', '--db', db, '--scheme', 'lifecycle', '--class', 'potential', '--as-of', '2026-06-30', '--json');
    expect(run.code, run.stderr).toBe(0);
    const all = JSON.parse(run.stdout) as Members;
    expect(all.total).toBe(CUSTOMERS);
    expect(all.rows).toHaveLength(CUSTOMERS);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(CUSTOMERS);
    // The code is the one stored for that customer (c00042 was inserted with K-42).
    for (const r of all.rows) expect(r.code).toBe(`K-${Number(r.id.slice(1))}`);
  });

  it('--offset and --limit give the same slice of the same order', () => {
    const all = JSON.parse(cli('tiers', '--db', db, '--scheme', 'lifecycle', '--class', 'potential', '--as-of', '2026-06-30', '--json').stdout) as Members;
    const tail = JSON.parse(cli('tiers', '--db', db, '--scheme', 'lifecycle', '--class', 'potential', '--as-of', '2026-06-30', '--offset', '6190', '--limit', '50', '--json').stdout) as Members;
    expect(tail.offset).toBe(6190);
    expect(tail.rows.map((r) => r.id)).toEqual(all.rows.slice(6190).map((r) => r.id));
    expect(tail.rows).toHaveLength(CUSTOMERS - 6190);
    const human = cli('tiers', '--db', db, '--scheme', 'lifecycle', '--class', 'potential', '--as-of', '2026-06-30', '--offset', '10', '--limit', '2');
    expect(human.stdout).toContain(`11–12 of ${CUSTOMERS} customers`);
    expect(human.stdout).toContain(all.rows[10]!.code!);
    expect(cli('tiers', '--db', db, '--scheme', 'lifecycle', '--offset', '-1')).toMatchObject({ code: 2 });
  });
});
