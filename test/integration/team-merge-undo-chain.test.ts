import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeam, type TeamFixture } from '../support/team-fixture';

/**
 * A chain of merges made on two laptops: ana merges A into B, then bo merges B into C, which takes A's rows on to C.
 * Undone on ana's laptop alone, ana's merge would bring A back empty, its rows left on C. As on one laptop (a later
 * merge of the same customers is undone first), ana is told to have bo's merge undone first, on bo's laptop; once it
 * is, hers takes A's rows back.
 */
let team: TeamFixture;
let a: Laptop, b: Laptop;
beforeAll(async () => {
  team = await startTeam(['ana', 'bo'], steppingClock());
  [a, b] = team.laptops as [Laptop, Laptop];
}, 60_000);
afterAll(() => team?.close());

const customerOf = (l: Laptop, id: string) => l.db.$client.prepare(`SELECT customer_id FROM orders WHERE id = ?`).pluck().get(id);
const live = (l: Laptop, id: string) => l.db.$client.prepare(`SELECT deleted_at IS NULL FROM customers WHERE id = ?`).pluck().get(id);

describe('undoing the first merge of a chain whose next merge was made on another laptop', () => {
  it('is refused until the later merge is undone on its laptop, then takes the rows back', async () => {
    const create = async (name: string) => (await a.call('customers:create', { name, contacts: [], tags: [] })).customer.id;
    const [first, second, third] = [await create('Lea'), await create('Lea M.'), await create('Lea Martin')];
    const order = await a.call('orders:create', { customerId: first, orderDate: '2026-11-20', amount: '25', currency: 'CNY' });
    await settle([a, b]);

    const one = await a.call('customers:merge', { keepId: second, mergeIds: [first] });
    await settle([a, b]);
    const two = await b.call('customers:merge', { keepId: third, mergeIds: [second] });
    await settle([a, b]);
    expect(customerOf(a, order.id)).toBe(third);

    const before = bookDigest(a);
    expect(await a.dispatch('customers:unmerge', { mergeId: one.mergeId })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: `Merge ${two.mergeId}, made on another laptop, changed these customers later; undo it first, on the laptop that made it.`,
        issues: [{ path: ['mergeId'], key: 'merge_undo_later_elsewhere_first', params: { mergeId: two.mergeId } }],
      },
    });
    expect(bookDigest(a)).toEqual(before);

    await b.call('customers:unmerge', { mergeId: two.mergeId });
    await settle([a, b]);
    await a.call('customers:unmerge', { mergeId: one.mergeId });
    await settle([a, b]);
    for (const l of [a, b]) {
      expect(customerOf(l, order.id), l.name).toBe(first);
      expect([live(l, first), live(l, second), live(l, third)], l.name).toEqual([1, 1, 1]);
    }
    expect(bookDigest(b)).toEqual(bookDigest(a));
  }, 60_000);
});
