import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { laptopsDir, openLaptop, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeamServer, TEAM_ADMIN, type TeamServerProcess } from '../support/team-server';

/**
 * Joining a team that already exists, and joining it again after leaving: the laptop that comes (back) must not
 * overwrite what the team has with its own copy because its copy looks newer.
 */
let server: TeamServerProcess;
let folder: ReturnType<typeof laptopsDir>;
const clock = steppingClock();
const opened: Laptop[] = [];
const team = (database: string) => ({ serverUrl: server.url, database, user: TEAM_ADMIN.user, password: TEAM_ADMIN.password });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function laptop(name: string): Promise<Laptop> {
  // Each file's settings row is stamped when the file is made: later laptops really are made later.
  await wait(20);
  const l = openLaptop(name, folder.dir, clock);
  opened.push(l);
  await l.call('team:identity-set', { userName: name });
  return l;
}

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(`${folder.dir}/server`);
}, 60_000);

afterAll(async () => {
  for (const l of opened) l.close();
  await server?.stop();
  folder?.remove();
});

describe('joining an existing team', () => {
  it("takes the team's shared settings instead of overwriting them with the new laptop's defaults", async () => {
    const a = await laptop('ana');
    await a.call('settings:update', { businessName: '佳美服装批发', homeRegion: '广东' });
    await a.call('team:create', team('shared'));
    await a.call('team:sync-now', {});
    const b = await laptop('bo');
    await b.call('settings:update', { language: 'zh-CN' });
    await b.call('team:join', team('shared'));
    await settle([a, b]);
    for (const l of [a, b]) expect(await l.call('settings:get', {})).toMatchObject({ businessName: '佳美服装批发', homeRegion: '广东' });
    // This laptop's own language stays its own.
    expect((await b.call('settings:get', {})).language).toBe('zh-CN');
  }, 60_000);

  it("refuses a laptop whose orders are in another base currency, and gives one without orders the team's", async () => {
    const a = await laptop('cai');
    const { customer } = await a.call('customers:create', { name: '王芳', contacts: [], tags: [] });
    await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', amount: '100' });
    await a.call('team:create', team('money'));
    await a.call('team:sync-now', {});

    const usd = await laptop('dan');
    await usd.call('settings:update', { baseCurrency: 'USD' });
    const { customer: own } = await usd.call('customers:create', { name: 'Joe', contacts: [], tags: [] });
    await usd.call('orders:create', { customerId: own.id, orderDate: '2026-11-21', currency: 'USD', amount: '100' });
    const refused = await usd.call('team:join', team('money')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).issues).toEqual([{ path: ['database'], key: 'team_base_currency_differs', params: { team: 'CNY', laptop: 'USD' } }]);
    expect((await usd.call('team:status', {})).joined).toBe(false);

    const fresh = await laptop('eve');
    await fresh.call('settings:update', { baseCurrency: 'USD' });
    await fresh.call('team:join', team('money'));
    await settle([a, fresh]);
    expect((await fresh.call('settings:get', {})).baseCurrency).toBe('CNY');
    const sum = fresh.db.$client.prepare(`SELECT base_currency AS base, sum(base_amount_minor) AS total FROM orders GROUP BY 1`).all();
    expect(sum).toEqual([{ base: 'CNY', total: 10000 }]);
  }, 60_000);
});

