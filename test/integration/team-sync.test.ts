import { beforeAll, describe, expect, it } from 'vitest';
import { settle, type Laptop } from '../support/laptops';
import { teamOfThree } from '../support/team-of-three';

const team = teamOfThree();
let a: Laptop, b: Laptop, c: Laptop;
beforeAll(() => void ({ a, b, c } = team));

const customer = (l: Laptop, id: string) => l.call('customers:get', { id });
const input = (over: Record<string, unknown> = {}) => ({ name: '王芳', company: 'Acme', contacts: [], tags: [], ...over });

describe('three laptops and one server', () => {
  it('keeps edits to different fields of one customer made offline on two laptops', async () => {
    const { customer: created } = await a.call('customers:create', input());
    await settle([a, b, c]);
    const onB = await customer(b, created.id);
    await a.call('customers:update', { id: created.id, customer: { ...input(), city: '杭州' } });
    await b.call('customers:update', { id: created.id, customer: { ...input(), notes: 'prefers WeChat' } });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      const got = await customer(l, created.id);
      expect(got).toMatchObject({ city: '杭州', notes: 'prefers WeChat' });
    }
    expect(onB.name).toBe('王芳');
  }, 60_000);

  it('lets the later edit of the same field win everywhere and keeps the overwritten value with who and when', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '李雷' }));
    await settle([a, b, c]);
    await b.call('customers:update', { id: created.id, customer: input({ name: '李雷', city: '苏州' }) });
    await c.call('customers:update', { id: created.id, customer: input({ name: '李雷', city: '无锡' }) }); // later
    await settle([a, b, c]);
    for (const l of [a, b, c]) expect((await customer(l, created.id)).city).toBe('无锡');
    const { conflicts } = await b.call('team:conflicts', { customerId: created.id });
    expect(conflicts).toMatchObject([{ field: 'city', keptValue: '无锡', overwrittenValue: '苏州', keptBy: 'chen', overwrittenBy: 'bo', customerName: '李雷' }]);
    expect(Date.parse(conflicts[0]!.keptAt)).toBeGreaterThan(Date.parse(conflicts[0]!.overwrittenAt));
  }, 60_000);

  it('brings follow-ups and orders added offline on all three laptops to every laptop', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '张伟' }));
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      await l.call('followups:create', { customerId: created.id, channel: 'call', content: `call from ${l.name}` });
      await l.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY' });
    }
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      const { followUps } = await l.call('followups:list', { customerId: created.id });
      expect(followUps.map((f) => f.content).sort()).toEqual(['call from ana', 'call from bo', 'call from chen']);
      const count = l.db.$client.prepare(`SELECT count(*) AS n, sum(base_amount_minor) AS s FROM orders WHERE customer_id = ? AND deleted_at IS NULL`).get(created.id);
      expect(count).toEqual({ n: 3, s: 30000 });
      expect(l.db.$client.prepare(`SELECT order_count AS n, revenue_base_minor AS r FROM customers WHERE id = ?`).get(created.id)).toEqual({ n: 3, r: 30000 });
    }
  }, 60_000);

  it('delete wins over an edit made without seeing it; the edit is kept inside the deleted customer', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '赵敏' }));
    await settle([a, b, c]);
    await a.call('customers:delete', { id: created.id });
    await b.call('customers:update', { id: created.id, customer: input({ name: '赵敏', city: '成都' }) }); // later than the delete
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      const row = l.db.$client.prepare(`SELECT deleted_at, city FROM customers WHERE id = ?`).get(created.id) as { deleted_at: string | null; city: string };
      expect(row.deleted_at).not.toBeNull();
      expect(row.city).toBe('成都');
    }
  }, 60_000);

  it('flags the same new customer entered on two laptops as duplicates after sync', async () => {
    await a.call('customers:create', input({ name: '陈静', contacts: [{ kind: 'phone', value: '+8613800138000' }] }));
    await b.call('customers:create', input({ name: '陈 静', company: null, contacts: [{ kind: 'phone', value: '+8613800138000' }] }));
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      const { groups } = await l.call('customers:duplicates', {});
      expect(groups.some((g) => g.reasons.some((r) => r.kind === 'phone' && 'value' in r && r.value === '+8613800138000') && g.customers.length === 2)).toBe(true);
    }
  }, 60_000);

  it('records an ownership transfer (转移) with both owners, the time and who, on every laptop, and who last changed the row', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '周杰', owner: 'ana' }));
    await settle([a, b, c]);
    await b.call('customers:update', { id: created.id, customer: input({ name: '周杰', owner: 'bo' }) });
    const changedAt = (await customer(b, created.id)).updatedAt;
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(l.db.$client.prepare(`SELECT from_owner AS fromOwner, to_owner AS toOwner, changed_at AS changedAt, changed_by AS changedBy FROM customer_owner_changes WHERE customer_id = ? ORDER BY id`).all(created.id)).toEqual([
        { fromOwner: 'ana', toOwner: 'bo', changedAt, changedBy: 'bo' },
      ]);
      expect(l.db.$client.prepare(`SELECT created_by AS createdBy, updated_by AS updatedBy FROM customers WHERE id = ?`).get(created.id)).toEqual({ createdBy: 'ana', updatedBy: 'bo' });
    }
  }, 60_000);
  it('counts two payments of one order recorded on two laptops before they synced, on every laptop', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '钱七' }));
    const order = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    await settle([a, b, c]);
    await a.call('orders:record-payment', { id: order.id, amount: '30' });
    await b.call('orders:record-payment', { id: order.id, amount: '20' });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      // 100.00 owed, less 30.00 and 20.00, by arithmetic: not the later payment's 80.00 written over the earlier's 70.00.
      expect(l.db.$client.prepare(`SELECT unpaid_minor AS unpaid, base_unpaid_minor AS base FROM orders WHERE id = ?`).get(order.id), l.name).toEqual({ unpaid: 10000 - 3000 - 2000, base: 10000 - 3000 - 2000 });
      const { orders, balanceBaseMinor } = await l.call('orders:list', { customerId: created.id });
      expect(orders.find((o) => o.id === order.id)?.balanceMinor, l.name).toBe(5000);
      expect(balanceBaseMinor, l.name).toBe(5000);
    }
  }, 60_000);

  it('keeps a payment recorded on one laptop while another restated the order; payments past what was owed stand and are said', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '冯八' }));
    const order = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    await a.call('orders:record-payment', { id: order.id, amount: '10' });
    await settle([a, b, c]);
    // a restates the payment (part paid 40: the 10.00 it knew is in that); b records 25.00 meanwhile, unseen by a.
    await a.call('orders:update', { id: order.id, order: { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'part', paid: '40' } } });
    await b.call('orders:record-payment', { id: order.id, amount: '25' });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect((await l.call('orders:list', { customerId: created.id })).orders.find((o) => o.id === order.id)?.balanceMinor, l.name).toBe(10000 - 4000 - 2500);
      const { payments, overpaidMinor } = await l.call('order-payments:list', { orderId: order.id });
      expect(payments.map((p) => [p.amountMinor, p.recordedBy, p.closedAt !== null]).sort(), l.name).toEqual([[1000, 'ana', true], [2500, 'bo', false]]);
      expect(overpaidMinor, l.name).toBe(0);
    }
    // Both take the whole balance (35.00) before they sync: the money was received twice; owed is 0, 35.00 over.
    await b.call('orders:record-payment', { id: order.id });
    await c.call('orders:record-payment', { id: order.id });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(l.db.$client.prepare(`SELECT unpaid_minor FROM orders WHERE id = ?`).pluck().get(order.id), l.name).toBe(0);
      const { payments, overpaidMinor } = await l.call('order-payments:list', { orderId: order.id });
      expect(payments.filter((p) => p.closedAt === null).map((p) => p.amountMinor).sort(), l.name).toEqual([2500, 3500, 3500]);
      expect(overpaidMinor, l.name).toBe(2500 + 3500 + 3500 - 6000);
      // Said in the Team screen's list and the customer's history, on every laptop: the amount over, and what was owed.
      const { conflicts } = await l.call('team:conflicts', { customerId: created.id });
      expect(conflicts.map((x) => [x.field, x.keptValue, x.overwrittenValue]), l.name).toEqual([[`orders:${order.id}.payments`, '35.00 CNY', '60.00 CNY']]);
    }
  }, 60_000);

  it('lets the later of two restating edits made offline stand everywhere, though the earlier laptop recorded a payment after its edit', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '韩七' }));
    const order = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    await settle([a, b, c]);
    const restate = (l: Laptop, paid: string) =>
      l.call('orders:update', { id: order.id, order: { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'part', paid } } });
    // a takes 10.00 and then restates (part paid 30: its 10.00 is in that); b, later and unaware, restates part paid 50;
    // a then takes 5.00 more. Only then do they sync: a's payment was recorded after b's edit, its restating edit before.
    await a.call('orders:record-payment', { id: order.id, amount: '10' });
    await restate(a, '30');
    await restate(b, '50');
    await a.call('orders:record-payment', { id: order.id, amount: '5' });
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      // b's terms (50.00 left) stand, less both of a's payments, which b did not know: 50 − 10 − 5.
      expect(l.db.$client.prepare(`SELECT terms_unpaid_minor AS terms, unpaid_minor AS unpaid FROM orders WHERE id = ?`).get(order.id), l.name).toEqual({ terms: 10000 - 5000, unpaid: 10000 - 5000 - 1000 - 500 });
      const { payments, overpaidMinor } = await l.call('order-payments:list', { orderId: order.id });
      expect(payments.map((p) => [p.amountMinor, p.closedAt]).sort(), l.name).toEqual([[1000, null], [500, null]].sort());
      expect(overpaidMinor, l.name).toBe(0);
    }
  }, 60_000);

  /** What each laptop lists of a customer's overpaid orders, to be the same everywhere: every column, so who and when too. */
  const overpaidListed = async (customerId: string) => {
    const listed = [];
    for (const l of [a, b, c]) listed.push((await l.call('team:conflicts', { customerId })).conflicts.filter((x) => x.field.endsWith('.payments')));
    expect(listed[1], 'bo as ana').toEqual(listed[0]);
    expect(listed[2], 'chen as ana').toEqual(listed[0]);
    return listed[0]!;
  };
  const returnedOf = (l: Laptop, saleId: string) =>
    l.db.$client.prepare(`SELECT -coalesce(sum(amount_minor), 0) FROM orders WHERE return_of_order_id = ? AND deleted_at IS NULL`).pluck().get(saleId) as number;
  const livePaidOf = (l: Laptop, orderId: string) =>
    l.db.$client.prepare(`SELECT coalesce(sum(amount_minor), 0) FROM order_payments WHERE order_id = ? AND deleted_at IS NULL`).pluck().get(orderId) as number;

  it('lists a sale paid on one laptop and partly returned on another as overpaid on every laptop, with what was owed after the return', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '陈九' }));
    const sale = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    await settle([a, b, c]);
    // a takes the whole 100.00; b, before it hears of that, records 30.00 of the goods returned.
    await a.call('orders:record-payment', { id: sale.id });
    const returned = await b.call('orders:return', { orderId: sale.id, amount: '30' });
    await settle([a, b, c]);
    // By arithmetic over what each laptop holds: owed after returns = sale − returns; over = payments − that.
    for (const l of [a, b, c]) expect([returnedOf(l, sale.id), livePaidOf(l, sale.id)], l.name).toEqual([3000, 10000]);
    const listed = await overpaidListed(created.id);
    expect(listed.map((x) => [x.field, x.keptValue, x.overwrittenValue, x.keptBy, x.overwrittenBy]), 'each laptop').toEqual([
      [`orders:${sale.id}.payments`, `${((10000 - (10000 - 3000)) / 100).toFixed(2)} CNY`, `${((10000 - 3000) / 100).toFixed(2)} CNY`, 'ana', 'bo'],
    ]);

    // The return deleted again: the payments settle the sale exactly, and no laptop lists it any more.
    await b.call('orders:delete', { id: returned.id });
    await settle([a, b, c]);
    for (const l of [a, b, c]) expect((await l.call('order-payments:list', { orderId: sale.id })).overpaidMinor, l.name).toBe(0);
    expect(await overpaidListed(created.id)).toEqual([]);
  }, 60_000);

  it('lists a return recorded after the payments reached its laptop, and one that reached the server first, alike on every laptop', async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '褚十' }));
    const paidFirst = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    const returnedFirst = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-21', amount: '50', currency: 'CNY', payment: { status: 'unpaid' } });
    await settle([a, b, c]);
    // paidFirst: a's payment of 60.00 reaches b, then b records 45.00 returned (its own edit passes what is owed).
    await a.call('orders:record-payment', { id: paidFirst.id, amount: '60' });
    await a.call('team:sync-now', {});
    await b.call('team:sync-now', {});
    await b.call('orders:return', { orderId: paidFirst.id, amount: '45' });
    // returnedFirst: b's return of 20.00 reaches the server first; a, before it pulls, takes the whole 50.00.
    await b.call('orders:return', { orderId: returnedFirst.id, amount: '20' });
    await b.call('team:sync-now', {});
    await a.call('orders:record-payment', { id: returnedFirst.id });
    await settle([a, b, c]);
    const expected = [];
    for (const sale of [paidFirst, returnedFirst]) {
      const owed = sale.amountMinor - returnedOf(a, sale.id);
      const over = livePaidOf(a, sale.id) - owed;
      expected.push([`orders:${sale.id}.payments`, `${(over / 100).toFixed(2)} CNY`, `${(owed / 100).toFixed(2)} CNY`, 'ana', 'bo']);
    }
    const listed = await overpaidListed(created.id);
    expect(listed.map((x) => [x.field, x.keptValue, x.overwrittenValue, x.keptBy, x.overwrittenBy]).sort(), 'each laptop').toEqual(expected.sort());
    expect(expected.map((row) => row[1]).sort()).toEqual(['20.00 CNY', '5.00 CNY']);
  }, 60_000);

  it("replaces an order's lines on every laptop when one laptop edits them, then another", async () => {
    const { customer: created } = await a.call('customers:create', input({ name: '孙丽' }));
    const line = (name: string, quantity: number, unitPrice: string) => ({ name, quantity, unitPrice });
    const order = await a.call('orders:create', { customerId: created.id, orderDate: '2026-11-20', currency: 'CNY', lines: [line('绿茶', 2, '10'), line('茶杯', 1, '5')] });
    await settle([a, b, c]);
    const edit = (l: Laptop, lines: ReturnType<typeof line>[]) => l.call('orders:update', { id: order.id, order: { customerId: created.id, orderDate: '2026-11-20', currency: 'CNY', lines } });
    const linesOn = (l: Laptop) =>
      l.db.$client.prepare(`SELECT position, name, quantity, amount_minor AS amount FROM order_lines WHERE order_id = ? ORDER BY position`).all(order.id);
    // The lines' sum, read apart from the order's own amount, must be that amount.
    const linesAddUp = (l: Laptop) =>
      l.db.$client.prepare(`SELECT (SELECT sum(amount_minor) FROM order_lines WHERE order_id = o.id) = o.amount_minor FROM orders o WHERE o.id = ?`).pluck().get(order.id);

    await edit(a, [line('绿茶', 3, '10')]);
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(linesOn(l), l.name).toEqual([{ position: 0, name: '绿茶', quantity: 3, amount: 3000 }]);
      expect(linesAddUp(l), l.name).toBe(1);
    }

    await edit(b, [line('红茶', 1, '8'), line('茶杯', 2, '5'), line('茶盘', 1, '30')]);
    await settle([a, b, c]);
    for (const l of [a, b, c]) {
      expect(linesOn(l).map((r) => (r as { name: string }).name), l.name).toEqual(['红茶', '茶杯', '茶盘']);
      expect(linesAddUp(l), l.name).toBe(1);
      expect(l.db.$client.prepare(`SELECT count(*) FROM sync_parked`).pluck().get(), l.name).toBe(0);
    }
  }, 60_000);
});
