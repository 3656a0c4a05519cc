import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, laptopsDir, openLaptop, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';
import { ROOT } from '../support/test-app';

/**
 * Faults: the server dies in the middle of a sync, a laptop is killed in the middle of applying what it
 * pulled, a laptop returns after many changes elsewhere. Afterwards everything converges, the files are
 * sound and no follow-up or order is lost.
 */
let folder: ReturnType<typeof laptopsDir>;
let server: TeamServerProcess;
const clock = steppingClock();
const laptops: Laptop[] = [];
const open = (name: string) => {
  const laptop = openLaptop(name, folder.dir, clock);
  laptops.push(laptop);
  return laptop;
};
const credentials = () => ({ serverUrl: server.url, database: 'faults', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
const count = (l: Laptop, table: string) => (l.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const serverDocCount = async () => {
  const auth = Buffer.from(`${TEAM_ADMIN.user}:${TEAM_ADMIN.password}`).toString('base64');
  const info = (await (await fetch(`${server.url}/faults`, { headers: { authorization: `Basic ${auth}` } })).json()) as { doc_count?: number };
  return info.doc_count ?? 0;
};

let a: Laptop;
let b: Laptop;
let demo: { customers: number; orders: number; followUps: number };

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(join(folder.dir, 'server'));
  a = open('ana');
  demo = await a.call('workspace:loadDemo', { seed: 5, customers: 100 });
  await a.call('team:identity-set', { userName: 'ana' });
  await a.call('team:create', credentials());
}, 60_000);

afterAll(async () => {
  for (const l of laptops) l.close();
  await server?.stop();
  folder?.remove();
});

describe('team sync under faults', () => {
  it('survives the server stopping mid-sync: the next round after it is back sends everything', async () => {
    expect(demo.followUps).toBeGreaterThan(100);
    const round = a.call('team:sync-now', {}).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    // Stop the server as soon as the first documents have landed on it.
    while ((await serverDocCount().catch(() => 0)) === 0) await new Promise((r) => setTimeout(r, 5));
    await server.stop();
    expect(await round).toContain('the team server cannot be reached');
    expect((await a.call('team:status', {})).lastErrorKey).toBe('team_unreachable');

    server = await startTeamServer(server.dir, server.port);
    b = open('bo');
    await b.call('team:identity-set', { userName: 'bo' });
    await b.call('team:join', credentials());
    await settle([a, b]);
    expect(bookDigest(b)).toEqual(bookDigest(a));
    expect(count(b, 'follow_ups')).toBe(count(a, 'follow_ups'));
    expect(count(b, 'orders')).toBe(count(a, 'orders'));
    expect(count(a, 'follow_ups')).toBeGreaterThanOrEqual(demo.followUps);
    for (const l of [a, b]) integrityOk(l);
  }, 120_000);

  it('survives a laptop killed (SIGKILL) while applying what it pulled', async () => {
    const c = openLaptop('chen', folder.dir, clock);
    await c.call('team:identity-set', { userName: 'chen' });
    await c.call('team:join', credentials());
    c.close();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'team-sync-child.ts'), c.dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    // Kill it once at least one batch is applied (the checkpoint moved) and before the last one.
    const watch = new Database(c.dbPath, { readonly: true, fileMustExist: true });
    const applied = () => (watch.prepare(`SELECT applied_seq AS s FROM sync_state`).get() as { s: string }).s !== '0';
    const deadline = Date.now() + 60_000;
    while (!applied() && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    expect(await exited, output).toBe('SIGKILL');
    const partial = (watch.prepare(`SELECT count(*) AS n FROM follow_ups`).get() as { n: number }).n;
    watch.close();
    expect(partial).toBeLessThan(count(a, 'follow_ups'));

    const back = open('chen');
    integrityOk(back);
    await settle([a, b, back]);
    expect(bookDigest(back)).toEqual(bookDigest(a));
    for (const l of [a, b, back]) integrityOk(l);
  }, 120_000);

  it('brings a stale laptop back after many changes elsewhere, keeping its own offline work', async () => {
    const stale = laptops.find((l) => l.name === 'chen')!;
    const ids = (stale.db.$client.prepare(`SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 40`).all() as { id: string; name: string }[]);
    for (const [i, { id, name }] of ids.entries()) {
      const editor = i % 2 === 0 ? a : b;
      await editor.call('customers:update', { id, customer: { name, city: `城${i}`, contacts: (await editor.call('customers:get', { id })).contacts.map((k) => ({ kind: k.kind, value: k.value })) } });
      await editor.call('followups:create', { customerId: id, channel: 'call', content: `from ${editor.name} ${i}` });
    }
    for (let round = 0; round < 3; round++) await settle([a, b]);
    for (const { id } of ids.slice(0, 5)) await stale.call('followups:create', { customerId: id, channel: 'visit', content: 'offline visit' });
    const before = count(a, 'follow_ups') + 5;
    await settle([a, b, stale]);
    for (const l of [a, b, stale]) {
      expect(count(l, 'follow_ups')).toBe(before);
      expect(bookDigest(l)).toEqual(bookDigest(a));
      integrityOk(l);
    }
    expect((stale.db.$client.prepare(`SELECT count(*) AS n FROM customers WHERE city LIKE '城%'`).get() as { n: number }).n).toBe(40);
  }, 120_000);
});
