import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, settle, steppingClock, type Laptop } from '../support/laptops';
import { startTeam, type TeamFixture } from '../support/team-fixture';

/**
 * The same settlement made by two laptops, each before it saw the other's: a sale deleted on one laptop and
 * returned on two others, each bringing it back; rows written on a customer merged away, moved on by two laptops.
 * bo reaches the server through a proxy that holds back his settlement until chen has made hers. Every laptop
 * ends with the same book, one record of each settlement, no conflict and nothing left to send.
 */
const clock = steppingClock();
/** What bo's proxy refuses for now (a settlement of his, until chen has made the same one). */
let holdBack: (doc: { _id: string; table?: unknown; fields?: Record<string, { v?: unknown }> }) => boolean = () => false;
let team: TeamFixture;
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(async () => {
  team = await startTeam(['ana', 'bo', 'chen'], clock, { name: 'bo', refuse: (doc) => holdBack(doc) });
  [a, b, c] = team.laptops as [Laptop, Laptop, Laptop];
}, 60_000);
afterAll(() => team?.close());

const rows = (l: Laptop, sql: string, ...args: unknown[]) => l.db.$client.prepare(sql).all(...args);
const refusedIds = (l: Laptop) => l.db.$client.prepare(`SELECT doc_id FROM sync_refused ORDER BY doc_id`).pluck().all() as string[];

/** Every laptop: the same book and records, nothing refused or waiting (Today's default policies aside). */
async function agreeEverywhere(): Promise<void> {
  for (const l of [a, b, c]) {
    expect(refusedIds(l), l.name).toEqual([]);
    expect(rows(l, `SELECT doc_id FROM sync_outbox WHERE table_name <> 'service_policies'`), l.name).toEqual([]);
    integrityOk(l);
  }
  for (const l of [b, c]) {
    expect(bookDigest(l), l.name).toEqual(bookDigest(a));
    expect(rows(l, `SELECT id, merge_id, row_table, row_id, from_customer_id, into_customer_id, deleted_at IS NULL AS live FROM customer_merge_moves ORDER BY id`), l.name).toEqual(
      rows(a, `SELECT id, merge_id, row_table, row_id, from_customer_id, into_customer_id, deleted_at IS NULL AS live FROM customer_merge_moves ORDER BY id`),
    );
    expect(rows(l, `SELECT id, order_id, customer_id, sale_deleted_at, deleted_by, returned_by FROM restored_sales ORDER BY id`), l.name).toEqual(
      rows(a, `SELECT id, order_id, customer_id, sale_deleted_at, deleted_by, returned_by FROM restored_sales ORDER BY id`),
    );
  }
}

