import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

// Orders, returns and follow-ups are written only on live customers; one in the trash (deleted, or merged
// into another) is refused with a reason, and nothing is written. Reads of it keep working.
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const customer = (name: string) => app.call('customers:create', { name }).then((r) => r.customer.id);
const row = <T>(query: string, ...params: unknown[]) => app.db.$client.prepare(query).get(...params) as T;
/** Everything a refused write could have touched, read by plain SQL. */
const everything = () =>
  app.db.$client
    .prepare(
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM products) AS products,
              (SELECT count(*) FROM follow_ups) AS followUps,
              (SELECT group_concat(id || ':' || customer_id || ':' || amount_minor, ',') FROM (SELECT * FROM orders ORDER BY id)) AS orderRows,
              (SELECT group_concat(id || ':' || done || ':' || coalesce(next_contact_date, '-') || ':' || updated_at, ',') FROM (SELECT * FROM follow_ups ORDER BY id)) AS followUpRows,
              (SELECT group_concat(id || ':' || order_count || ':' || revenue_base_minor || ':' || coalesce(next_contact_date, '-'), ',') FROM (SELECT * FROM customers ORDER BY id)) AS figures`,
    )
    .get();
const notLive = (id: string, path: (string | number)[] = ['customerId']) => ({
  ok: false,
  error: { code: 'not_found', message: `No live customer with id ${id}: it is deleted or merged into another customer`, issues: [{ path, key: 'customer_not_live' }] },
});
const order = (customerId: string, extra: Record<string, unknown> = {}) => ({ customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '100', ...extra });
const followUp = (customerId: string) => ({ customerId, occurredAt: '2026-11-20T03:00:00.000Z', content: 'called', nextContactDate: '2026-11-30' });

describe('records on a customer in the trash', () => {
  it('restores an order only onto a live customer, and edits no order in the trash', async () => {
    const who = await customer('甲');
    const sale = await app.call('orders:create', order(who));
    await app.call('orders:delete', { id: sale.id });
    expect(await app.dispatch('orders:update', { id: sale.id, order: order(who, { amount: '250' }) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['id'], key: 'order_in_trash' }] },
    });
    await app.call('customers:delete', { id: who });
    const before = everything();
    expect(await app.dispatch('orders:restore', { id: sale.id })).toMatchObject(notLive(who, ['id']));
    expect(everything()).toEqual(before);
    await app.call('customers:restore', { id: who });
    await app.call('orders:restore', { id: sale.id });
    expect(row<{ n: number; revenue: number }>('SELECT order_count AS n, revenue_base_minor AS revenue FROM customers WHERE id = ?', who)).toEqual({ n: 1, revenue: 10000 });
  });

  it('refuses an order, a return (standalone or against its sale) and a follow-up on a deleted customer, writing nothing; its file still reads', async () => {
    const gone = await customer('已删除');
    const sale = await app.call('orders:create', order(gone));
    const reminder = (await app.call('followups:create', followUp(gone))).followUp;
    await app.call('customers:delete', { id: gone });
    const before = everything();

    expect(await app.dispatch('orders:create', order(gone, { lines: [{ name: '茶', quantity: 1, unitPrice: '100' }], amount: undefined }))).toMatchObject(notLive(gone));
    expect(await app.dispatch('orders:return', { customerId: gone, currency: 'CNY', amount: '10', orderDate: '2026-11-05' })).toMatchObject(notLive(gone));
    expect(await app.dispatch('orders:return', { orderId: sale.id, amount: '10', orderDate: '2026-11-05' })).toMatchObject(notLive(gone, ['orderId']));
    expect(await app.dispatch('followups:create', followUp(gone))).toMatchObject(notLive(gone));
    // Its reminder is neither closed nor moved while it is in the trash.
    expect(await app.dispatch('followups:markDone', { id: reminder.id })).toMatchObject(notLive(gone, ['id']));
    expect(await app.dispatch('followups:reschedule', { id: reminder.id, nextContactDate: '2026-12-05' })).toMatchObject(notLive(gone, ['id']));
    expect(everything()).toEqual(before);

    // Reading the deleted customer's orders and follow-ups works as before.
    expect((await app.call('orders:list', { customerId: gone })).orders.map((o) => o.id)).toEqual([sale.id]);
    expect((await app.call('followups:list', { customerId: gone })).followUps).toHaveLength(1);

    // Restored from the trash, it takes records again; an unknown id is still plainly not found.
    await app.call('customers:restore', { id: gone });
    expect((await app.call('followups:reschedule', { id: reminder.id, nextContactDate: '2026-12-05' })).nextContactDate).toBe('2026-12-05');
    expect(row<{ next: string }>('SELECT next_contact_date AS next FROM customers WHERE id = ?', gone).next).toBe('2026-12-05');
    expect((await app.call('orders:return', { orderId: sale.id, amount: '10', orderDate: '2026-11-05' })).amountMinor).toBe(-1000);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM orders WHERE customer_id = ? AND kind = 'return'", gone).n).toBe(1);
    expect(await app.dispatch('orders:create', order('00000000-0000-4000-8000-000000000000'))).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No customer with id 00000000-0000-4000-8000-000000000000' } });
  });

  it('refuses records on, and moving orders and follow-ups to, a customer merged into another; the kept and archived ones take them', async () => {
    const kept = await customer('王芳');
    const merged = await customer('王芳（重复）');
    await app.call('customers:merge', { keepId: kept, mergeIds: [merged] });
    const keptSale = await app.call('orders:create', order(kept));
    const keptNote = (await app.call('followups:create', followUp(kept))).followUp;
    const before = everything();

    expect(await app.dispatch('orders:create', order(merged))).toMatchObject(notLive(merged));
    expect(await app.dispatch('orders:return', { customerId: merged, currency: 'CNY', amount: '10' })).toMatchObject(notLive(merged));
    expect(await app.dispatch('followups:create', followUp(merged))).toMatchObject(notLive(merged));
    expect(await app.dispatch('orders:update', { id: keptSale.id, order: order(merged) })).toMatchObject(notLive(merged));
    expect(await app.dispatch('followups:update', { id: keptNote.id, followUp: followUp(merged) })).toMatchObject(notLive(merged));
    expect(everything()).toEqual(before);
    expect(row<{ c: string }>('SELECT customer_id AS c FROM orders WHERE id = ?', keptSale.id).c).toBe(kept);

    // The neighbours: an archived customer is still live (the same person), and an order moves to it.
    const archived = await customer('老客户');
    await app.call('customers:archive', { id: archived, archived: true });
    expect((await app.call('orders:update', { id: keptSale.id, order: order(archived, { amount: '120' }) })).customerId).toBe(archived);
    expect(row<{ c: string; a: number }>('SELECT customer_id AS c, amount_minor AS a FROM orders WHERE id = ?', keptSale.id)).toEqual({ c: archived, a: 12000 });
    expect(row<{ n: number; r: number }>('SELECT order_count AS n, revenue_base_minor AS r FROM customers WHERE id = ?', archived)).toEqual({ n: 1, r: 12000 });
    expect((await app.call('followups:create', followUp(archived))).followUp.customerId).toBe(archived);
  });
});
