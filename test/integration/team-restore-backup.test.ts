import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, joinAll, laptopsDir, openLaptop, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeamServer, type TeamServerProcess } from '../support/team-server';

/**
 * A laptop of a team that restores an older backup gets the file as it was, sync bookkeeping included (its
 * checkpoint, the documents it reflects); the local replica beside the file (core/sync/replica.ts) is not rewound.
 * So its next round takes back, from the replica, every document written after the backup: the order lines and
 * orders made since, and the deletions. No laptop keeps what the others lost: the team's book stays one book.
 */
let server: TeamServerProcess;
let folder: ReturnType<typeof laptopsDir>;
let a: Laptop, b: Laptop;
const clock = steppingClock();

beforeAll(async () => {
  folder = laptopsDir();
  server = await startTeamServer(`${folder.dir}/server`);
  [a, b] = ['ana', 'bo'].map((name) => openLaptop(name, folder.dir, clock)) as [Laptop, Laptop];
  await joinAll([a, b], server.url);
  await settle([a, b]);
}, 60_000);

afterAll(async () => {
  for (const l of [a, b]) l?.close();
  await server?.stop();
  folder?.remove();
});

const linesOf = (l: Laptop, orderId: string) => l.db.$client.prepare(`SELECT name FROM order_lines WHERE order_id = ? ORDER BY position, id`).pluck().all(orderId);
const amountOf = (l: Laptop, orderId: string) => l.db.$client.prepare(`SELECT amount_minor FROM orders WHERE id = ?`).pluck().get(orderId);

describe('restoring an older backup while in a team', () => {
  it('the order lines made (and removed) after the backup are the same on every laptop after the next round', async () => {
    const { customer } = await a.call('customers:create', { name: '孙丽', contacts: [], tags: [] });
    const order = (lines: { name: string; quantity: number; unitPrice: string }[]) => ({ customerId: customer.id, orderDate: '2026-11-20', currency: 'CNY', lines });
    const tea = { name: '绿茶', quantity: 2, unitPrice: '10' };
    const tray = { name: '茶盘', quantity: 1, unitPrice: '30' };
    const first = await a.call('orders:create', order([tea, tray]));
    await settle([a, b]);
    const backup = join(folder.dir, 'ana-before.sqlite');
    await a.call('backup:create', { path: backup });

    // After the backup: a line added and one removed on this laptop, one added on the other, and a new order.
    await a.call('orders:update', { id: first.id, order: order([tea, { name: '茶杯', quantity: 1, unitPrice: '5' }]) });
    await settle([a, b]);
    await b.call('orders:update', { id: first.id, order: order([tea, { name: '茶杯', quantity: 1, unitPrice: '5' }, { name: '红茶', quantity: 3, unitPrice: '7' }]) });
    const second = await a.call('orders:create', { ...order([{ name: '白茶', quantity: 1, unitPrice: '12' }]), orderDate: '2026-11-21' });
    await settle([a, b]);
    const team = bookDigest(b);
    expect(linesOf(b, first.id)).toEqual(['绿茶', '茶杯', '红茶']);

    await a.call('backup:restore', { path: backup });
    // The file as it was: the lines of the backup, and no second order.
    expect(linesOf(a, first.id)).toEqual(['绿茶', '茶盘']);
    expect(linesOf(a, second.id)).toEqual([]);

    await settle([a, b]);
    for (const l of [a, b]) integrityOk(l);
    expect(bookDigest(a)).toEqual(bookDigest(b));
    expect(bookDigest(b)).toEqual(team);
    expect(linesOf(a, first.id)).toEqual(['绿茶', '茶杯', '红茶']);
    expect(linesOf(a, second.id)).toEqual(['白茶']);
    // Worked out by hand: 2 × 10 + 5 + 3 × 7 yuan.
    for (const l of [a, b]) expect(amountOf(l, first.id), l.name).toBe(4600);
  }, 120_000);
});
