import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/dates';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';

/** A segmentation command's --json output, once it has exited 0 with nothing on stderr. */
const json = <T>(...args: string[]): T => {
  const run = cli(...args, '--json');
  expect([run.code, run.stderr]).toEqual([0, '']);
  return JSON.parse(run.stdout) as T;
};

let db: string;
const today = localDateOf(new Date());
const sql = <T>(query: string, ...params: unknown[]): T => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(query).pluck().get(...params) as T;
  } finally {
    raw.close();
  }
};

type Counts = { asOf: string; stored: boolean; schemes: Record<string, Record<string, number>> };
type Members = { total: number; rows: { id: string; classKey: string; revenueMinor: number; group?: string }[] };

beforeAll(() => {
  db = join(tempDir(), 'segments.sqlite');
  expect(cli('demo', '--db', db, '--customers', '60', '--seed', '5').code).toBe(0);
});

describe('segmentation on the command line', () => {
  it('segment recomputes, stores the snapshot and prints counts per class of every scheme', () => {
    const out = json<Counts>('segment', '--db', db);
    expect(Object.keys(out)).toEqual(['asOf', 'stored', 'schemes']);
    expect([out.asOf, out.stored]).toEqual([today, true]);
    const live = sql<number>(`SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`);
    for (const [scheme, counts] of Object.entries(out.schemes)) expect([scheme, Object.values(counts).reduce((a, b) => a + b, 0)]).toEqual([scheme, live]);
    expect(sql<number>(`SELECT count(DISTINCT customer_id) FROM segment_assignments WHERE scheme = 'pyramid' AND as_of = ?`, today)).toBe(live);
    expect(cli('segment', '--db', db, '--lang', 'en').stdout).toMatch(/^Segmented as of \d{4}-\d{2}-\d{2}\n {2}RFM scores /);
  });

  it('tiers lists the members of a class with their class and value', () => {
    const counts = json<Counts>('segment', '--db', db).schemes.value!;
    const high = json<Members>('tiers', '--db', db, '--scheme', 'value', '--class', 'high');
    expect(high.total).toBe(counts.high);
    expect(high.rows.every((r) => r.classKey === 'high')).toBe(true);
    expect(high.rows.map((r) => r.revenueMinor)).toEqual([...high.rows.map((r) => r.revenueMinor)].sort((a, b) => b - a));
    const all = json<Members>('tiers', '--db', db, '--scheme', 'value');
    expect(all.total).toBe(sql<number>(`SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`));
  });

  it('explain gives every scheme with its class, matching tiers', () => {
    const top = json<Members>('tiers', '--db', db, '--scheme', 'pyramid', '--limit', '1').rows[0]!;
    const e = json<{ customerId: string; schemes: Record<string, { classKey: string; explanation: { kind: string } }> }>('explain', '--db', db, '--customer', top.id);
    expect(e.customerId).toBe(top.id);
    expect(e.schemes.pyramid).toMatchObject({ classKey: top.classKey, explanation: { kind: 'pyramid' } });
    expect(Object.keys(e.schemes)).toEqual(expect.arrayContaining(['rfm', 'rf_segment', 'value', 'lifecycle', 'loyalty', 'behavior', 'intent', 'locality']));
  });

  it('migration resolves dates to stored snapshots; a customer given a large order is in the top occupied tier', () => {
    const lead = json<Members>('tiers', '--db', db, '--scheme', 'pyramid', '--class', 'lead', '--limit', '1').rows[0]!;
    const before = json<Counts>('segment', '--db', db, '--as-of', '2026-01-01');
    // The earlier day comes after today's snapshot, so it is computed but not stored.
    expect(before.stored).toBe(today <= '2026-01-01');
    expect(cli('orders', 'add', '--db', db, '--customer', lead.id, '--date', today, '--amount', '99999999', '--currency', 'CNY').code).toBe(0);
    const m = json<{ fromSnapshot: string; toSnapshot: string; cells: { from: string | null; to: string | null; count: number; customerIds: string[] }[] }>(
      'migration', '--db', db, '--scheme', 'pyramid', '--from', today, '--to', today,
    );
    // The read stored today's snapshot anew; both ends resolve to today, so everyone stays on the diagonal.
    expect(m.cells.every((c) => c.from === c.to)).toBe(true);
    // The demo ranks each business line on its own: the top tier occupied in the lead's own group.
    expect(lead.group).toMatch(/^(domestic|overseas)$/);
    const group = json<Members>('tiers', '--db', db, '--scheme', 'pyramid', '--group', lead.group!).rows;
    const top = ['platinum', 'gold', 'iron'].find((c) => group.some((r) => r.classKey === c));
    expect(m.cells.find((c) => c.customerIds.includes(lead.id))?.to).toBe(top);
    expect([m.fromSnapshot, m.toSnapshot]).toEqual([today, today]);
  });

  it('refuses bad input (exit 1) and usage mistakes (exit 2)', () => {
    expect(cli('tiers', '--db', db, '--scheme', 'custom:nope')).toMatchObject({ code: 1, stderr: 'error: No scheme with id custom:nope\n' });
    expect(cli('tiers', '--db', db)).toMatchObject({ code: 2, stderr: 'error: --scheme is required\n' });
    expect(cli('migration', '--db', db, '--scheme', 'pyramid', '--from', '2000-01-01', '--to', today).stderr).toBe('error: No tier snapshot is stored on or before 2000-01-01 (run segment first)\n');
    expect(cli('explain', '--db', db, '--customer', 'ghost').code).toBe(1);
  });
});
