import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/contract/orders';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * What a sale owes and what its payments pass, after returns: plain arithmetic, whatever order the returns and payments
 * came in. Returns take off what the sale's own terms left owed; payments are measured against what is left of it:
 *   owed after returns = max(0, terms − returned)
 *   balance            = max(0, owed after returns − payments)          (a sale of 100 unpaid: sale − returns − payments)
 *   overpaid           = max(0, payments − owed after returns)           (what is past it, to give back)
 */
const expected = (terms: number, returned: number, paid: number) => {
  const owedAfterReturns = Math.max(0, terms - returned);
  return { balance: Math.max(0, owedAfterReturns - paid), overpaid: Math.max(0, paid - owedAfterReturns) };
};

// Today is 2026-11-23; the base currency is CNY; USD is locked at 7.2 on its order's date.
let app: TestApp;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('fx:upsert', { currency: 'USD', rateDate: '2026-01-01', rate: 7.2 });
});
afterEach(() => app.cleanup());

const customer = async (name: string) => (await app.call('customers:create', { name })).customer.id;
const unpaidSale = (customerId: string, amount: string, currency = 'CNY', dueDate = '2026-11-10') =>
  app.call('orders:create', { customerId, orderDate: '2026-11-01', currency, amount, payment: { status: 'unpaid', dueDate } });
const giveBack = (orderId: string, amount: string) => app.call('orders:return', { orderId, amount, orderDate: '2026-11-05' });
const pay = (id: string, amount: string) => app.call('orders:record-payment', { id, amount });
/** A payment another laptop of the team recorded before the two synced, as a sync writes it: a row, no check. */
const payElsewhere = (orderId: string, amountMinor: number) =>
  app.db.$client
    .prepare(`INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on, recorded_by) VALUES (?, ?, ?, ?, ?, '2026-11-20', '李雷')`)
    .run(randomUUID(), '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z', orderId, amountMinor);
const shown = async (customerId: string, orderId: string): Promise<Order> => (await app.call('orders:list', { customerId })).orders.find((o) => o.id === orderId)!;

/** An order's terms, returns and live payments straight from the tables, for the arithmetic above. */
function bySql(orderId: string): { terms: number; returned: number; paid: number } {
  return app.db.$client
    .prepare(
      `SELECT o.terms_unpaid_minor AS terms,
              -coalesce((SELECT sum(r.amount_minor) FROM orders r WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0) AS returned,
              coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND p.closed_at IS NULL), 0) AS paid
       FROM orders o WHERE o.id = ?`,
    )
    .get(orderId) as { terms: number; returned: number; paid: number };
}

