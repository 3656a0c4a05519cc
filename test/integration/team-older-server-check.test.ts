import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laptopsDir, openLaptop, settle, steppingClock, type Laptop } from '../support/laptops';
import { startRefusingProxy, type RefusingProxy } from '../support/refusing-proxy';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

/**
 * A team server whose document check an earlier release installed (rules version 1) does not know the records of
 * settlements the team shares (customer_merge_moves, restored_sales) and would refuse them as an unknown table. The
 * laptop keeps them waiting instead of having them refused (a refused revision is never offered again unless it
 * changes), and sends them with the first round after a database admin has installed this release's check.
 * The proxy in front of the test server refuses as that check would (pouchdb-server cannot host the check).
 */
let folder: ReturnType<typeof laptopsDir>;
let server: TeamServerProcess;
let proxy: RefusingProxy;
const clock = steppingClock();
let a: Laptop, b: Laptop;
let serverRules = 1;
const NEW_TABLES = ['customer_merge_moves', 'restored_sales'];
const admin = { authorization: `Basic ${Buffer.from(`${TEAM_ADMIN.user}:${TEAM_ADMIN.password}`).toString('base64')}`, 'content-type': 'application/json' };

/** Puts a design document naming the check's rules version, as *Create a team* of that release leaves it. */
async function installCheck(version: number): Promise<void> {
  const url = `${server.url}/team/_design/tierbook`;
  const found = (await (await fetch(url, { headers: admin })).json()) as { _rev?: string };
  const put = await fetch(url, { method: 'PUT', headers: admin, body: JSON.stringify({ ...(found._rev ? { _rev: found._rev } : {}), language: 'javascript', tierbookRulesVersion: version }) });
  expect(put.status).toBe(201);
  serverRules = version;
}
const onServer = async (docId: string) => (await fetch(`${server.url}/team/${encodeURIComponent(docId)}`, { headers: admin })).status === 200;

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(`${folder.dir}/server`);
  proxy = await startRefusingProxy(server.url, (doc) =>
    serverRules < 2 && NEW_TABLES.includes(String(doc.table))
      ? { error: 'forbidden', reason: `TierBook refused ${doc._id}: unknown table "${String(doc.table)}"` }
      : // Rules version 2 knows neither payments as rows nor an order's terms.
        serverRules < 3 && doc.table === 'order_payments'
        ? { error: 'forbidden', reason: `TierBook refused ${doc._id}: unknown table "order_payments"` }
        : serverRules < 3 && doc.table === 'orders' && 'terms_unpaid_minor' in ((doc.fields as object | undefined) ?? {})
          ? { error: 'forbidden', reason: `TierBook refused ${doc._id}: orders.terms_unpaid_minor is not a column of orders` }
          : null,
  );
  [a, b] = ['ana', 'bo'].map((name) => openLaptop(name, folder.dir, clock)) as [Laptop, Laptop];
  for (const [i, l] of [a, b].entries()) {
    await l.call('team:identity-set', { userName: l.name });
    await l.call(i === 0 ? 'team:create' : 'team:join', { serverUrl: proxy.url, database: 'team', user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
  }
  await installCheck(1);
  await settle([a, b]);
}, 60_000);
afterAll(async () => {
  for (const l of [a, b]) l?.close();
  await proxy?.stop();
  await server?.stop();
  folder?.remove();
});

describe('a team server with the document check of the release before', () => {
  it('keeps the records it would refuse waiting, without an error, and sends them once the check is updated', async () => {
    const keep = (await a.call('customers:create', { name: 'Sara', contacts: [], tags: [] })).customer.id;
    const dup = (await a.call('customers:create', { name: 'Sara L.', contacts: [], tags: [] })).customer.id;
    await settle([a, b]);
    const merged = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    const record = a.db.$client.prepare(`SELECT id FROM customer_merge_moves WHERE merge_id = ?`).pluck().get(merged.mergeId) as string;

    await settle([a, b]);
    // The merge itself reached bo; its record waits on ana's laptop, counted as waiting, and nothing was refused.
    expect(b.db.$client.prepare(`SELECT deleted_at IS NOT NULL FROM customers WHERE id = ?`).pluck().get(dup)).toBe(1);
    expect(await a.call('team:status', {})).toMatchObject({ lastErrorKey: null, refusedCount: 0, pendingChanges: 1 });
    expect(a.db.$client.prepare(`SELECT doc_id FROM sync_outbox`).pluck().all()).toEqual([`customer_merge_moves:${record}`]);
    expect(proxy.refusals).toBe(0);
    expect(await onServer(`customer_merge_moves:${record}`)).toBe(false);

    // A database admin installs this release's check: the next round sends the record, and bo has it.
    await installCheck(2);
    await settle([a, b]);
    expect(await onServer(`customer_merge_moves:${record}`)).toBe(true);
    expect(await a.call('team:status', {})).toMatchObject({ lastErrorKey: null, refusedCount: 0, pendingChanges: 0 });
    expect(b.db.$client.prepare(`SELECT into_customer_id FROM customer_merge_moves WHERE id = ?`).pluck().get(record)).toBe(keep);
  }, 60_000);
  it('keeps orders and payments waiting on a server whose check does not know payments as rows, and sends them once it does', async () => {
    const customerId = (await a.call('customers:create', { name: 'Omar', contacts: [], tags: [] })).customer.id;
    const sale = await a.call('orders:create', { customerId, orderDate: '2026-11-20', amount: '100', currency: 'USD', fxRate: 7, payment: { status: 'unpaid' } });
    await a.call('orders:record-payment', { id: sale.id, amount: '40' });
    await settle([a, b]);
    // The customer went; the order and its payment wait on ana's laptop, counted as waiting, and nothing was refused.
    expect(b.db.$client.prepare(`SELECT count(*) FROM customers WHERE id = ?`).pluck().get(customerId)).toBe(1);
    expect(b.db.$client.prepare(`SELECT count(*) FROM orders WHERE id = ?`).pluck().get(sale.id)).toBe(0);
    expect(await a.call('team:status', {})).toMatchObject({ lastErrorKey: null, refusedCount: 0, pendingChanges: 2 });
    expect(proxy.refusals).toBe(0);

    await installCheck(3);
    await settle([a, b]);
    expect(await a.call('team:status', {})).toMatchObject({ lastErrorKey: null, refusedCount: 0, pendingChanges: 0 });
    // 100.00 less 40.00 at the order's rate of 7, by arithmetic.
    expect(b.db.$client.prepare(`SELECT unpaid_minor AS unpaid, base_unpaid_minor AS base FROM orders WHERE id = ?`).get(sale.id)).toEqual({ unpaid: 6000, base: 6000 * 7 });
  }, 60_000);
});
