import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityOk, laptopsDir, openLaptop, steppingClock, type Laptop } from '../support/laptops';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

/**
 * Whatever reaches the team database — a broken client, a hand edit in the admin UI, a hostile member —
 * a laptop applies only known tables and columns, through bound parameters and the schema's CHECKs;
 * the rest is refused and the sync goes on.
 */
let folder: ReturnType<typeof laptopsDir>;
let server: TeamServerProcess;
let laptop: Laptop;
const auth = `Basic ${Buffer.from(`${TEAM_ADMIN.user}:${TEAM_ADMIN.password}`).toString('base64')}`;
const put = (id: string, body: unknown) => fetch(`${server.url}/hostile/${encodeURIComponent(id)}`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const field = (v: unknown) => ({ v, t: '009999999999999.000000.evil', b: '', by: 'mallory' });

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(join(folder.dir, 'server'));
  laptop = openLaptop('ana', folder.dir, steppingClock());
  await laptop.call('team:identity-set', { userName: 'ana' });
  await laptop.call('team:create', { serverUrl: server.url, database: 'hostile', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
}, 30_000);
afterAll(async () => {
  laptop?.close();
  await server?.stop();
  folder?.remove();
});

describe('documents nobody should have written', () => {
  it('applies the valid one and refuses SQL in names, unknown tables and columns, and values the schema forbids', async () => {
    const base = { id: 'c-ok', created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z', name: '正常', type: 'individual', tags: '[]', locality_manual: 0 };
    const fields = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, field(v)]));
    expect((await put('customers:c-ok', { table: 'customers', fields: fields(base) })).ok).toBe(true);
    await put(`customers:x'); DROP TABLE customers; --`, { table: 'customers', fields: fields({ ...base, id: `x'); DROP TABLE customers; --`, name: 'inject' }) });
    await put('sqlite_master:1', { table: 'sqlite_master', fields: fields({ id: '1', sql: 'boom' }) });
    await put('customers:c-col', { table: 'customers', fields: fields({ ...base, id: 'c-col', 'name = 1; DROP TABLE orders; --': 'x', search_text: 'planted' }) });
    await put('customers:c-bad', { table: 'customers', fields: fields({ ...base, id: 'c-bad', type: 'robot', country: 'china' }) });
    await put('follow_ups:f-orphan', { table: 'follow_ups', fields: fields({ id: 'f-orphan', created_at: 'x', updated_at: 'x', customer_id: 'nobody', occurred_at: '2026-11-01T00:00:00.000Z', channel: 'call', content: '', done: 0 }) });
    await put('customers:c-lie', { table: 'orders', fields: fields({ ...base, id: 'c-lie' }) });

    const result = await laptop.call('team:sync-now', {});
    expect(result.pulled).toBeGreaterThanOrEqual(7);
    const client = laptop.db.$client;
    expect(client.prepare(`SELECT id, name, search_text <> 'planted' AS own FROM customers ORDER BY id`).all()).toEqual([
      { id: 'c-col', name: '正常', own: 1 },
      { id: 'c-ok', name: '正常', own: 1 },
      { id: `x'); DROP TABLE customers; --`, name: 'inject', own: 1 },
    ]);
    expect(client.prepare(`SELECT count(*) AS n FROM orders`).get()).toEqual({ n: 0 });
    expect(client.prepare(`SELECT doc_id FROM sync_parked`).pluck().all()).toEqual(['follow_ups:f-orphan']);
    integrityOk(laptop);
    // The stamp from the future did not drag this laptop's clock out of range: its next edit still syncs and wins.
    await laptop.call('customers:update', { id: 'c-ok', customer: { name: '改过', contacts: [], tags: [] } });
    await laptop.call('team:sync-now', {});
    expect((await laptop.call('customers:get', { id: 'c-ok' })).name).toBe('改过');
  }, 60_000);
});
