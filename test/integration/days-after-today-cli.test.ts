import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/dates';
import { cli } from '../support/cli';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

/**
 * `segment forget-future` on a book where a clock that ran ahead stored 2999-01-01: `--dry-run` lists the day
 * and writes nothing, the command removes it and stores today, and `segment` stores today again from then on.
 * The command line runs with the machine's own clock.
 */
let app: TestApp;
const today = localDateOf(new Date());
beforeAll(async () => {
  const clock = movableClock(today);
  app = openTestApp(today, { clock });
  await app.call('workspace:loadDemo', { customers: 40, seed: 9 });
  clock.moveTo('2999-01-01');
  await app.call('segments:recompute', {});
  app.close();
}, 60_000);
afterAll(() => rmSync(app.dir, { recursive: true, force: true }));

describe('segment forget-future', () => {
  it('lists with --dry-run, removes without it, and the history goes on from today', () => {
    expect(cli('segment', '--db', app.dbPath).stdout).toContain('(not stored: a later day is stored already; if it is after today, `segment forget-future` lists and removes it)');
    const dry = cli('segment', 'forget-future', '--db', app.dbPath, '--dry-run');
    expect([dry.code, dry.stdout.trim()]).toEqual([0, `Stored for days after today (${today}): 2999-01-01; run without --dry-run to remove them.`]);
    const removed = cli('segment', 'forget-future', '--db', app.dbPath, '--json');
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ today, removed: ['2999-01-01'], dryRun: false });
    expect(cli('segment', 'forget-future', '--db', app.dbPath).stdout.trim()).toBe(`Nothing is stored for a day after today (${today}).`);
    expect(cli('segment', '--db', app.dbPath).stdout).toMatch(new RegExp(`^Segmented as of ${today}\\n`));
  });
});
