import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { formatHlc } from '../../core/sync/hlc';
import { outboxEntry } from '../../core/sync/rows';
import { stampRow } from '../../core/sync/stamp';
import { syncedTable } from '../../core/sync/tables';
import { settle, type Laptop } from '../support/laptops';
import { migrationsBefore } from '../support/migrations-before';
import { teamOf } from '../support/team-of-three';
import { MIGRATIONS, tempDir } from '../support/test-app';

/**
 * Each field of a row is stamped with when that field changed, not when the row last changed: a field edited on one
 * laptop and then, later and offline, on another keeps the later value, whatever else the first laptop edited in the
 * same row afterwards before it synced. The team's stepping clock makes every call a second after the one before, so
 * call order is time order (T1 < T2 < T3).
 */
const team = teamOf(['ana', 'bo']);
let a: Laptop, b: Laptop;
beforeAll(() => void ([a, b] = team.laptops as [Laptop, Laptop]));

const sql = (l: Laptop, query: string, ...params: unknown[]) => l.db.$client.prepare(query).get(...params);

describe('two laptops editing the same row offline', () => {
  it("keeps the later restate of an order's terms when the earlier laptop edited the order's note after it", async () => {
    const { customer } = await a.call('customers:create', { name: '陈记', contacts: [], tags: [] });
    const order = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    await settle([a, b]);
    const edit = (l: Laptop, over: Record<string, unknown>) =>
      l.call('orders:update', { id: order.id, order: { customerId: customer.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', ...over } });
    // T1: ana restates the terms (30.00 paid). T2: bo, offline, restates them (50.00 paid). T3: ana edits the note only.
    await edit(a, { payment: { status: 'part', paid: '30' } });
    await edit(b, { payment: { status: 'part', paid: '50' } });
    await edit(a, { note: '周五送货' });
    await settle([a, b]);
    for (const l of [a, b]) {
      // bo's restate (the later one) stands, and so does ana's later note: 100 − 50 owed, from the row itself.
      expect(sql(l, `SELECT terms_unpaid_minor AS terms, unpaid_minor AS unpaid, note FROM orders WHERE id = ?`, order.id), l.name).toEqual({
        terms: 10000 - 5000,
        unpaid: 10000 - 5000,
        note: '周五送货',
      });
      expect((await l.call('orders:list', { customerId: customer.id })).orders.find((o) => o.id === order.id)?.balanceMinor, l.name).toBe(10000 - 5000);
    }
  }, 60_000);

  it("keeps the later edit of a customer's city when the earlier laptop edited the customer's notes after it", async () => {
    const input = (over: Record<string, unknown> = {}) => ({ name: '刘洋', contacts: [], tags: [], ...over });
    const { customer } = await a.call('customers:create', input());
    await settle([a, b]);
    // T1: ana sets the city. T2: bo, offline, sets it otherwise. T3: ana edits the notes (its city as it was at T1).
    await a.call('customers:update', { id: customer.id, customer: input({ city: '杭州' }) });
    await b.call('customers:update', { id: customer.id, customer: input({ city: '苏州' }) });
    await a.call('customers:update', { id: customer.id, customer: input({ city: '杭州', notes: '只收现金' }) });
    const recorded = () => a.db.$client.prepare(`SELECT field FROM sync_field_changes WHERE doc_id = ? ORDER BY field`).pluck().all(`customers:${customer.id}`);
    expect(recorded()).toEqual(['city', 'notes', 'updated_at']);
    // ana sends first, receiving nothing of this customer yet: what its fields' changes were recorded as goes once sent.
    await a.call('team:sync-now', {});
    expect(recorded()).toEqual([]);
    await settle([a, b]);
    for (const l of [a, b]) expect(sql(l, `SELECT city, notes FROM customers WHERE id = ?`, customer.id), l.name).toEqual({ city: '苏州', notes: '只收现金' });
    // ana's city lost to bo's later one without ana having seen it: listed with the customer's conflicts.
    const { conflicts } = await a.call('team:conflicts', { customerId: customer.id });
    expect(conflicts.map((c) => [c.field, c.keptValue, c.overwrittenValue, c.keptBy, c.overwrittenBy])).toEqual([['city', '苏州', '杭州', 'bo', 'ana']]);
  }, 60_000);
});

describe('a laptop updated from the release before each field was stamped by its own change', () => {
  it("stamps the edits waiting from that release as it did, at the row's latest change, and edits after the update by their own", () => {
    const dbPath = join(tempDir(), 'tierbook.sqlite');
    const before = openDatabase(dbPath, migrationsBefore('0044_'));
    const at = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
    before.$client.prepare(`INSERT INTO sync_state (id, node_id, enqueue, user_name, server_url, database) VALUES (1, 'n1', 1, 'chen', 'http://127.0.0.1:5984', 'team')`).run();
    before.$client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('c1', ?, ?, '老张', 'individual')`).run(at(8), at(8));
    before.$client.prepare(`UPDATE customers SET city = '杭州', updated_at = ? WHERE id = 'c1'`).run(at(10));
    before.$client.prepare(`UPDATE customers SET notes = '老客户', updated_at = ? WHERE id = 'c1'`).run(at(14));
    before.$client.close();
    const db = openDatabase(dbPath, MIGRATIONS);
    try {
      const client = db.$client;
      const spec = syncedTable('customers')!;
      const row = () => client.prepare(`SELECT * FROM customers WHERE id = 'c1'`).get() as Record<string, unknown>;
      // Nothing recorded which field changed when before the update: the row's latest change, as that release stamped it.
      const waiting = stampRow(client, spec, outboxEntry(client, 'customers:c1')!, row(), Date.now());
      expect([waiting.fields.city!.t, waiting.fields.notes!.t]).toEqual([formatHlc(Date.parse(at(14)), 0, 'n1'), formatHlc(Date.parse(at(14)), 0, 'n1')]);
      client.prepare(`INSERT INTO sync_docs (doc_id, body) VALUES ('customers:c1', ?)`).run(JSON.stringify(waiting));
      // After it, each field by its own change: the city at 15:00, the notes at 16:00.
      client.prepare(`UPDATE customers SET city = '苏州', updated_at = ? WHERE id = 'c1'`).run(at(15));
      client.prepare(`UPDATE customers SET notes = '新客户', updated_at = ? WHERE id = 'c1'`).run(at(16));
      const after = stampRow(client, spec, outboxEntry(client, 'customers:c1')!, row(), Date.now());
      expect([after.fields.city!.t, after.fields.notes!.t]).toEqual([formatHlc(Date.parse(at(15)), 0, 'n1'), formatHlc(Date.parse(at(16)), 0, 'n1')]);
    } finally {
      db.$client.close();
    }
  });
});
