import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, openLaptop, settle, type Laptop } from '../support/laptops';
import { teamOf } from '../support/team-of-three';

/**
 * A laptop of a team that restores an older backup gets the file as it was, sync bookkeeping included (its
 * checkpoint, the documents it reflects); the local replica beside the file (core/sync/replica.ts) is not rewound.
 * So its next round takes back, from the replica, every document written after the backup: the order lines and
 * orders made since, and the deletions. No laptop keeps what the others lost: the team's book stays one book.
 * That is not what a user restoring to get rid of a mistake expects, so the restore is refused until they confirm
 * (backup_restore_in_team). A backup from before the laptop joined takes it out of the team, and says so.
 */
const twoLaptops = teamOf(['ana', 'bo']);
const clock = twoLaptops.clock;
let a: Laptop, b: Laptop;
beforeAll(() => {
  [a, b] = twoLaptops.laptops as [Laptop, Laptop];
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
    const backup = join(twoLaptops.dir, 'ana-before.sqlite');
    await a.call('backup:create', { path: backup });

    // After the backup: a line added and one removed on this laptop, one added on the other, and a new order.
    await a.call('orders:update', { id: first.id, order: order([tea, { name: '茶杯', quantity: 1, unitPrice: '5' }]) });
    await settle([a, b]);
    await b.call('orders:update', { id: first.id, order: order([tea, { name: '茶杯', quantity: 1, unitPrice: '5' }, { name: '红茶', quantity: 3, unitPrice: '7' }]) });
    const second = await a.call('orders:create', { ...order([{ name: '白茶', quantity: 1, unitPrice: '12' }]), orderDate: '2026-11-21' });
    await settle([a, b]);
    const team = bookDigest(b);
    expect(linesOf(b, first.id)).toEqual(['绿茶', '茶杯', '红茶']);

    await a.call('backup:restore', { path: backup, teamConfirmed: true });
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

const customerNames = (l: Laptop) => l.db.$client.prepare(`SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY name`).pluck().all();
const backupKinds = async (l: Laptop) => (await l.call('backup:list', {})).backups.map((b) => b.kind);

describe('asking before a restore on a laptop in a team', () => {
  it('refuses without the confirmation, saying why, and changes nothing: no data replaced, no safety backup made', async () => {
    await a.call('customers:create', { name: '备份前', contacts: [], tags: [] });
    const backup = join(twoLaptops.dir, 'ana-asked.sqlite');
    await a.call('backup:create', { path: backup });
    await a.call('customers:create', { name: '备份后', contacts: [], tags: [] });
    await settle([a, b]);
    await a.call('customers:create', { name: '未同步', contacts: [], tags: [] });
    const before = customerNames(a);
    const kindsBefore = await backupKinds(a);

    for (const input of [{ path: backup }, { path: backup, teamConfirmed: false }]) {
      await expect(a.call('backup:restore', input)).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['teamConfirmed'], key: 'backup_restore_in_team' }],
        message: expect.stringContaining('a restore lasts only until the next sync'),
      });
    }
    expect(customerNames(a)).toEqual(before);
    expect(customerNames(a)).toContain('备份后');
    expect(await backupKinds(a)).toEqual(kindsBefore);
    expect(await a.call('team:status', {})).toMatchObject({ joined: true });

    // Confirmed: restored, and the laptop stays in its team (the backup was made in it).
    const restored = await a.call('backup:restore', { path: backup, teamConfirmed: true });
    expect(restored.leftTeam).toBe(false);
    expect(customerNames(a)).not.toContain('备份后');
    expect(await a.call('team:status', {})).toMatchObject({ joined: true, database: 'team' });
    // As the question says: what reached the team comes back with the next round; what had not is replaced (it is in
    // the safety backup).
    await settle([a, b]);
    expect(customerNames(a)).toContain('备份后');
    expect(customerNames(a)).not.toContain('未同步');
    expect(customerNames(a)).toEqual(customerNames(b));
  }, 120_000);
});

describe('restoring a backup made before the laptop joined', () => {
  it('takes the laptop out of the team, says so, and leaves no old copy of the team to send to a later join', async () => {
    const cy = openLaptop('cy', twoLaptops.dir, clock);
    try {
      await cy.call('customers:create', { name: '独自的客户', contacts: [], tags: [] });
      const backup = join(twoLaptops.dir, 'cy-before-join.sqlite');
      await cy.call('backup:create', { path: backup });
      await cy.call('team:identity-set', { userName: 'cy' });
      await cy.call('team:join', { serverUrl: twoLaptops.server.url, database: 'team', user: 'admin', password: 'secret' });
      await settle([a, b, cy]);
      const teamNames = customerNames(b);
      expect(customerNames(cy)).toEqual(teamNames);
      expect(existsSync(`${cy.dbPath}.team`)).toBe(true);

      const restored = await cy.call('backup:restore', { path: backup, teamConfirmed: true });
      expect(restored.leftTeam).toBe(true);
      expect(await cy.call('team:status', {})).toMatchObject({ joined: false, serverUrl: null, database: null, pendingChanges: 0, lastSyncAt: null });
      // Plain checks of the file: no server, no outbox, nothing parked; and no copy of the team beside it.
      const client = cy.db.$client;
      expect(client.prepare(`SELECT server_url, enqueue FROM sync_state`).get()).toEqual({ server_url: null, enqueue: 0 });
      expect(client.prepare(`SELECT (SELECT count(*) FROM sync_outbox) + (SELECT count(*) FROM sync_parked)`).pluck().get()).toBe(0);
      expect(existsSync(`${cy.dbPath}.team`)).toBe(false);
      await expect(cy.call('team:sync-now', {})).rejects.toMatchObject({ issues: [{ key: 'team_not_joined' }] });
      expect(customerNames(cy)).toEqual(['独自的客户']);

      // A later join of another team sends this laptop's book, and nothing of the team it was in before.
      // The backup was made before this laptop's person was named: the join names it again.
      await cy.call('team:create', { serverUrl: twoLaptops.server.url, database: 'elsewhere', user: 'admin', password: 'secret', userName: 'cy' });
      await settle([cy]);
      expect(customerNames(cy)).toEqual(['独自的客户']);
      const dee = openLaptop('dee', twoLaptops.dir, clock);
      try {
        await dee.call('team:identity-set', { userName: 'dee' });
        await dee.call('team:join', { serverUrl: twoLaptops.server.url, database: 'elsewhere', user: 'admin', password: 'secret' });
        await settle([cy, dee]);
        expect(customerNames(dee)).toEqual(['独自的客户']);
      } finally {
        dee.close();
      }
      // The first team lost nothing.
      expect(customerNames(b)).toEqual(teamNames);
    } finally {
      cy.close();
    }
  }, 120_000);
});
