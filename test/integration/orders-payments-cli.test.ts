import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/contract';
import { cli } from '../support/cli';
import { openTestApp } from '../support/test-app';

/**
 * `orders payments --order ID`: the payments recorded on an order (order_payments), as the payment dialog lists them,
 * latest first, with who recorded each and those an edit of the order took into its terms; checked against plain SQL.
 */
let dir: string;
let db: string;
let paidOrder: string;
let unpaidOrder: string;
let customerId: string;
let returnedOverpaid: string;
let returnedSettled: string;
let partPaid: string;

beforeAll(async () => {
  const app = openTestApp('2026-11-23');
  customerId = (await app.call('customers:create', { name: '陈记茶行' })).customer.id;
  const sale = (amount: string) => app.call('orders:create', { customerId, orderDate: '2026-11-01', currency: 'CNY', amount, payment: { status: 'unpaid', dueDate: '2026-12-01' } });
  paidOrder = (await sale('300')).id;
  // Entered part paid, ¥1,500.00 of ¥3,000.00 with the order: that part is in the terms, not a payment row.
  partPaid = (await app.call('orders:create', { customerId, orderDate: '2026-11-02', currency: 'CNY', amount: '3000', payment: { status: 'part', paid: '1500', dueDate: '2026-12-01' } })).id;
  await app.call('orders:record-payment', { id: partPaid, amount: '500' });
  unpaidOrder = (await sale('80')).id;
  // 100.00 with 30.00 of it returned: 70.00 paid settles it; 70.00 here and 30.00 on another laptop pass it by 30.00.
  returnedSettled = (await sale('100')).id;
  returnedOverpaid = (await sale('100')).id;
  for (const id of [returnedSettled, returnedOverpaid]) {
    await app.call('orders:return', { orderId: id, amount: '30', orderDate: '2026-11-05' });
    await app.call('orders:record-payment', { id, amount: '70' });
  }
  await app.call('orders:record-payment', { id: paidOrder, amount: '100' });
  // The order edited with its payment said anew (part paid 250.00): the 100.00 is taken into the edit.
  await app.call('orders:update', { id: paidOrder, order: { customerId, orderDate: '2026-11-01', currency: 'CNY', amount: '300', payment: { status: 'part', paid: '250', dueDate: '2026-12-01' } } });
  await app.call('orders:record-payment', { id: paidOrder, amount: '20' });
  const raw = app.db.$client;
  // Recorded by a team member; and one from another laptop before it synced, which takes the order past what it owed.
  raw.prepare(`UPDATE order_payments SET recorded_by = '王芳' WHERE order_id = ? AND amount_minor = 2000`).run(paidOrder);
  raw
    .prepare(`INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on, recorded_by) VALUES (?, ?, ?, ?, 4000, '2026-11-20', NULL)`)
    .run(randomUUID(), '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z', paidOrder);
  raw
    .prepare(`INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on, recorded_by) VALUES (?, ?, ?, ?, 3000, '2026-11-21', '李雷')`)
    .run(randomUUID(), '2026-11-21T08:00:00.000Z', '2026-11-21T08:00:00.000Z', returnedOverpaid);
  app.close();
  dir = app.dir;
  db = app.dbPath;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = { id: string; amount: number; paidOn: string; recordedBy: string | null; closed: number };

/** The order's payments by plain SQL: not deleted, latest day first (then latest recorded); closed when the edit whose terms stand took them in. */
function paymentsBySql(orderId: string): Row[] {
  const raw = new Database(db, { readonly: true });
  try {
    return raw
      .prepare(
        `SELECT p.id, p.amount_minor AS amount, p.paid_on AS paidOn, p.recorded_by AS recordedBy, (p.closed_at IS NOT NULL AND p.closed_at = o.terms_set_at) AS closed
         FROM order_payments p JOIN orders o ON o.id = p.order_id WHERE p.order_id = ? AND p.deleted_at IS NULL ORDER BY p.paid_on DESC, p.created_at DESC, p.id DESC`,
      )
      .all(orderId) as Row[];
  } finally {
    raw.close();
  }
}

const decimal = (minor: number) => (minor / 100).toFixed(2);

describe('orders payments on the command line', () => {
  it('--json lists the payments as order_payments holds them, with the currency and what they pass the owed amount by', () => {
    const run = cli('orders', 'payments', '--db', db, '--order', paidOrder, '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const printed = JSON.parse(run.stdout) as OutputOf<'order-payments:list'>;
    const rows = paymentsBySql(paidOrder);
    expect(rows.length).toBe(3);
    expect(printed.payments.map((p) => [p.id, p.amountMinor, p.paidOn, p.recordedBy, p.closedAt !== null])).toEqual(rows.map((r) => [r.id, r.amount, r.paidOn, r.recordedBy, r.closed === 1]));
    expect(printed.currency).toBe('CNY');
    // Owed after the edit: 300.00 − 250.00 = 50.00; live payments 20.00 + 40.00 = 60.00: 10.00 past it.
    expect(printed.overpaidMinor).toBe(rows.filter((r) => r.closed === 0).reduce((sum, r) => sum + r.amount, 0) - (30000 - 25000));
    expect(printed.overpaidMinor).toBe(1000);
  });

  it('in English: a line per payment in the dialog\'s words, the count and sum, and the overpayment', () => {
    const run = cli('orders', 'payments', '--db', db, '--order', paidOrder, '--lang', 'en');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n');
    const rows = paymentsBySql(paidOrder);
    expect(lines[0]).toBe(`Payments recorded on order ${paidOrder}`);
    // Its edit said part paid 250.00 of 300.00 (taking in the 100.00 recorded before it).
    expect(lines[1]).toBe(`Paid with the order: ${decimal(30000 - 5000)} CNY (stated in the order’s payment, not listed as a payment)`);
    expect(lines[2]).toMatch(/^ {2}Paid on +Amount +Recorded by$/);
    rows.forEach((r, i) => {
      const who = r.recordedBy ?? 'Not named';
      expect(lines[3 + i]).toMatch(new RegExp(`^  ${r.paidOn} +${decimal(r.amount)} CNY  ${who}${r.closed ? '  \\(In the order’s edit\\)' : ''}$`));
    });
    // The amounts end in one column.
    const ends = rows.map((_, i) => lines[3 + i]!.indexOf(' CNY'));
    expect(new Set(ends).size).toBe(1);
    const total = rows.reduce((sum, r) => sum + r.amount, 0);
    expect(lines[3 + rows.length]).toBe(`3 payments, ${decimal(total)} CNY in all`);
    expect(lines[4 + rows.length]).toBe(
      'Payments exceed what was owed after returns by 10.00 CNY (goods returned after they were paid for, or two laptops each recorded a payment before they synced). The payments stand and nothing is owed; the difference is the customer’s, to give back or carry to another order.',
    );
    expect(lines.length).toBe(5 + rows.length);
  });

  it('in Chinese, in the payment dialog\'s words', () => {
    const run = cli('orders', 'payments', '--db', db, '--order', paidOrder, '--lang', 'zh-CN');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n');
    const rows = paymentsBySql(paidOrder);
    expect(lines[0]).toBe(`订单 ${paidOrder} 已登记的收款`);
    expect(lines[1]).toBe(`下单时已付 ${decimal(30000 - 5000)} CNY（填在订单的付款情况里，不另列为收款）`);
    expect(lines[2]).toMatch(/^ {2}收款日期 +金额 +登记人$/);
    rows.forEach((r, i) => {
      const who = r.recordedBy ?? '未记名';
      expect(lines[3 + i]).toMatch(new RegExp(`^  ${r.paidOn} +${decimal(r.amount)} CNY  ${who}${r.closed ? '（已计入订单修改）' : ''}$`));
    });
    expect(lines[3 + rows.length]).toBe(`共 3 笔收款，合计 ${decimal(rows.reduce((sum, r) => sum + r.amount, 0))} CNY`);
    expect(lines[4 + rows.length]).toMatch(/^收款比退货后应收的多 10\.00 CNY（/);
  });

  it('measures payments against what is owed after returns: sale − returns − payments, past 0 said as overpaid', () => {
    const bySql = (id: string) => {
      const raw = new Database(db, { readonly: true });
      try {
        return raw
          .prepare(
            `SELECT o.amount_minor + coalesce((SELECT sum(r.amount_minor) FROM orders r WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0)
                    - coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND p.deleted_at IS NULL), 0) FROM orders o WHERE o.id = ?`,
          )
          .pluck()
          .get(id) as number;
      } finally {
        raw.close();
      }
    };
    expect([bySql(returnedSettled), bySql(returnedOverpaid)]).toEqual([0, -3000]);
    const over = JSON.parse(cli('orders', 'payments', '--db', db, '--order', returnedOverpaid, '--json').stdout) as OutputOf<'order-payments:list'>;
    expect(over.overpaidMinor).toBe(-bySql(returnedOverpaid));
    expect(JSON.parse(cli('orders', 'payments', '--db', db, '--order', returnedSettled, '--json').stdout).overpaidMinor).toBe(0);
    const en = cli('orders', 'payments', '--db', db, '--order', returnedOverpaid, '--lang', 'en').stdout;
    expect(en).toContain('Payments exceed what was owed after returns by 30.00 CNY');
    // The order list: settled says paid, owing nothing; the other says by how much it was overpaid.
    const listed = cli('orders', 'list', '--db', db, '--customer', customerId, '--lang', 'en').stdout.split('\n');
    const lineOf = (id: string) => listed.find((l) => l.includes(id))!;
    expect(lineOf(returnedSettled)).toMatch(/ paid {2}/);
    expect(lineOf(returnedSettled)).not.toMatch(/owes|overpaid|OVERDUE/);
    expect(lineOf(returnedOverpaid)).toMatch(/ paid, overpaid by 30\.00 CNY {2}/);
    expect(cli('orders', 'list', '--db', db, '--customer', customerId, '--lang', 'zh-CN').stdout.split('\n').find((l) => l.includes(returnedOverpaid))).toContain('，多收 30.00 CNY');
  });

  it('an order without payments says so in either language; --json lists none', () => {
    expect(paymentsBySql(unpaidOrder)).toEqual([]);
    expect(cli('orders', 'payments', '--db', db, '--order', unpaidOrder, '--lang', 'en').stdout).toBe(`Payments recorded on order ${unpaidOrder}\nNo payment recorded yet.\n`);
    expect(cli('orders', 'payments', '--db', db, '--order', unpaidOrder, '--lang', 'zh-CN').stdout).toBe(`订单 ${unpaidOrder} 已登记的收款\n还没有登记收款。\n`);
    expect(JSON.parse(cli('orders', 'payments', '--db', db, '--order', unpaidOrder, '--json').stdout)).toEqual({ payments: [], currency: 'CNY', overpaidMinor: 0, paidWithOrderMinor: 0 });
  });

  it('says what the order itself said was paid with it, above the payments: the amount less what its terms left unpaid', () => {
    const raw = new Database(db, { readonly: true });
    const terms = raw.prepare(`SELECT amount_minor AS amount, terms_unpaid_minor AS unpaid FROM orders WHERE id = ?`).get(partPaid) as { amount: number; unpaid: number };
    raw.close();
    expect(terms).toEqual({ amount: 300000, unpaid: 150000 });
    const json = JSON.parse(cli('orders', 'payments', '--db', db, '--order', partPaid, '--json').stdout) as OutputOf<'order-payments:list'>;
    expect(json.paidWithOrderMinor).toBe(terms.amount - terms.unpaid);
    // The payment recorded since is listed apart, and not counted into what was paid with the order.
    expect(json.payments.map((p) => p.amountMinor)).toEqual([50000]);
    const en = cli('orders', 'payments', '--db', db, '--order', partPaid, '--lang', 'en').stdout.split('\n');
    expect(en[1]).toBe('Paid with the order: 1500.00 CNY (stated in the order’s payment, not listed as a payment)');
    const zh = cli('orders', 'payments', '--db', db, '--order', partPaid, '--lang', 'zh-CN').stdout.split('\n');
    expect(zh[1]).toBe('下单时已付 1500.00 CNY（填在订单的付款情况里，不另列为收款）');
    // A return paid nothing with it.
    const aReturn = JSON.parse(cli('orders', 'list', '--db', db, '--customer', customerId, '--json').stdout).orders.find((o: { kind: string }) => o.kind === 'return').id as string;
    expect(JSON.parse(cli('orders', 'payments', '--db', db, '--order', aReturn, '--json').stdout).paidWithOrderMinor).toBe(0);
  });

  it('refuses a missing --order, and names an order that is not there', () => {
    const missing = cli('orders', 'payments', '--db', db, '--lang', 'en');
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('--order');
    const unknown = randomUUID();
    const notThere = cli('orders', 'payments', '--db', db, '--order', unknown, '--lang', 'en');
    expect(notThere.code).toBe(1);
    expect(notThere.stderr).toContain(unknown);
  });
});
