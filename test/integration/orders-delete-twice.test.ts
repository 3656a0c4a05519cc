import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

// Deleting an order already deleted (a second click, a script run twice) or restoring one that stands changes
// nothing: not its deletion time, not its place in the deleted list, not what the team is sent.
let app: TestApp;
let clock: ReturnType<typeof movableClock>;
let customerId: string;
beforeEach(async () => {
  clock = movableClock('2026-11-20');
  app = openTestApp('2026-11-20', { clock });
  customerId = (await app.call('customers:create', { name: 'Harbour Supplies' })).customer.id;
});
afterEach(() => app.cleanup());

const row = (id: string) => app.db.$client.prepare('SELECT deleted_at, updated_at FROM orders WHERE id = ?').get(id);
const outbox = () => app.db.$client.prepare("SELECT doc_id, changed_at FROM sync_outbox WHERE table_name = 'orders' ORDER BY doc_id").all();

describe('deleting or restoring an order twice', () => {
  it('keeps the first deletion: its time, the deleted list’s order, the team’s outbox', async () => {
    const first = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '100' });
    const second = await app.call('orders:create', { customerId, orderDate: '2026-11-02', currency: 'CNY', amount: '200' });
    await app.call('orders:delete', { id: first.id });
    clock.moveTo('2026-11-21');
    await app.call('orders:delete', { id: second.id });
    const before = { first: row(first.id), second: row(second.id), outbox: outbox() };
    expect((await app.call('orders:deleted', { customerId })).orders.map((o) => o.id)).toEqual([second.id, first.id]);

    clock.moveTo('2026-11-22');
    const again = await app.call('orders:delete', { id: first.id });
    expect(again.id).toBe(first.id);
    expect({ first: row(first.id), second: row(second.id), outbox: outbox() }).toEqual(before);
    // Deleted at the clock's moment on the 20th (local noon), not the 22nd's.
    expect(row(first.id)).toMatchObject({ deleted_at: new Date('2026-11-20T12:00:00').toISOString() });
    // The latest deletion still heads the list.
    expect((await app.call('orders:deleted', { customerId })).orders.map((o) => o.id)).toEqual([second.id, first.id]);
  });

  it('restoring an order that stands writes nothing', async () => {
    const sale = await app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '100' });
    const before = { sale: row(sale.id), outbox: outbox() };
    clock.moveTo('2026-11-22');
    expect(await app.call('orders:restore', { id: sale.id })).toMatchObject({ id: sale.id, amountMinor: 10000 });
    expect({ sale: row(sale.id), outbox: outbox() }).toEqual(before);
    expect(app.db.$client.prepare('SELECT order_count, revenue_base_minor FROM customers WHERE id = ?').get(customerId)).toEqual({ order_count: 1, revenue_base_minor: 10000 });
  });
});
