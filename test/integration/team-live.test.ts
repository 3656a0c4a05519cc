import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveDelayMs, teamSync } from '../../core/sync/service';
import { laptopsDir, openLaptop, steppingClock, type Laptop } from '../support/laptops';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

let folder: ReturnType<typeof laptopsDir>;
let server: TeamServerProcess;
let a: Laptop;
let b: Laptop;
const clock = steppingClock();

/** Waits for `check` to hold, polling; fails with `what` after the time limit. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(join(folder.dir, 'server'));
  a = openLaptop('ana', folder.dir, clock);
  b = openLaptop('bo', folder.dir, clock);
  for (const [i, l] of [a, b].entries()) {
    await l.call('team:identity-set', { userName: l.name });
    await l.call(i === 0 ? 'team:create' : 'team:join', { serverUrl: server.url, database: 'live', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
  }
}, 30_000);
afterAll(async () => {
  a?.close();
  b?.close();
  await server?.stop();
  folder?.remove();
});

describe('live sync in the background', () => {
  it('backs off after failures: the interval, then doubling up to five minutes', () => {
    expect([0, 1, 2, 3, 6, 7, 50].map((n) => liveDelayMs(n))).toEqual([5000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000]);
    expect(liveDelayMs(2, 200)).toBe(800);
  });

  it('carries an edit across without anyone asking, waits out a server that is away, and catches up when it is back', async () => {
    for (const l of [a, b]) teamSync(l.db, l.dbPath, () => clock.now()).startLive(200);
    const { customer } = await a.call('customers:create', { name: '自动同步', contacts: [], tags: [] });
    await eventually('the customer on the other laptop', async () => (await b.call('customers:list', { search: '自动同步' })).total === 1);

    await server.stop();
    await a.call('customers:update', { id: customer.id, customer: { name: '自动同步', city: '离线时改的', contacts: [], tags: [] } });
    await eventually('the failure to be recorded', async () => (await a.call('team:status', {})).lastErrorKey === 'team_unreachable');
    await eventually('two failures in a row', () => teamSync(a.db, a.dbPath, () => clock.now()).failuresInARow >= 2);
    expect((await a.call('team:status', {})).pendingChanges).toBeGreaterThan(0);
    // Screens keep answering while the loop retries.
    expect((await a.call('customers:get', { id: customer.id })).city).toBe('离线时改的');

    server = await startTeamServer(server.dir, server.port);
    await eventually('the offline edit on the other laptop', async () => (await b.call('customers:get', { id: customer.id })).city === '离线时改的', 30_000);
    await eventually('the error to clear', async () => (await a.call('team:status', {})).lastErrorKey === null);
    for (const l of [a, b]) await teamSync(l.db, l.dbPath, () => clock.now()).stop();
  }, 90_000);
});
