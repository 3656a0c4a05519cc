import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_LINES_DELETE_TRIGGERS, SYNCED_TABLES } from '../../core/sync/tables';
import { addedDeleteTriggerSql, addedSyncTriggerSql, syncTriggerSql } from '../../core/sync/trigger-sql';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.cleanup());

describe('the synced tables and their triggers', () => {
  it('names only columns the schema has, and the trigger migration is what the list generates', () => {
    for (const spec of SYNCED_TABLES) {
      const columns = (app.db.$client.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[]).map((c) => c.name);
      expect(spec.columns.filter((c) => !columns.includes(c)), spec.table).toEqual([]);
      const triggers = app.db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'sync_enqueue_%'`).pluck().all(spec.table);
      const expected = [...(spec.hardDeletes ? [`sync_enqueue_${spec.table}_delete`] : []), `sync_enqueue_${spec.table}_insert`, `sync_enqueue_${spec.table}_update`];
      expect(triggers.sort(), spec.table).toEqual(expected);
    }
    expect(readFileSync(join(MIGRATIONS, '0015_team_sync_triggers.sql'), 'utf8')).toBe(syncTriggerSql());
    // A table made synced later has its triggers in the migration it names, as generated.
    for (const migration of new Set(SYNCED_TABLES.flatMap((spec) => spec.triggersIn ?? []))) {
      expect(readFileSync(join(MIGRATIONS, `${migration}.sql`), 'utf8').startsWith(addedSyncTriggerSql(migration)), migration).toBe(true);
    }
    // Rows deleted outright send their deletion through the trigger generated for them.
    expect(readFileSync(join(MIGRATIONS, `${ORDER_LINES_DELETE_TRIGGERS}.sql`), 'utf8')).toBe(addedDeleteTriggerSql());
  });

  it('enqueues nothing outside a team, and every write path inside one, in the same transaction', () => {
    const client = app.db.$client;
    const now = new Date().toISOString();
    client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('solo', ?, ?, '单机', 'individual')`).run(now, now);
    expect(client.prepare(`SELECT count(*) FROM sync_outbox`).pluck().get()).toBe(0);
    client.prepare(`INSERT INTO sync_state (id, node_id, enqueue) VALUES (1, 'n1', 1) ON CONFLICT (id) DO UPDATE SET enqueue = 1`).run();
    // A write that rolls back leaves no entry; one that commits leaves exactly one per row.
    expect(() =>
      client.transaction(() => {
        client.prepare(`UPDATE customers SET city = '杭州' WHERE id = 'solo'`).run();
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(client.prepare(`SELECT count(*) FROM sync_outbox`).pluck().get()).toBe(0);
    client.prepare(`UPDATE customers SET city = '杭州', updated_at = '2099-01-01T00:00:00.000Z' WHERE id = 'solo'`).run();
    client.prepare(`UPDATE customers SET notes = 'x' WHERE id = 'solo'`).run();
    client.prepare(`UPDATE customers SET order_count = 3 WHERE id = 'solo'`).run();
    expect(client.prepare(`SELECT doc_id AS docId, changed_at AS changedAt FROM sync_outbox`).all()).toEqual([{ docId: 'customers:solo', changedAt: '2099-01-01T00:00:00.000Z' }]);
  });
});