describe('one settlement made on two laptops', () => {
  it('a sale deleted on one laptop and returned on two: brought back by both, listed once on every laptop', async () => {
    const { customer } = await a.call('customers:create', { name: '赵敏', contacts: [], tags: [] });
    const sale = await a.call('orders:create', { customerId: customer.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', orderNumber: 'SO-77' });
    await settle([a, b, c]);

    await a.call('orders:delete', { id: sale.id });
    await a.call('team:sync-now', {});
    await b.call('orders:return', { orderId: sale.id, amount: '30', orderDate: '2026-11-22' });
    await c.call('orders:return', { orderId: sale.id, amount: '20', orderDate: '2026-11-23' });

    // bo brings the sale back; the server does not take his restore yet.
    holdBack = (doc) => doc._id === `orders:${sale.id}` || doc.table === 'restored_sales';
    await b.call('team:sync-now', {});
    expect(refusedIds(b)).toContain(`orders:${sale.id}`);
    // chen receives the delete without bo's restore, and brings the sale back too.
    await c.call('team:sync-now', {});
    expect(rows(c, `SELECT deleted_at FROM orders WHERE id = ?`, sale.id)).toEqual([{ deleted_at: null }]);
    expect(rows(c, `SELECT count(*) AS n FROM restored_sales WHERE order_id = ?`, sale.id)).toEqual([{ n: 1 }]);

    holdBack = () => false;
    await settle([a, b, c]);
    await agreeEverywhere();
    for (const l of [a, b, c]) {
      expect(rows(l, `SELECT deleted_at FROM orders WHERE id = ?`, sale.id), l.name).toEqual([{ deleted_at: null }]);
      expect(rows(l, `SELECT revenue_base_minor AS revenue FROM customers WHERE id = ?`, customer.id), l.name).toEqual([{ revenue: 5000 }]);
      const { conflicts } = await l.call('team:conflicts', {});
      // The restore, once, naming who deleted the sale and who recorded the first return; nothing else.
      expect(conflicts.filter((x) => x.customerId === customer.id), l.name).toMatchObject([{ field: `orders:${sale.id}.deleted_at`, keptValue: null, keptBy: 'bo', overwrittenBy: 'ana' }]);
      expect(rows(l, `SELECT count(*) AS n FROM restored_sales`), l.name).toEqual([{ n: 1 }]);
    }
  }, 60_000);

  it('rows written on a customer merged away: moved on by two laptops to the same customer, recorded once, undone together', async () => {
    const keep = (await a.call('customers:create', { name: 'Lucas', contacts: [], tags: [] })).customer.id;
    const dup = (await a.call('customers:create', { name: 'Lucas M.', contacts: [], tags: [] })).customer.id;
    await settle([a, b, c]);

    const merged = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    await a.call('team:sync-now', {});
    const order = await b.call('orders:create', { customerId: dup, orderDate: '2026-11-24', amount: '60', currency: 'CNY' });
    const { followUp } = await b.call('followups:create', { customerId: dup, channel: 'visit', content: 'visite' });

    // bo sends his rows as written, then moves them on; the server does not take the moves yet.
    holdBack = (doc) => doc.table === 'customer_merge_moves' || ((doc.table === 'orders' || doc.table === 'follow_ups') && doc.fields?.customer_id?.v === keep);
    await b.call('team:sync-now', {});
    expect(refusedIds(b)).toEqual(expect.arrayContaining([`orders:${order.id}`, `follow_ups:${followUp.id}`]));
    // chen receives them on the merged-away customer and moves them on too.
    await c.call('team:sync-now', {});
    for (const [table, id] of [['orders', order.id], ['follow_ups', followUp.id]] as const) expect(rows(c, `SELECT customer_id FROM ${table} WHERE id = ?`, id), table).toEqual([{ customer_id: keep }]);

    holdBack = () => false;
    await settle([a, b, c]);
    await agreeEverywhere();
    for (const l of [a, b, c]) {
      for (const [table, id] of [['orders', order.id], ['follow_ups', followUp.id]] as const) expect(rows(l, `SELECT customer_id FROM ${table} WHERE id = ?`, id), `${l.name} ${table}`).toEqual([{ customer_id: keep }]);
      // The merged-away customer, and each row moved on once.
      expect(rows(l, `SELECT row_table, row_id FROM customer_merge_moves WHERE merge_id = ? ORDER BY row_table`, merged.mergeId), l.name).toEqual([
        { row_table: 'customers', row_id: dup },
        { row_table: 'follow_ups', row_id: followUp.id },
        { row_table: 'orders', row_id: order.id },
      ]);
      expect((await l.call('team:conflicts', {})).conflicts.filter((x) => x.customerId === keep || x.customerId === dup), l.name).toEqual([]);
    }

    // Undone on the laptop that merged, the rows the others moved on go back too.
    await a.call('customers:unmerge', { mergeId: merged.mergeId });
    await settle([a, b, c]);
    await agreeEverywhere();
    for (const l of [a, b, c]) {
      for (const [table, id] of [['orders', order.id], ['follow_ups', followUp.id]] as const) expect(rows(l, `SELECT customer_id FROM ${table} WHERE id = ?`, id), `${l.name} ${table}`).toEqual([{ customer_id: dup }]);
      expect(rows(l, `SELECT count(*) AS n FROM customer_merge_moves WHERE merge_id = ? AND deleted_at IS NULL`, merged.mergeId), l.name).toEqual([{ n: 0 }]);
    }
  }, 60_000);

  it('a row moved on by another laptop while the merge was being undone goes back to the customer it was written on', async () => {
    const keep = (await a.call('customers:create', { name: 'Marta', contacts: [], tags: [] })).customer.id;
    const dup = (await a.call('customers:create', { name: 'Marta R.', contacts: [], tags: [] })).customer.id;
    await settle([a, b, c]);

    const merged = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    await a.call('team:sync-now', {});
    // chen writes an order on the merged-away customer, learns the merge and moves it on ...
    const order = await c.call('orders:create', { customerId: dup, orderDate: '2026-11-25', amount: '45', currency: 'CNY' });
    await c.call('team:sync-now', {});
    expect(rows(c, `SELECT customer_id FROM orders WHERE id = ?`, order.id)).toEqual([{ customer_id: keep }]);
    // ... while ana, who has not seen it, undoes the merge.
    await a.call('customers:unmerge', { mergeId: merged.mergeId });
    await settle([a, b, c]);

    await agreeEverywhere();
    for (const l of [a, b, c]) {
      expect(rows(l, `SELECT customer_id FROM orders WHERE id = ?`, order.id), l.name).toEqual([{ customer_id: dup }]);
      expect(rows(l, `SELECT order_count AS n, deleted_at FROM customers WHERE id = ?`, dup), l.name).toEqual([{ n: 1, deleted_at: null }]);
      expect(rows(l, `SELECT count(*) AS n FROM customer_merge_moves WHERE merge_id = ? AND deleted_at IS NULL`, merged.mergeId), l.name).toEqual([{ n: 0 }]);
    }
  }, 60_000);
});
