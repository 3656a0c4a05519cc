import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEndsBefore } from '../../core/demo/history';
import { recomputeIfDayChanged } from '../../core/segmentation/daily';
import type { EvaluationReport } from '../../shared/contract/reports';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The demo workspace starts with two years of month-end tier history, so a new user's dashboard, tiers
 * "as of" a past day and the migration matrix have something to show. The figures are checked against
 * plain SQL over segment_assignments written here.
 */
const TODAY = '2026-11-23';
let app: TestApp;
let report: EvaluationReport;
let loadMs: number;

beforeAll(async () => {
  app = openTestApp(TODAY);
  // As the app does on start: today's tiers of the empty workspace are stored before the demo is loaded.
  await recomputeIfDayChanged(app, TODAY);
  const started = performance.now();
  await app.call('workspace:loadDemo', { history: true });
  loadMs = performance.now() - started;
  report = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2025-12-01', to: '2026-11-30', period: 'month' });
});
afterAll(() => app.cleanup());

const one = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).pluck().get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => app.db.$client.prepare(sql).all(...params) as T[];

/** Pyramid class per customer on a day: the latest change point on or before it, '_out' meaning none. */
function classesOn(day: string): Map<string, string> {
  const found = rows<{ customer_id: string; class_key: string }>(
    `SELECT s.customer_id, s.class_key FROM segment_assignments s
     WHERE s.scheme = 'pyramid' AND s.as_of = (SELECT max(t.as_of) FROM segment_assignments t WHERE t.scheme = 'pyramid' AND t.customer_id = s.customer_id AND t.as_of <= ?)`,
    day,
  );
  return new Map(found.filter((r) => r.class_key !== '_out').map((r) => [r.customer_id, r.class_key]));
}

describe('the demo workspace has tier history', () => {
  it('stores a snapshot at each of the last 24 month-ends, oldest first, then today', () => {
    const days = rows<{ as_of: string }>(`SELECT as_of FROM segment_runs ORDER BY as_of`).map((r) => r.as_of);
    expect(days).toEqual([...monthEndsBefore(TODAY, 24), TODAY]);
    expect(days[0]).toBe('2024-11-30');
    expect(days[23]).toBe('2026-10-31');
    expect(monthEndsBefore('2026-03-15', 3)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28']);
    // Classes change over two years of orders: there are change points after the first snapshot.
    expect(one<number>(`SELECT count(*) FROM segment_assignments WHERE scheme = 'pyramid' AND as_of > '2024-11-30'`)).toBeGreaterThan(0);
    console.log(`demo with history loaded in ${Math.round(loadMs)} ms`);
  });

  it('every period of the last 12 months has customers per class as the stored history says', () => {
    expect(report.periods).toHaveLength(12);
    for (const p of report.periods) {
      const expected = new Map<string, number>();
      for (const c of classesOn(p.start).values()) expected.set(c, (expected.get(c) ?? 0) + 1);
      const classified = [...expected.values()].reduce((a, b) => a + b, 0);
      expect(classified).toBeGreaterThan(0);
      for (const [key, figures] of Object.entries(p.classes)) expect([p.start, key, figures.customers]).toEqual([p.start, key, expected.get(key) ?? 0]);
      for (const key of expected.keys()) expect(Object.keys(p.classes)).toContain(key);
    }
  });

  it('customers move between classes within periods, as the stored history says', () => {
    let moved = 0;
    for (const p of report.periods) {
      const start = classesOn(p.start);
      const end = classesOn(p.end < TODAY ? p.end : TODAY);
      let changed = 0;
      let stayed = 0;
      for (const id of new Set([...start.keys(), ...end.keys()])) {
        const [a, b] = [start.get(id), end.get(id)];
        if (a !== undefined && a === b) stayed += 1;
        else if (a !== undefined && b !== undefined) changed += 1;
      }
      const m = p.movement;
      expect([p.start, m.stayed]).toEqual([p.start, stayed]);
      expect([p.start, (m.upgraded ?? 0) + (m.downgraded ?? 0) + m.sideways]).toEqual([p.start, changed]);
      moved += changed;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('tiers as of a past day and the migration matrix read the history', async () => {
    const asOf = '2026-03-15';
    const overview = await app.call('segments:overview', { scheme: 'pyramid', asOf });
    expect(overview.asOf).toBe(asOf);
    const migration = await app.call('reports:migration', { scheme: 'pyramid', from: '2025-12-01', to: TODAY });
    expect(migration.fromSnapshot).toBe('2025-11-30');
    const from = classesOn('2025-11-30');
    const to = classesOn(TODAY);
    const moves = [...from].filter(([id, c]) => to.has(id) && to.get(id) !== c).length;
    expect(moves).toBeGreaterThan(0);
    const cellMoves = migration.cells.filter((c) => c.from !== null && c.to !== null && c.from !== c.to).reduce((a, c) => a + c.customers, 0);
    expect(cellMoves).toBe(moves);
  });
});

describe('demo --history on the command line', () => {
  it('stores the month-end history, and the report over the last 12 months has customers and moves, as plain SQL says', async () => {
    const { join } = await import('node:path');
    const { default: Database } = await import('better-sqlite3');
    const { tempDir } = await import('../support/test-app');
    const { cli } = await import('../support/cli');
    const { localDateOf } = await import('../../shared/domain/dates');
    const db = join(tempDir(), 'demo.sqlite');
    expect(cli('demo', '--db', db, '--customers', '120', '--seed', '4', '--history').code).toBe(0);
    const today = localDateOf(new Date());
    const from = `${monthEndsBefore(today, 11)[0]!.slice(0, 8)}01`;
    const run = cli('report', '--db', db, '--scheme', 'pyramid', '--from', from, '--to', today, '--period', 'month', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as EvaluationReport & { migration: { cells: { from: string | null; to: string | null; customers: number }[] } | null };
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.prepare(`SELECT count(*) FROM segment_runs`).pluck().get()).toBe(25);
      expect(out.periods).toHaveLength(12);
      for (const p of out.periods) {
        const classified = raw
          .prepare(
            `SELECT count(*) FROM segment_assignments s WHERE s.scheme = 'pyramid' AND s.class_key <> '_out'
             AND s.as_of = (SELECT max(t.as_of) FROM segment_assignments t WHERE t.scheme = 'pyramid' AND t.customer_id = s.customer_id AND t.as_of <= ?)`,
          )
          .pluck()
          .get(p.start) as number;
        expect(classified).toBeGreaterThan(0);
        expect([p.start, Object.values(p.classes).reduce((n, c) => n + c.customers, 0)]).toEqual([p.start, classified]);
      }
      expect(out.migration!.cells.some((c) => c.from !== null && c.to !== null && c.from !== c.to && c.customers > 0)).toBe(true);
    } finally {
      raw.close();
    }
  }, 180_000);
});
