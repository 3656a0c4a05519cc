import { beforeAll, describe, expect, it } from 'vitest';
import { bookDigest, integrityOk, settle, type Laptop } from '../support/laptops';
import { teamOfThree } from '../support/team-of-three';

/**
 * Orders, returns, follow-ups and contacts written on a customer that another laptop merged away meanwhile:
 * any laptop that has the merge (it syncs) moves them to the kept customer as the merge moved that customer's
 * rows, and records the move with the merge, so that undoing the merge on the laptop that made it takes them
 * back; the move syncs to the others.
 */
const team = teamOfThree();
const clock = team.clock;
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(() => void ({ a, b, c } = team));

const create = async (l: Laptop, name: string, contacts: Array<{ kind: 'phone' | 'wechat'; value: string }> = []) => (await l.call('customers:create', { name, contacts, tags: [] })).customer.id;
const customerOf = (l: Laptop, table: string, id: string) => l.db.$client.prepare(`SELECT customer_id FROM ${table} WHERE id = ?`).pluck().get(id);
const figures = (l: Laptop, id: string) => l.db.$client.prepare(`SELECT order_count AS orders, revenue_base_minor AS revenue, next_contact_date AS next, deleted_at AS deletedAt FROM customers WHERE id = ?`).get(id) as { orders: number; revenue: number; next: string | null; deletedAt: string | null };
/** A day a few days ahead of the laptops' clock (a reminder may not be set in the past). */
const due = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const reminded = async (l: Laptop, asOf: string) => (await l.call('today:list', { asOf, limit: 500 })).items.map((i) => ({ customerId: i.customerId, followUpIds: i.followUpIds }));

