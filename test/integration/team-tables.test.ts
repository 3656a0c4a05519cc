import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_CHANGE_TRIGGERS, ORDER_LINES_DELETE_TRIGGERS, ORDER_PAYMENTS_TRIGGERS, SYNCED_TABLES } from '../../core/sync/tables';
import { addedDeleteTriggerSql, addedSyncTriggerSql, fieldChangeTriggerSql, orderPaymentsMigrationSql, syncTriggerSql } from '../../core/sync/trigger-sql';
import { applyDocs } from '../../core/sync/apply';
import { withoutRetired } from '../../core/sync/order-terms';
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
      const fieldTrigger = app.db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'sync_fields_%'`).pluck().all(spec.table);
      expect(fieldTrigger, spec.table).toEqual([`sync_fields_${spec.table}_update`]);
    }
    expect(readFileSync(join(MIGRATIONS, '0015_team_sync_triggers.sql'), 'utf8')).toBe(syncTriggerSql());
    // A table made synced later has its triggers in the migration it names, as generated.
    for (const migration of new Set(SYNCED_TABLES.flatMap((spec) => spec.triggersIn ?? []))) {
      expect(readFileSync(join(MIGRATIONS, `${migration}.sql`), 'utf8').startsWith(addedSyncTriggerSql(migration)), migration).toBe(true);
    }
    // Rows deleted outright send their deletion through the trigger generated for them.
    expect(readFileSync(join(MIGRATIONS, `${ORDER_LINES_DELETE_TRIGGERS}.sql`), 'utf8')).toBe(addedDeleteTriggerSql());
    // Payments as rows: their triggers, the orders' update triggers over the columns that travel now, and what is owed derived.
    expect(readFileSync(join(MIGRATIONS, `${ORDER_PAYMENTS_TRIGGERS}.sql`), 'utf8')).toBe(orderPaymentsMigrationSql());
    // Each field's own change is recorded by the trigger generated for every synced table.
    expect(readFileSync(join(MIGRATIONS, `${FIELD_CHANGE_TRIGGERS}.sql`), 'utf8')).toBe(fieldChangeTriggerSql());
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

  it('records when each column of a row changed and the clock reached then, only the columns that changed, only inside a team', () => {
    const client = app.db.$client;
    const fields = () => client.prepare(`SELECT field, changed_at AS changedAt, seen FROM sync_field_changes WHERE doc_id = 'customers:stamps' ORDER BY field`).all();
    client.prepare(`UPDATE sync_state SET enqueue = 0, hlc = '000000000000005.000000.n1' WHERE id = 1`).run();
    client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('stamps', '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', '逐字段', 'individual')`).run();
    client.prepare(`UPDATE customers SET city = '外' WHERE id = 'stamps'`).run();
    expect(fields()).toEqual([]);
    client.prepare(`UPDATE sync_state SET enqueue = 1 WHERE id = 1`).run();
    client.prepare(`UPDATE customers SET city = '杭州', updated_at = '2099-01-02T10:00:00.000Z' WHERE id = 'stamps'`).run();
    client.prepare(`UPDATE sync_state SET hlc = '000000000000009.000000.n1' WHERE id = 1`).run();
    // The city written again with the value it has: not a change of it. The notes change at 14:00.
    client.prepare(`UPDATE customers SET city = '杭州', notes = '晚上联系', updated_at = '2099-01-02T14:00:00.000Z' WHERE id = 'stamps'`).run();
    // Derived columns do not travel and record nothing.
    client.prepare(`UPDATE customers SET order_count = 7 WHERE id = 'stamps'`).run();
    expect(fields()).toEqual([
      { field: 'city', changedAt: '2099-01-02T10:00:00.000Z', seen: '000000000000005.000000.n1' },
      { field: 'notes', changedAt: '2099-01-02T14:00:00.000Z', seen: '000000000000009.000000.n1' },
      { field: 'updated_at', changedAt: '2099-01-02T14:00:00.000Z', seen: '000000000000009.000000.n1' },
    ]);
    client.prepare(`UPDATE sync_state SET enqueue = 0 WHERE id = 1`).run();
  });
});

describe('an order as a laptop on the release before payments were rows writes it', () => {
  // That release sends what is owed (unpaid_minor) itself: recording a payment there rewrites it.
  const stamp = (ms: number) => `${String(ms).padStart(15, '0')}.000000.0ld1aptp`;
  const field = (v: string | number | null, ms: number) => ({ v, t: stamp(ms), b: '', by: 'old' });
  const orderDoc = (id: string, customerId: string, extra: Record<string, ReturnType<typeof field>>) => ({
    _id: `orders:${id}`,
    table: 'orders',
    fields: {
      ...Object.fromEntries(
        Object.entries({ id, created_at: 'n', updated_at: 'n', deleted_at: null, customer_id: customerId, order_date: '2026-11-20', amount_minor: 10000, currency: 'CNY', fx_rate: 1, base_currency: 'CNY', base_amount_minor: 10000, kind: 'sale' }).map(([k, v]) => [k, field(v, 1)]),
      ),
      ...extra,
    },
  });

  it('takes what it says is owed as the order terms when it wrote that last, and the payments recorded here still count', async () => {
    const { customer } = await app.call('customers:create', { name: '老版本' });
    // A new order from the older laptop: no terms of its own; what it says is owed is its terms.
    const fresh = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01';
    applyDocs(app.db, [orderDoc(fresh, customer.id, { unpaid_minor: field(10000, 2), base_unpaid_minor: field(10000, 2) })], [], () => new Date());
    expect(app.db.$client.prepare(`SELECT terms_unpaid_minor AS terms, unpaid_minor AS unpaid FROM orders WHERE id = ?`).get(fresh)).toEqual({ terms: 10000, unpaid: 10000 });
    // A payment recorded here; then the older laptop records one of 20.00 its way (100.00 → 80.00), written after the terms.
    await app.call('orders:record-payment', { id: fresh, amount: '30' });
    applyDocs(app.db, [orderDoc(fresh, customer.id, { unpaid_minor: field(8000, 5), base_unpaid_minor: field(8000, 5), terms_unpaid_minor: field(10000, 3), terms_base_unpaid_minor: field(10000, 3) })], [], () => new Date());
    // Its 80.00 restates the order (it could not see the 30.00 recorded here, which still counts): 80.00 − 30.00.
    expect(app.db.$client.prepare(`SELECT terms_unpaid_minor AS terms, unpaid_minor AS unpaid FROM orders WHERE id = ?`).get(fresh)).toEqual({ terms: 8000, unpaid: 8000 - 3000 });
    // Terms written after what it said: the terms stand.
    applyDocs(app.db, [orderDoc(fresh, customer.id, { unpaid_minor: field(8000, 5), base_unpaid_minor: field(8000, 5), terms_unpaid_minor: field(9000, 6), terms_base_unpaid_minor: field(9000, 6) })], [], () => new Date());
    expect(app.db.$client.prepare(`SELECT terms_unpaid_minor AS terms, unpaid_minor AS unpaid FROM orders WHERE id = ?`).get(fresh)).toEqual({ terms: 9000, unpaid: 9000 - 3000 });
  });

  it('leaves the derived columns out of the documents this release writes', () => {
    const doc = { _id: 'orders:x', table: 'orders', fields: { unpaid_minor: { v: 1, t: stamp(1), b: '', by: null }, note: { v: 'n', t: stamp(1), b: '', by: null } } };
    expect(Object.keys(withoutRetired(doc).fields)).toEqual(['note']);
  });
});
