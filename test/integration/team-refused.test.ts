import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, laptopsDir, openLaptop, steppingClock, type Laptop } from '../support/laptops';
import { startRefusingProxy, type RefusingProxy } from '../support/refusing-proxy';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

/**
 * A server that refuses one document (as CouchDB's document check does): the refused row stays pending and
 * is reported in words, the others reach the server, and the corrected row goes up and clears the report.
 */
const REASON = 'TierBook refused customers: customers.name is not allowed here';
const REFUSED_NAME = 'REFUSED BY SERVER';
/** A per-document failure PouchDB does not treat as a refusal (it stops the replication): it must not block the rest either. */
const BROKEN_NAME = 'BROKEN ON SERVER';
const BROKEN_REASON = 'the server could not write this document';

let server: TeamServerProcess;
let proxy: RefusingProxy;
let folder: ReturnType<typeof laptopsDir>;
let a: Laptop;
let b: Laptop;
const clock = steppingClock();
const auth = `Basic ${Buffer.from(`${TEAM_ADMIN.user}:${TEAM_ADMIN.password}`).toString('base64')}`;

/** The document as the server itself holds it (read past the proxy), or null when it has none. */
async function onServer(docId: string): Promise<{ fields: { name?: { v: unknown } } } | null> {
  const response = await fetch(`${server.url}/team/${encodeURIComponent(docId)}`, { headers: { authorization: auth } });
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return (await response.json()) as { fields: { name?: { v: unknown } } };
}

const outboxHas = (docId: string) => (a.db.$client.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE doc_id = ?`).get(docId) as { n: number }).n;
const outboxSize = () => (a.db.$client.prepare(`SELECT count(*) AS n FROM sync_outbox`).get() as { n: number }).n;
const input = (name: string) => ({ name, company: 'Acme', contacts: [], tags: [] });

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(`${folder.dir}/server`);
  proxy = await startRefusingProxy(server.url, (doc) => {
    const name = (doc.fields as { name?: { v?: unknown } } | undefined)?.name?.v;
    if (name === REFUSED_NAME) return { error: 'forbidden', reason: REASON };
    if (name === BROKEN_NAME) return { error: 'internal_server_error', reason: BROKEN_REASON };
    return null;
  });
  a = openLaptop('ana', folder.dir, clock);
  b = openLaptop('bo', folder.dir, clock);
  await joinAll([a], proxy.url);
  await a.call('team:sync-now', {});
  await b.call('team:identity-set', { userName: 'bo' });
  await b.call('team:join', { serverUrl: server.url, database: 'team', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
}, 60_000);

afterAll(async () => {
  a?.close();
  b?.close();
  await proxy?.stop();
  await server?.stop();
  folder?.remove();
});

describe('a document the team server refuses', () => {
  it('stays pending, is reported with its count and reason, and does not hold back the others', async () => {
    const { customer: first } = await a.call('customers:create', input('王芳'));
    const { customer: refused } = await a.call('customers:create', input(REFUSED_NAME));
    const { customer: last } = await a.call('customers:create', input('李雷'));
    const refusedId = `customers:${refused.id}`;

    const round = await a.call('team:sync-now', {});
    expect(proxy.refusals).toBe(1);
    expect(round.pushed).toBeGreaterThanOrEqual(2);

    // The others are on the server; the refused one is not, and its row waits in the outbox.
    expect((await onServer(`customers:${first.id}`))?.fields.name?.v).toBe('王芳');
    expect((await onServer(`customers:${last.id}`))?.fields.name?.v).toBe('李雷');
    expect(await onServer(refusedId)).toBeNull();
    expect(outboxHas(refusedId)).toBe(1);
    expect(outboxSize()).toBe(1);

    const status = await a.call('team:status', {});
    expect(status.pendingChanges).toBe(outboxSize());
    expect(status.lastErrorKey).toBe('team_document_refused');
    expect(status.refusedCount).toBe(1);
    expect(status.refusedReason).toBe(REASON);
    expect(status.lastSyncAt).not.toBeNull();

    // The other laptop receives the accepted rows only.
    await b.call('team:sync-now', {});
    const names = (b.db.$client.prepare(`SELECT name FROM customers WHERE id IN (?, ?, ?) ORDER BY name`).all(first.id, refused.id, last.id) as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['李雷', '王芳'].sort());
  }, 60_000);

  it('keeps it pending through later rounds without offering the same revision again', async () => {
    const before = proxy.refusals;
    await a.call('team:sync-now', {});
    await a.call('team:sync-now', {});
    expect(proxy.refusals).toBe(before);
    const status = await a.call('team:status', {});
    expect(status).toMatchObject({ pendingChanges: 1, refusedCount: 1, lastErrorKey: 'team_document_refused' });
  }, 60_000);

  it('pushes the corrected row and clears the report', async () => {
    const id = (a.db.$client.prepare(`SELECT id FROM customers WHERE name = ?`).get(REFUSED_NAME) as { id: string }).id;
    await a.call('customers:update', { id, customer: input('张伟') });
    await a.call('team:sync-now', {});
    expect((await onServer(`customers:${id}`))?.fields.name?.v).toBe('张伟');
    const status = await a.call('team:status', {});
    expect(status).toMatchObject({ pendingChanges: 0, refusedCount: 0, refusedReason: null, lastErrorKey: null });
    expect(outboxSize()).toBe(0);
    await b.call('team:sync-now', {});
    expect((b.db.$client.prepare(`SELECT name FROM customers WHERE id = ?`).get(id) as { name: string }).name).toBe('张伟');
  }, 60_000);

  it('treats any other per-document write failure the same way, without stopping the others', async () => {
    const before = proxy.refusals;
    const { customer: broken } = await a.call('customers:create', input(BROKEN_NAME));
    const { customer: after } = await a.call('customers:create', input('赵敏'));
    await a.call('team:sync-now', {});
    expect(proxy.refusals).toBe(before + 1);
    expect((await onServer(`customers:${after.id}`))?.fields.name?.v).toBe('赵敏');
    expect(await onServer(`customers:${broken.id}`)).toBeNull();
    expect(outboxSize()).toBe(1);
    expect(outboxHas(`customers:${broken.id}`)).toBe(1);
    expect(await a.call('team:status', {})).toMatchObject({ pendingChanges: 1, refusedCount: 1, refusedReason: BROKEN_REASON, lastErrorKey: 'team_document_refused' });

    await a.call('customers:update', { id: broken.id, customer: input('周芷若') });
    await a.call('team:sync-now', {});
    expect((await onServer(`customers:${broken.id}`))?.fields.name?.v).toBe('周芷若');
    expect(await a.call('team:status', {})).toMatchObject({ pendingChanges: 0, refusedCount: 0, lastErrorKey: null });
  }, 60_000);
});
