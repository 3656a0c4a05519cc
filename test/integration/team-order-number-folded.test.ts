import { beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, settle, type Laptop } from '../support/laptops';
import { teamOfThree } from '../support/team-of-three';

/**
 * One invoice typed three ways on three laptops offline (INV-1, inv-1, ＩＮＶ－１) is one number: after sync, as for
 * the same number typed the same way, the order with the smallest id keeps its number and the others are renumbered
 * `<number>-<last 6 of its id>`, the same on every laptop; no order is lost. A deleted sale brought back by a return
 * recorded elsewhere is renumbered when another live order took its number in another form meanwhile.
 */
const team = teamOfThree();
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(() => void ({ a, b, c } = team));

const numbers = (l: Laptop, customerId: string) =>
  l.db.$client.prepare(`SELECT id, order_number AS number, order_number_key AS key FROM orders WHERE customer_id = ? AND deleted_at IS NULL ORDER BY id`).all(customerId) as {
    id: string;
    number: string;
    key: string;
  }[];

describe('order numbers typed differently on two laptops offline', () => {
  it('collide as one number and are settled by renumbering, the same on every laptop', async () => {
    const { customer } = await a.call('customers:create', { name: '王芳', contacts: [], tags: [] });
    await settle([a, b, c]);
    const typed: Record<string, string> = {};
    for (const [l, number] of [[a, 'INV-1'], [b, 'inv-1'], [c, 'ＩＮＶ－１']] as const) {
      const order = await l.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', orderNumber: number });
      typed[order.id] = number;
    }
    await settle([a, b, c]);
    const [keeper, ...others] = Object.keys(typed).sort();
    const expected = [
      { id: keeper!, number: typed[keeper!]!, key: 'inv-1' },
      ...others.map((id) => ({ id, number: `${typed[id]!}-${id.slice(-6)}`, key: `inv-1-${id.slice(-6).toLowerCase()}` })),
    ];
    for (const l of [a, b, c]) {
      expect(numbers(l, customer.id), l.name).toEqual(expected);
      integrityOk(l);
    }
    expect(bookDigest(b)).toEqual(bookDigest(a));
    expect(bookDigest(c)).toEqual(bookDigest(a));
  }, 60_000);

  it('renumbers a sale brought back by a return when its number was taken in another form meanwhile', async () => {
    const { customer } = await a.call('customers:create', { name: '李四', contacts: [], tags: [] });
    const sale = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', orderNumber: 'SO-7' });
    await settle([a, b, c]);
    await a.call('orders:delete', { id: sale.id });
    const other = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-21', amount: '50', currency: 'CNY', orderNumber: 'ｓｏ－７' });
    await b.call('orders:return', { orderId: sale.id, amount: '30', orderDate: '2026-11-22' });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      const live = numbers(l, customer.id).filter((o) => o.id !== other.id && o.number !== null);
      expect(live, l.name).toEqual([{ id: sale.id, number: `SO-7-${sale.id.slice(-6)}`, key: `so-7-${sale.id.slice(-6).toLowerCase()}` }]);
      expect(numbers(l, customer.id).find((o) => o.id === other.id), l.name).toMatchObject({ number: 'ｓｏ－７', key: 'so-7' });
      integrityOk(l);
    }
  }, 60_000);
});
