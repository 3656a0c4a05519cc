import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

// `customers list` by class and by tier, as a user runs it: a separate process, counts checked by SQL.
let db: string;
beforeAll(() => {
  db = join(tempDir(), 'tiers.sqlite');
  expect(cli('demo', '--db', db, '--customers', '60', '--seed', '5').code).toBe(0);
  expect(cli('segment', '--db', db).code).toBe(0);
}, 120_000);

type Listed = { total: number; rows: { id: string; classes: Record<string, string> }[] };

describe('customers list --scheme --class / --sort-tier', () => {
  it('keeps the classes asked for, as many as the stored snapshot holds', () => {
    const run = cli('customers', 'list', '--db', db, '--scheme', 'lifecycle', '--class', 'active,at_risk', '--limit', '500', '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = JSON.parse(run.stdout) as Listed;
    const raw = new Database(db, { readonly: true });
    const expected = raw
      .prepare(
        `SELECT count(*) FROM customers c JOIN (SELECT customer_id, class_key, max(as_of) FROM segment_assignments WHERE scheme = 'lifecycle' GROUP BY customer_id) s
         ON s.customer_id = c.id WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND s.class_key IN ('active', 'at_risk')`,
      )
      .pluck()
      .get();
    raw.close();
    expect(out.total).toBe(expected);
    expect(out.rows.every((r) => ['active', 'at_risk'].includes(r.classes.lifecycle!))).toBe(true);
  });

  it('sorts by tier, best first, and says what is missing', () => {
    const out = JSON.parse(cli('customers', 'list', '--db', db, '--sort-tier', 'pyramid', '--limit', '500', '--json').stdout) as Listed;
    const order = ['platinum', 'gold', 'iron', 'lead', 'none'];
    const ranks = out.rows.map((r) => order.indexOf(r.classes.pyramid!));
    expect(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!))).toBe(true);
    expect(new Set(ranks).size).toBeGreaterThan(1);
    const bad = cli('customers', 'list', '--db', db, '--scheme', 'pyramid');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toBe('error: --class is required\n');
  });
});

describe('a mistyped --scheme', () => {
  it('is refused with the schemes it could have been', () => {
    for (const args of [['tiers', '--scheme', 'pyrmid'], ['customers', 'list', '--scheme', 'pyrmid', '--class', 'gold']]) {
      const run = cli(...args, '--db', db);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^error: --scheme must be one of rfm, .*\bpyramid\b.*\blifecycle\b.*, or custom:ID for a custom segment\n$/);
    }
  });
});
