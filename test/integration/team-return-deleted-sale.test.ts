import { beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, settle, type Laptop } from '../support/laptops';
import { teamOfThree } from '../support/team-of-three';

/**
 * A sale deleted on one laptop while another recorded a return against it: one laptop alone never lets a sale
 * with returns be deleted, nor a return be recorded against a deleted sale. After sync the sale comes back on
 * every laptop, so the return nets out a sale that counts, and the restore is listed with the conflicts on every
 * laptop, the one whose user deleted the sale included.
 */
const team = teamOfThree();
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(() => void ({ a, b, c } = team));

describe('a return recorded against a sale another laptop deleted meanwhile', () => {
  it('brings the sale back on every laptop, keeps the return, and lists the restore on the customer', async () => {
    const { customer } = await a.call('customers:create', { name: '王芳', contacts: [], tags: [] });
    const sale = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', orderNumber: 'SO-1' });
    await settle([a, b, c]);

    await a.call('orders:delete', { id: sale.id });
    const deletedAt = a.db.$client.prepare(`SELECT deleted_at FROM orders WHERE id = ?`).pluck().get(sale.id) as string;
    const ret = await b.call('orders:return', { orderId: sale.id, amount: '30', orderDate: '2026-11-22' });
    await settle([a, b, c]);

    for (const l of [a, b, c]) {
      const q = (sql: string, ...args: unknown[]) => l.db.$client.prepare(sql).get(...args);
      expect(q(`SELECT deleted_at AS deletedAt, order_number AS orderNumber FROM orders WHERE id = ?`, sale.id), l.name).toEqual({ deletedAt: null, orderNumber: 'SO-1' });
      expect(q(`SELECT deleted_at AS deletedAt, customer_id AS customerId FROM orders WHERE id = ?`, ret.id), l.name).toEqual({ deletedAt: null, customerId: customer.id });
      // Sale minus return, in the stored figures and in the rows.
      expect(q(`SELECT order_count AS n, revenue_base_minor AS revenue FROM customers WHERE id = ?`, customer.id), l.name).toMatchObject({ revenue: 7000 });
      expect(q(`SELECT sum(base_amount_minor) AS s FROM orders WHERE customer_id = ? AND deleted_at IS NULL`, customer.id), l.name).toEqual({ s: 7000 });
      const { orders } = await l.call('orders:list', { customerId: customer.id });
      expect(orders.map((o) => o.id).sort(), l.name).toEqual([sale.id, ret.id].sort());
      integrityOk(l);
    }
    // Every laptop ends with the same book, and nothing is left to send.
    expect(bookDigest(b)).toEqual(bookDigest(a));
    expect(bookDigest(c)).toEqual(bookDigest(a));
    for (const l of [a, b, c]) expect((await l.call('team:status', {})).pendingChanges, l.name).toBe(0);

    // bo brought the sale back (he applied ana's delete after recording the return; the others then received the
    // sale already restored), and every laptop lists it on the customer once, naming the order, the field, who
    // deleted it and who recorded the return: ana, who deleted it, most of all.
    for (const l of [a, b, c]) {
      const { conflicts } = await l.call('team:conflicts', { customerId: customer.id });
      expect(conflicts, l.name).toMatchObject([{ customerId: customer.id, customerName: '王芳', field: `orders:${sale.id}.deleted_at`, keptValue: null, keptBy: 'bo', overwrittenBy: 'ana' }]);
      expect(conflicts[0]!.overwrittenValue, l.name).toBe(deletedAt);
      expect((await l.call('team:conflicts', {})).conflicts.filter((x) => x.field === `orders:${sale.id}.deleted_at`), l.name).toHaveLength(1);
    }
    // One laptop alone still refuses to delete a sale with a live return.
    await expect(c.call('orders:delete', { id: sale.id })).rejects.toMatchObject({ issues: [{ key: 'order_has_returns' }] });
  }, 60_000);
});
