import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { settle, type Laptop } from '../support/laptops';
import { migrationsBefore } from '../support/migrations-before';
import { teamOfThree } from '../support/team-of-three';
import { MIGRATIONS, tempDir } from '../support/test-app';

/**
 * A laptop of the team still on the release before the records of settlements (customer_merge_moves, restored_sales)
 * receives them into its replica, leaves them aside as a table it does not know, and moves its checkpoint past them.
 * Updated, it reads them again once from its replica (migration 0037 leaves the task on a laptop in a team) and then
 * knows, as the others do, where a customer merged away went and which sales were brought back.
 * Here chen plays that laptop: what the release before leaves is what chen holds without those records.
 */
const team = teamOfThree();
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(() => void ({ a, b, c } = team));

const NEW_TABLES = ['customer_merge_moves', 'restored_sales'];
const records = (l: Laptop) => ({
  moves: l.db.$client.prepare(`SELECT id, merge_id, row_table, row_id, into_customer_id, deleted_at FROM customer_merge_moves ORDER BY id`).all(),
  restores: l.db.$client.prepare(`SELECT id, order_id, customer_id, sale_deleted_at, deleted_by, returned_by FROM restored_sales ORDER BY id`).all(),
});

describe('a laptop updated from the release before the records of settlements', () => {
  it('applies the records it left aside with its next round', async () => {
    const keep = (await a.call('customers:create', { name: 'Hugo', contacts: [], tags: [] })).customer.id;
    const dup = (await a.call('customers:create', { name: 'Hugo D.', contacts: [], tags: [] })).customer.id;
    const sale = await a.call('orders:create', { customerId: keep, orderDate: '2026-11-20', amount: '90', currency: 'CNY' });
    await settle([a, b, c]);
    // ana merges and deletes the sale while bo records a return of it: bo brings the sale back and records that.
    const { mergeId } = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    await a.call('orders:delete', { id: sale.id });
    await b.call('orders:return', { orderId: sale.id, amount: '10', orderDate: '2026-11-22' });
    await settle([a, b, c]);
    expect(records(a).restores).toHaveLength(1);

    // chen as the release before leaves it: the documents in the replica and the checkpoint past them, nothing else.
    const client = c.db.$client;
    for (const table of NEW_TABLES) {
      client.prepare(`DELETE FROM ${table}`).run();
      client.prepare(`DELETE FROM sync_docs WHERE doc_id LIKE ?`).run(`${table}:%`);
    }
    client.prepare(`DELETE FROM sync_conflicts WHERE field = ?`).run(`orders:${sale.id}.deleted_at`);
    expect(await c.dispatch('customers:merge', { keepId: keep, mergeIds: [dup] })).toMatchObject({ ok: false, error: { issues: [{ key: 'merge_customer_deleted' }] } });

    // The update: migration 0037 leaves the task (below, the migration itself); the next round reads them again.
    client.prepare(`INSERT INTO maintenance_tasks (name) VALUES ('team_records_read_again')`).run();
    await c.call('team:sync-now', {});
    expect(records(c)).toEqual(records(a));
    expect(await c.dispatch('customers:merge', { keepId: keep, mergeIds: [dup] })).toMatchObject({
      ok: false,
      error: { issues: [{ key: 'merge_customer_merged_away_elsewhere', params: { name: 'Hugo', mergeId } }] },
    });
    expect((await c.call('team:conflicts', { customerId: keep })).conflicts).toMatchObject([{ field: `orders:${sale.id}.deleted_at`, keptBy: 'bo', overwrittenBy: 'ana' }]);
    // Once: the task is done, and nothing new is left to send.
    expect(client.prepare(`SELECT name FROM maintenance_tasks`).pluck().all()).not.toContain('team_records_read_again');
    expect(client.prepare(`SELECT doc_id FROM sync_outbox WHERE table_name <> 'service_policies'`).all()).toEqual([]);
  }, 60_000);

  it('is left for the next round by migration 0037 on a laptop in a team only', () => {
    for (const inTeam of [true, false]) {
      const dbPath = join(tempDir(), 'tierbook.sqlite');
      const before = openDatabase(dbPath, migrationsBefore('0037_'));
      before.$client
        .prepare(`INSERT INTO sync_state (id, node_id, enqueue, user_name, server_url, database) VALUES (1, 'n1', ?, 'chen', ?, 'team')`)
        .run(inTeam ? 1 : 0, inTeam ? 'http://127.0.0.1:5984' : null);
      before.$client.close();
      const db = openDatabase(dbPath, MIGRATIONS);
      try {
        expect(db.$client.prepare(`SELECT name FROM maintenance_tasks WHERE name LIKE 'team_%'`).pluck().all(), `in a team: ${inTeam}`).toEqual(inTeam ? ['team_records_read_again'] : []);
      } finally {
        db.$client.close();
      }
    }
  });
});