describe('payments against what is owed after returns', () => {
  it('a sale of 100, a return of 30, then 100 paid: settled, and 30 paid past what was owed, in the view, the dialog and the summary', async () => {
    const id = await customer('退货后多收');
    const sale = await unpaidSale(id, '100');
    await giveBack(sale.id, '30');
    // The dialog refuses 100 here (owed 70.00); the 100 comes in as 70 here and 30 recorded on another laptop.
    expect(await app.dispatch('orders:record-payment', { id: sale.id, amount: '100' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['amount'], key: 'payment_out_of_range', params: { balance: '70.00' } }] },
    });
    await pay(sale.id, '70');
    payElsewhere(sale.id, 3000);
    const { terms, returned, paid } = bySql(sale.id);
    expect([terms, returned, paid]).toEqual([10000, 3000, 10000]);
    const want = expected(terms, returned, paid);
    expect(want).toEqual({ balance: 0, overpaid: 3000 });
    const order = await shown(id, sale.id);
    expect([order.balanceMinor, order.baseBalanceMinor, order.paymentStatus, order.overdue, order.overpaidMinor]).toEqual([want.balance, 0, 'paid', false, want.overpaid]);
    expect((await app.call('order-payments:list', { orderId: sale.id })).overpaidMinor).toBe(want.overpaid);
    const summary = await app.call('orders:summary', { customerId: id });
    expect([summary.balanceBaseMinor, summary.overdueBaseMinor]).toEqual([0, 0]);
  });

  it('a return recorded after the payments: 100 paid, then 30 returned is 30 to give back; 70 paid, then 30 returned is settled', async () => {
    const id = await customer('先收款后退货');
    const full = await unpaidSale(id, '100');
    await pay(full.id, '100');
    await giveBack(full.id, '30');
    const part = await unpaidSale(id, '100');
    await pay(part.id, '70');
    await giveBack(part.id, '30');
    for (const [sale, want] of [
      [full, { balance: 0, overpaid: 3000 }],
      [part, { balance: 0, overpaid: 0 }],
    ] as const) {
      const { terms, returned, paid } = bySql(sale.id);
      expect(expected(terms, returned, paid)).toEqual(want);
      const order = await shown(id, sale.id);
      expect([order.balanceMinor, order.paymentStatus, order.overpaidMinor, order.overdue]).toEqual([want.balance, 'paid', want.overpaid, false]);
      expect((await app.call('order-payments:list', { orderId: sale.id })).overpaidMinor).toBe(want.overpaid);
    }
  });

  it('a return of the whole sale after it was paid gives back all of it; before any payment it owes nothing and takes none', async () => {
    const id = await customer('整单退货');
    const paidFirst = await unpaidSale(id, '100');
    await pay(paidFirst.id, '40');
    await pay(paidFirst.id, '60');
    await giveBack(paidFirst.id, '100');
    expect(await shown(id, paidFirst.id)).toMatchObject({ balanceMinor: 0, overpaidMinor: 10000, paymentStatus: 'paid', overdue: false });
    const returnedFirst = await unpaidSale(id, '100');
    await giveBack(returnedFirst.id, '100');
    expect(await shown(id, returnedFirst.id)).toMatchObject({ balanceMinor: 0, overpaidMinor: 0, paymentStatus: 'paid', overdue: false });
    expect(await app.dispatch('orders:record-payment', { id: returnedFirst.id, amount: '1' })).toMatchObject({ ok: false, error: { issues: [{ key: 'nothing_owed' }] } });
  });

  it('terms paid at the counter: a return beyond what the terms left owed was refunded with the goods, so nothing is past it', async () => {
    const id = await customer('现结退货');
    const paidAtSale = await app.call('orders:create', { customerId: id, orderDate: '2026-11-01', currency: 'CNY', amount: '100', payment: { status: 'paid' } });
    await giveBack(paidAtSale.id, '30');
    expect(await shown(id, paidAtSale.id)).toMatchObject({ balanceMinor: 0, overpaidMinor: 0, paymentStatus: 'paid' });
    // Part paid 50 at the sale, 80 back: the 30 beyond the debt went back with the goods; a later 20 from elsewhere is past it.
    const part = await app.call('orders:create', { customerId: id, orderDate: '2026-11-01', currency: 'CNY', amount: '100', payment: { status: 'part', paid: '50' } });
    await giveBack(part.id, '80');
    payElsewhere(part.id, 2000);
    const { terms, returned, paid } = bySql(part.id);
    expect(expected(terms, returned, paid)).toEqual({ balance: 0, overpaid: 2000 });
    expect(await shown(id, part.id)).toMatchObject({ balanceMinor: 0, overpaidMinor: 2000 });
  });

  it('an order in another currency: its base balance is the currency balance at the locked rate, and 0 once settled', async () => {
    const id = await customer('外币退货');
    const sale = await unpaidSale(id, '100', 'USD');
    await giveBack(sale.id, '30');
    await pay(sale.id, '20.50');
    let order = await shown(id, sale.id);
    // 100 − 30 − 20.50 = 49.50 USD × 7.2 = 356.40 CNY.
    expect([order.balanceMinor, order.baseBalanceMinor, order.paymentStatus]).toEqual([4950, 35640, 'part']);
    expect((await app.call('orders:summary', { customerId: id })).balanceBaseMinor).toBe(Math.round(4950 * 7.2));
    await pay(sale.id, '49.50');
    payElsewhere(sale.id, 1000);
    order = await shown(id, sale.id);
    expect([order.balanceMinor, order.baseBalanceMinor, order.paymentStatus, order.overpaidMinor]).toEqual([0, 0, 'paid', 1000]);
    expect((await app.call('orders:summary', { customerId: id })).balanceBaseMinor).toBe(0);
  });

  it('holds over random sales, returns and payments in any order: every reader agrees with the arithmetic', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('return' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('pay' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('elsewhere' as const), minor: fc.integer({ min: 1, max: 20_000 }) }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('CNY', 'USD'),
        fc.array(step, { maxLength: 6 }),
        async (amountMinor, paidPercent, currency, steps) => {
          const id = await customer(`随机客户${++n}`);
          const paidAtSale = Math.floor((amountMinor * paidPercent) / 100);
          const payment = paidAtSale === 0 ? { status: 'unpaid' as const, dueDate: '2026-11-10' } : { status: 'part' as const, paid: (paidAtSale / 100).toFixed(2), dueDate: '2026-11-10' };
          const sale = paidAtSale === amountMinor
            ? await app.call('orders:create', { customerId: id, orderDate: '2026-11-01', currency, amount: (amountMinor / 100).toFixed(2), payment: { status: 'paid' } })
            : await app.call('orders:create', { customerId: id, orderDate: '2026-11-01', currency, amount: (amountMinor / 100).toFixed(2), payment });
          for (const s of steps) {
            const now = await shown(id, sale.id);
            if (s.kind === 'return') {
              const left = now.amountMinor - now.returnedMinor;
              const minor = Math.max(1, Math.floor(left * s.share));
              if (left > 0) await giveBack(sale.id, (minor / 100).toFixed(2));
            } else if (s.kind === 'pay') {
              const minor = Math.max(1, Math.floor(now.balanceMinor * s.share));
              if (now.balanceMinor > 0) await pay(sale.id, (minor / 100).toFixed(2));
            } else payElsewhere(sale.id, s.minor);
          }
          const { terms, returned, paid } = bySql(sale.id);
          const want = expected(terms, returned, paid);
          const order = await shown(id, sale.id);
          expect([order.balanceMinor, order.overpaidMinor]).toEqual([want.balance, want.overpaid]);
          expect(order.paymentStatus).toBe(want.balance === 0 ? 'paid' : paid === 0 && terms === amountMinor ? 'unpaid' : 'part');
          // Overdue (due 2026-11-10, today 2026-11-23) exactly while something is owed.
          expect(order.overdue).toBe(want.balance > 0);
          expect((await app.call('order-payments:list', { orderId: sale.id })).overpaidMinor).toBe(want.overpaid);
          // The base figure: 0 exactly when nothing is owed, else the balance at the locked rate within a cent of rounding.
          const rate = currency === 'USD' ? 7.2 : 1;
          if (want.balance === 0) expect(order.baseBalanceMinor).toBe(0);
          else expect(Math.abs(order.baseBalanceMinor - want.balance * rate)).toBeLessThanOrEqual(2);
          const summary = await app.call('orders:summary', { customerId: id });
          expect([summary.balanceBaseMinor, summary.overdueBaseMinor]).toEqual([order.baseBalanceMinor, order.baseBalanceMinor]);
          const owing = (await app.call('customers:list', { payment: 'overdue', search: `随机客户${n}` })).rows.map((r) => r.id);
          expect(owing.includes(id)).toBe(order.baseBalanceMinor > 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a settled order is never overdue', () => {
  it('settled by payments or by a return: off Today, the overdue filter and the summary; the export and the CLI drop its due date', async () => {
    const byPayment = await customer('付清逾期单');
    const paidOff = await unpaidSale(byPayment, '100');
    await pay(paidOff.id, '60');
    await pay(paidOff.id, '40');
    const byReturn = await customer('退货结清逾期单');
    const returned = await unpaidSale(byReturn, '100');
    await pay(returned.id, '70');
    await giveBack(returned.id, '30');
    const stillLate = await customer('仍然逾期');
    const late = await unpaidSale(stillLate, '100');
    await giveBack(late.id, '30');
    await pay(late.id, '50');

    // What is overdue, counted from the tables: sales whose terms less returns less payments stay above 0, due before today.
    const overdueBySql = (app.db.$client
      .prepare(
        `SELECT o.customer_id AS id FROM orders o
         WHERE o.kind = 'sale' AND o.deleted_at IS NULL AND o.payment_due_date < '2026-11-23'
           AND o.terms_unpaid_minor
               + coalesce((SELECT sum(r.amount_minor) FROM orders r WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0)
               - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL AND p.closed_at IS NULL), 0) > 0`,
      )
      .all() as { id: string }[]).map((r) => r.id);
    expect(overdueBySql).toEqual([stillLate]);

    const today = await app.call('today:list', {});
    const overdueOnToday = today.items.filter((i) => i.reasons.some((r) => r.key === 'payment_overdue')).map((i) => i.customerId);
    expect(overdueOnToday).toEqual(overdueBySql);
    const reason = today.items.find((i) => i.customerId === stillLate)!.reasons.find((r) => r.key === 'payment_overdue')!;
    expect(reason.params.amountMinor).toBe(10000 - 3000 - 5000);
    expect((await app.call('customers:list', { payment: 'overdue' })).rows.map((r) => r.id)).toEqual(overdueBySql);
    expect((await app.call('customers:list', { payment: 'owes' })).rows.map((r) => r.id)).toEqual(overdueBySql);
    for (const [customerId, orderId] of [
      [byPayment, paidOff.id],
      [byReturn, returned.id],
    ]) {
      expect(await shown(customerId!, orderId!)).toMatchObject({ balanceMinor: 0, overdue: false, paymentStatus: 'paid' });
      expect(await app.call('orders:summary', { customerId: customerId! })).toMatchObject({ balanceBaseMinor: 0, overdueBaseMinor: 0 });
    }
    expect(await shown(stillLate, late.id)).toMatchObject({ balanceMinor: 2000, overdue: true, paymentDueDate: '2026-11-10' });

    // The export's paid and due columns: settled orders carry no due date and read as paid in full.
    const path = join(app.dir, 'orders.csv');
    await app.call('export:orders', { path, language: 'en' });
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const column = (name: string) => header.findIndex((h) => h.replace(/"/g, '') === name);
    // The customer's sale, not its return: by the amount's sign (a return's id could hold "-30" as well as its amount).
    const rowOf = (customerName: string) =>
      lines.map((l) => l.split(',')).find((cells) => cells[column('Customer')] === customerName && Number(cells[column('Amount')]) > 0)!;
    const due = column('Payment due');
    expect(due).toBeGreaterThan(-1);
    expect(rowOf('付清逾期单')[due]).toBe('');
    expect(rowOf('退货结清逾期单')[due]).toBe('');
    expect(rowOf('仍然逾期')[due]).toBe('2026-11-10');
  });
});