describe('a join that reaches no server', () => {
  it('says to check the address (not to work offline), and leaves the laptop as it was', async () => {
    const alone = await laptop('fay');
    // Port 9 (discard) has nothing listening here: the connection is refused at once.
    const refused = await alone.call('team:join', { ...team('money'), serverUrl: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect((refused as AppError).issues).toEqual([{ path: ['serverUrl'], key: 'team_unreachable_join' }]);
    expect((refused as AppError).message).toContain('check the address');
    expect(await alone.call('team:status', {})).toMatchObject({ joined: false });
  });
});

describe('leaving and joining again', () => {
  it('sends only what changed meanwhile: an edit another laptop made before the rejoin is not overwritten by the stale copy', async () => {
    const a = await laptop('fay');
    const b = await laptop('gus');
    const { customer: x } = await a.call('customers:create', { name: 'Jules', city: 'Marseille', contacts: [], tags: [] });
    const { customer: y } = await a.call('customers:create', { name: 'Felix', city: 'Berlin', contacts: [], tags: [] });
    await a.call('team:create', team('rejoin'));
    await b.call('team:join', team('rejoin'));
    await settle([a, b]);

    // ana edits x and does not sync yet; bo edits y after that, syncs, leaves and joins again.
    await a.call('customers:update', { id: x.id, customer: { name: 'Jules', city: 'Lyon', contacts: [], tags: [] } });
    await b.call('customers:update', { id: y.id, customer: { name: 'Felix', city: 'Berlin', notes: 'bo', contacts: [], tags: [] } });
    await b.call('team:sync-now', {});
    await b.call('team:leave', {});
    await b.call('team:join', team('rejoin'));
    await settle([b, a]);

    for (const l of [a, b]) expect(await l.call('customers:get', { id: x.id })).toMatchObject({ city: 'Lyon' });
    for (const l of [a, b]) expect(await l.call('customers:get', { id: y.id })).toMatchObject({ notes: 'bo' });
    expect((await a.call('team:conflicts', {})).conflicts).toEqual([]);
  }, 60_000);

  it("sends on rejoin the order lines deleted while outside the team, so every laptop ends with the same lines", async () => {
    const a = await laptop('hal');
    const b = await laptop('ivy');
    const { customer } = await a.call('customers:create', { name: '周杰', contacts: [{ kind: 'phone', value: '13800000001' }], tags: [] });
    const line = (name: string, quantity: number, unitPrice: string) => ({ name, quantity, unitPrice });
    const sale = (lines: ReturnType<typeof line>[], amount?: string) => ({ customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', lines, ...(amount ? { amount } : {}) });
    const replaced = await a.call('orders:create', sale([line('绿茶', 2, '10'), line('茶杯', 1, '5'), line('茶盘', 1, '30')]));
    const emptied = await a.call('orders:create', sale([line('红茶', 1, '8'), line('茶叶罐', 2, '6')]));
    await a.call('team:create', team('lines-rejoin'));
    await b.call('team:join', team('lines-rejoin'));
    await settle([a, b]);

    // Outside the team, ivy replaces one order's lines with fewer, removes every line of another and removes the
    // customer's phone (a soft delete, sent as an edit of the row); then she joins again.
    await b.call('team:leave', {});
    await b.call('orders:update', { id: replaced.id, order: sale([line('白茶', 1, '12')]) });
    await b.call('orders:update', { id: emptied.id, order: sale([], '20') });
    await b.call('customers:update', { id: customer.id, customer: { name: '周杰', contacts: [], tags: [] } });
    await b.call('team:join', team('lines-rejoin'));
    await settle([b, a]);

    // What a user reads on each laptop, and the same read apart from the orders' own amounts.
    const linesOf = (l: Laptop, orderId: string) => l.db.$client.prepare(`SELECT name, quantity, amount_minor AS amount FROM order_lines WHERE order_id = ? ORDER BY position`).all(orderId);
    const addsUp = (l: Laptop, orderId: string) =>
      l.db.$client.prepare(`SELECT coalesce((SELECT sum(amount_minor) FROM order_lines WHERE order_id = o.id), o.amount_minor) = o.amount_minor FROM orders o WHERE o.id = ?`).pluck().get(orderId);
    for (const l of [a, b]) {
      expect(linesOf(l, replaced.id), l.name).toEqual([{ name: '白茶', quantity: 1, amount: 1200 }]);
      expect(linesOf(l, emptied.id), l.name).toEqual([]);
      expect(addsUp(l, replaced.id), l.name).toBe(1);
      expect(addsUp(l, emptied.id), l.name).toBe(1);
      const shown = await l.call('orders:list', { customerId: customer.id });
      expect(shown.orders.map((o) => [o.id, o.lines.map((x) => x.name)]).sort(), l.name).toEqual([[emptied.id, []], [replaced.id, ['白茶']]].sort());
      expect((await l.call('customers:get', { id: customer.id })).contacts, l.name).toEqual([]);
      expect(l.db.$client.prepare(`SELECT count(*) FROM sync_parked`).pluck().get(), l.name).toBe(0);
      expect((await l.call('team:status', {})).pendingChanges, l.name).toBe(0);
    }
  }, 60_000);

  it('drops, once it has pulled, the deletions of lines the team it joins never had, instead of counting them as waiting', async () => {
    const a = await laptop('jo');
    const { customer } = await a.call('customers:create', { name: '吴磊', contacts: [], tags: [] });
    const order = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', lines: [{ name: '绿茶', quantity: 2, unitPrice: '10' }] });
    await a.call('team:create', team('lines-first'));
    await a.call('team:sync-now', {});
    await a.call('team:leave', {});
    await a.call('orders:update', { id: order.id, order: { customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', lines: [{ name: '红茶', quantity: 1, unitPrice: '8' }] } });
    await a.call('team:create', team('lines-second'));
    await settle([a]);
    expect((await a.call('team:status', {})).pendingChanges).toBe(0);
    expect(a.db.$client.prepare(`SELECT name FROM order_lines WHERE order_id = ?`).pluck().all(order.id)).toEqual(['红茶']);
  }, 60_000);
});
