import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeam, type TeamFixture } from '../support/team-fixture';

/**
 * A row moved on under a merge reaches the server after the record of its move (a push cut off between the two:
 * records go first), and the merge is undone meanwhile. The laptops that do not hold the row yet (the one that
 * merged, and another) leave the record standing, so that the laptop holding the row takes it back to the customer
 * it was written on when it learns of the undo, and every laptop ends with it there.
 */
const clock = steppingClock();
/** What bo's proxy refuses for now. */
let holdBack: (doc: { _id: string }) => boolean = () => false;
let team: TeamFixture;
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(async () => {
  team = await startTeam(['ana', 'bo', 'chen'], clock, { name: 'bo', refuse: (doc) => holdBack(doc) });
  [a, b, c] = team.laptops as [Laptop, Laptop, Laptop];
}, 60_000);
afterAll(() => team?.close());

const rows = (l: Laptop, sql: string, ...args: unknown[]) => l.db.$client.prepare(sql).all(...args);

describe('a merge undone while the row moved on under it has not reached the others', () => {
  it('the row goes back to the customer it was written on, everywhere', async () => {
    const keep = (await a.call('customers:create', { name: 'Nadia', contacts: [], tags: [] })).customer.id;
    const dup = (await a.call('customers:create', { name: 'Nadia B.', contacts: [], tags: [] })).customer.id;
    await settle([a, b, c]);

    const merged = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    await a.call('team:sync-now', {});
    // bo writes an order on the merged-away customer and moves it on; only the record of the move reaches the server.
    const order = await b.call('orders:create', { customerId: dup, orderDate: '2026-11-26', amount: '55', currency: 'CNY' });
    holdBack = (doc) => doc._id === `orders:${order.id}`;
    await b.call('team:sync-now', {});
    expect(rows(b, `SELECT customer_id FROM orders WHERE id = ?`, order.id)).toEqual([{ customer_id: keep }]);
    expect(rows(b, `SELECT doc_id FROM sync_refused`)).toEqual([{ doc_id: `orders:${order.id}` }]);

    // ana, holding the record but not the order, undoes the merge; chen learns of both before the order too.
    await a.call('team:sync-now', {});
    expect(rows(a, `SELECT count(*) AS n FROM orders WHERE id = ?`, order.id)).toEqual([{ n: 0 }]);
    await a.call('customers:unmerge', { mergeId: merged.mergeId });
    await a.call('team:sync-now', {});
    await c.call('team:sync-now', {});

    // bo's link comes back; his next change of the order (a refused revision is not offered again) carries it.
    holdBack = () => false;
    await b.call('orders:update', { id: order.id, order: { customerId: keep, orderDate: '2026-11-26', amount: '55', currency: 'CNY', note: '加急' } });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(rows(l, `SELECT customer_id FROM orders WHERE id = ?`, order.id), l.name).toEqual([{ customer_id: dup }]);
      expect(rows(l, `SELECT order_count AS n, deleted_at FROM customers WHERE id = ?`, dup), l.name).toEqual([{ n: 1, deleted_at: null }]);
      expect(rows(l, `SELECT count(*) AS n FROM customer_merge_moves WHERE merge_id = ? AND deleted_at IS NULL`, merged.mergeId), l.name).toEqual([{ n: 0 }]);
      expect(rows(l, `SELECT doc_id FROM sync_outbox WHERE table_name <> 'service_policies'`), l.name).toEqual([]);
      integrityOk(l);
    }
    expect(bookDigest(b)).toEqual(bookDigest(a));
    expect(bookDigest(c)).toEqual(bookDigest(a));
  }, 60_000);
});