describe('writes on a customer another laptop merged away meanwhile', () => {
  it('end on the kept customer everywhere, and go back with the merged customer when the merge is undone', async () => {
    const keep = await create(a, '王芳', [{ kind: 'phone', value: '+8613800138000' }]);
    const dup = await create(a, '王 芳', [{ kind: 'phone', value: '+8613800138001' }]);
    const sale = await a.call('orders:create', { customerId: dup, orderDate: '2026-11-01', amount: '50', currency: 'CNY' });
    await settle([a, b, c]);

    const merged = await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    expect(customerOf(a, 'orders', sale.id)).toBe(keep);
    // Meanwhile bo, who has not seen the merge: an order, a return of the earlier sale, a follow-up with a reminder and two contacts (one the kept customer already has).
    const order = await b.call('orders:create', { customerId: dup, orderDate: '2026-11-20', amount: '100', currency: 'CNY' });
    const ret = await b.call('orders:return', { orderId: sale.id, amount: '20', orderDate: '2026-11-21' });
    const { followUp } = await b.call('followups:create', { customerId: dup, channel: 'call', content: '回访', nextContactDate: due(5) });
    await b.call('customers:update', { id: dup, customer: { name: '王 芳', tags: [], contacts: [{ kind: 'phone', value: '+8613800138001' }, { kind: 'phone', value: '+8613800138000' }, { kind: 'wechat', value: 'wangfang88' }] } });
    const contactId = (l: Laptop, value: string) => l.db.$client.prepare(`SELECT id FROM contact_channels WHERE value = ? AND customer_id = ? AND deleted_at IS NULL`).pluck().get(value, dup) as string;
    const wechat = contactId(b, 'wangfang88');
    const samePhone = contactId(b, '+8613800138000');
    await settle([a, b, c]);

    for (const l of [a, b, c]) {
      for (const [table, id] of [['orders', order.id], ['orders', ret.id], ['orders', sale.id], ['follow_ups', followUp.id], ['contact_channels', wechat]] as const) expect(customerOf(l, table, id), `${l.name} ${table}`).toBe(keep);
      // A contact the kept customer already has stays behind, as in the merge.
      expect(customerOf(l, 'contact_channels', samePhone), l.name).toBe(dup);
      expect(figures(l, keep), l.name).toMatchObject({ orders: 2, revenue: 5000 + 10000 - 2000, next: due(5) });
      expect(figures(l, dup), l.name).toMatchObject({ orders: 0, revenue: 0 });
      expect(figures(l, dup).deletedAt, l.name).not.toBeNull();
      expect(await reminded(l, due(5)), l.name).toContainEqual({ customerId: keep, followUpIds: [followUp.id] });
      integrityOk(l);
    }
    expect(bookDigest(b)).toEqual(bookDigest(a));
    expect(bookDigest(c)).toEqual(bookDigest(a));
    // The moves went out (Today's list seeds default service policies, which may wait to upload).
    for (const l of [a, b, c]) expect(l.db.$client.prepare(`SELECT doc_id FROM sync_outbox WHERE table_name <> 'service_policies'`).all(), l.name).toEqual([]);
    // The merge's journal (on ana's laptop only) now holds what arrived since, beside what the merge moved.
    const [summary] = (await a.call('customers:merges', {})).merges.filter((m) => m.id === merged.mergeId);
    expect(summary?.moved).toMatchObject({ orders: 3, followUps: 1 });

    // Undoing the merge on the laptop that made it takes the rows that arrived since back too.
    await a.call('customers:unmerge', { mergeId: merged.mergeId });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      for (const [table, id] of [['orders', order.id], ['orders', ret.id], ['orders', sale.id], ['follow_ups', followUp.id], ['contact_channels', wechat], ['contact_channels', samePhone]] as const) {
        expect(customerOf(l, table, id), `${l.name} ${table}`).toBe(dup);
      }
      expect(figures(l, dup), l.name).toMatchObject({ orders: 2, revenue: 13000, next: due(5), deletedAt: null });
      expect(figures(l, keep), l.name).toMatchObject({ orders: 0, revenue: 0 });
    }
    expect(bookDigest(b)).toEqual(bookDigest(a));
  }, 60_000);

  it('follows a chain of merges to the customer that is still live', async () => {
    const first = await create(a, 'Jules');
    const second = await create(a, 'Jules B.');
    const third = await create(a, 'Jules C.');
    await settle([a, b, c]);

    const one = await a.call('customers:merge', { keepId: second, mergeIds: [first] });
    const two = await a.call('customers:merge', { keepId: third, mergeIds: [second] });
    const order = await b.call('orders:create', { customerId: first, orderDate: '2026-11-20', amount: '70', currency: 'CNY' });
    const { followUp } = await b.call('followups:create', { customerId: first, channel: 'email', content: 'offer', nextContactDate: due(6) });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(customerOf(l, 'orders', order.id), l.name).toBe(third);
      expect(customerOf(l, 'follow_ups', followUp.id), l.name).toBe(third);
      expect(figures(l, third), l.name).toMatchObject({ orders: 1, revenue: 7000, next: due(6) });
    }

    // Undone in turn, the rows step back through the chain.
    await a.call('customers:unmerge', { mergeId: two.mergeId });
    expect(customerOf(a, 'orders', order.id)).toBe(second);
    await a.call('customers:unmerge', { mergeId: one.mergeId });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(customerOf(l, 'orders', order.id), l.name).toBe(first);
      expect(customerOf(l, 'follow_ups', followUp.id), l.name).toBe(first);
      expect(figures(l, first), l.name).toMatchObject({ orders: 1, revenue: 7000, deletedAt: null });
    }
  }, 60_000);

  // Last in this file: ana leaves the team.
  it('are moved by any laptop that has the merge, also when the laptop that merged has left the team', async () => {
    const keep = await create(a, 'Ines', [{ kind: 'phone', value: '+33612345678' }]);
    const dup = await create(a, 'Inès', [{ kind: 'phone', value: '+33612345679' }]);
    await settle([a, b, c]);

    await a.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    await a.call('team:sync-now', {});
    await a.call('team:leave', {});
    // bo has not seen the merge: an order, a follow-up with a reminder and a contact on the customer merged away.
    const order = await b.call('orders:create', { customerId: dup, orderDate: '2026-11-25', amount: '80', currency: 'CNY' });
    const { followUp } = await b.call('followups:create', { customerId: dup, channel: 'call', content: 'relance', nextContactDate: due(7) });
    await b.call('customers:update', { id: dup, customer: { name: 'Inès', tags: [], contacts: [{ kind: 'phone', value: '+33612345679' }, { kind: 'wechat', value: 'ines-w' }] } });
    const wechat = b.db.$client.prepare(`SELECT id FROM contact_channels WHERE value = 'ines-w'`).pluck().get() as string;
    await settle([b, c]);

    for (const l of [b, c]) {
      for (const [table, id] of [['orders', order.id], ['follow_ups', followUp.id], ['contact_channels', wechat]] as const) expect(customerOf(l, table, id), `${l.name} ${table}`).toBe(keep);
      expect(figures(l, keep), l.name).toMatchObject({ orders: 1, revenue: 8000, next: due(7) });
      expect(figures(l, dup), l.name).toMatchObject({ orders: 0, revenue: 0 });
      expect(await reminded(l, due(7)), l.name).toContainEqual({ customerId: keep, followUpIds: [followUp.id] });
      expect(l.db.$client.prepare(`SELECT doc_id FROM sync_outbox WHERE table_name <> 'service_policies'`).all(), l.name).toEqual([]);
      expect((await l.call('team:conflicts', { customerId: keep })).conflicts, l.name).toEqual([]);
      integrityOk(l);
    }
    expect(bookDigest(c)).toEqual(bookDigest(b));
  }, 60_000);
});
