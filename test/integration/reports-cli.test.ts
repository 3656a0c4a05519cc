import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import type { OutputOf } from '../../shared/contract';
import { buildReportFixture, FIXTURE_TODAY } from '../support/report-fixture';
import { MIGRATIONS, openTestApp } from '../support/test-app';
import { cli } from '../support/cli';

// `report` and `migration` as a user runs them, against the hand-made fixture written to a real file.
let dir: string;
let db: string;
let app: OpenedApp;
type Report = OutputOf<'reports:evaluation'> & { migration: OutputOf<'reports:migration'> | null };

beforeAll(async () => {
  const built = openTestApp(FIXTURE_TODAY);
  await buildReportFixture(built);
  await built.call('policies:save', { scheme: 'pyramid', classKey: 'gold', cadenceDays: 14, priority: 2, responsible: 'Ms Li' });
  built.close();
  [dir, db] = [built.dir, built.dbPath];
});
afterAll(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report on the command line', () => {
  it('--json gives every figure of reports:evaluation plus the migration over the same dates; the table reads the same numbers', async () => {
    const run = cli('report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-04-30', '--period', 'month', '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const printed = JSON.parse(run.stdout) as Report;
    app = openApp({ dbPath: db, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(FIXTURE_TODAY), checkOutput: true });
    const direct = await call(app.dispatch, 'reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', period: 'month' });
    const { elapsedMs: _a, migration, ...rest } = printed;
    const { elapsedMs: _b, ...expected } = direct;
    expect(rest).toEqual(expected);
    expect(migration!.cells.map((c) => [c.from, c.to, c.customers])).toEqual([
      ['platinum', 'gold', 1],
      ['gold', 'gold', 1],
      ['iron', 'gold', 1],
      ['lead', null, 1],
      [null, 'lead', 1],
    ]);
    app.close();

    const table = cli('report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-04-30');
    expect(table.code).toBe(0);
    // January's gold line: 1 customer, 1700 fen of revenue (17.00 CNY), 1 order, AOV 17.00, growth 240.0%, yoy 70.0%, satisfaction 4.00 (1), coverage 100%, gross profit 680 fen, Ms Li.
    expect(table.stdout).toMatch(/^Gold\s+1\s+17\.00\s+25\.4%\s+1\s+17\.00\s+100\.0%\s+240\.0%\s+70\.0%\s+4\.00 \(1\)\s+100\.0%\s+6\.80 {2}Ms Li$/m);
    expect(table.stdout).toMatch(/^Customer pyramid by month, .*\(amounts in CNY;/);
    expect(table.stdout).toContain('moves: 2 stayed, 1 upgraded, 1 downgraded, 0 sideways, 1 entered, 0 left');
    expect(table.stdout).toContain('Migration 2026-01-01 → 2026-04-30: 1 stayed, 1 upgraded, 1 downgraded, 0 sideways, 1 entered, 1 left');
  });

  it('a migration cell lists exactly the customers the migration command names', async () => {
    const run = cli('migration', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', '2026-04-30', '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const answer = JSON.parse(run.stdout) as OutputOf<'segments:migration'>;
    app = openApp({ dbPath: db, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(FIXTURE_TODAY), checkOutput: true });
    expect(answer.cells.length).toBeGreaterThan(3);
    for (const cell of answer.cells) {
      const members = await call(app.dispatch, 'reports:migration-members', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', fromClass: cell.from, toClass: cell.to, limit: 500 });
      expect([cell.from, cell.to, members.rows.map((r) => r.id).sort()]).toEqual([cell.from, cell.to, [...cell.customerIds].sort()]);
      expect(members.total).toBe(cell.count);
    }
    const matrix = await call(app.dispatch, 'reports:migration', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30' });
    expect(matrix.cells.map((c) => [c.from, c.to, c.customers])).toEqual(answer.cells.map((c) => [c.from, c.to, c.count]));
    app.close();
  });

  it('a bad period is refused with the contract\'s message and nothing printed on stdout', () => {
    const run = cli('report', '--db', db, '--scheme', 'pyramid', '--from', '2026-04-30', '--to', '2026-01-01');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: --to must not be before the start date\n');
  });

  it('a migration from a day after its end is refused the same way, and one day to itself is answered', () => {
    const reversed = cli('migration', '--db', db, '--scheme', 'pyramid', '--from', '2026-04-30', '--to', '2026-01-01');
    expect([reversed.code, reversed.stdout, reversed.stderr]).toEqual([2, '', 'error: --to must not be before the start date\n']);
    const sameDay = cli('migration', '--db', db, '--scheme', 'pyramid', '--from', '2026-04-30', '--to', '2026-04-30', '--json');
    expect([sameDay.code, sameDay.stderr]).toEqual([0, '']);
    const answer = JSON.parse(sameDay.stdout) as OutputOf<'segments:migration'>;
    // The same day on both sides: every customer stays in their class.
    expect(answer.cells.every((c) => c.from === c.to)).toBe(true);
  });
});
