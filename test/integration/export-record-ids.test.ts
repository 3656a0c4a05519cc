import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupI18n } from '../../renderer/i18n';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Namesakes through export → import: the orders, order-lines and follow-ups exports carry the customer's record ID
 * (客户系统ID), a customers import gives each new customer its row's record ID, and orders and follow-ups find their
 * customer by it first. Two customers called 李四 with nothing else to tell them apart keep their own orders.
 */
let source: TestApp;
let target: TestApp;
beforeEach(async () => {
  source = openTestApp();
  target = openTestApp();
  for (const app of [source, target]) await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

/** Namesakes of every kind, each with their own orders and follow-ups; returns the customers' ids. */
async function namesakes(app: TestApp): Promise<string[]> {
  const people = [
    { name: '张三', contacts: [{ kind: 'phone' as const, value: '13800138000' }] },
    { name: '张三' },
    { name: '张三', company: '广州贸易' },
    // Twins in the book: the same name and nothing else.
    { name: '李四' },
    { name: '李四' },
    { name: '王五', contacts: [{ kind: 'phone' as const, value: '13900139000' }] },
  ];
  const ids: string[] = [];
  for (const [i, person] of people.entries()) {
    const { customer } = await app.call('customers:create', person);
    ids.push(customer.id);
    // A different number of orders and follow-ups each, so a customer given another's shows.
    for (let n = 0; n <= i; n++) await app.call('orders:create', { customerId: customer.id, orderDate: `2026-0${1 + (n % 9)}-1${i}`, amount: `${100 * (i + 1) + n}`, currency: 'CNY' });
    for (let n = 0; n < 6 - i; n++) await app.call('followups:create', { customerId: customer.id, occurredAt: `2026-0${1 + n}-0${1 + i}T02:00:00.000Z`, channel: 'call', content: `第${n + 1}次 ${person.name}` });
  }
  return ids;
}

/** Each customer's orders (count and sum) and follow-ups, by the customer's id: plain SQL, as the books hold them. */
const books = (app: TestApp) =>
  app.db.$client
    .prepare(
      `SELECT c.id, c.name, c.company,
              (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL) AS orders,
              (SELECT coalesce(sum(o.amount_minor), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL) AS amount,
              (SELECT count(*) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL) AS followUps
       FROM customers c WHERE c.deleted_at IS NULL ORDER BY c.id`,
    )
    .all();

describe('the customer record ID in the orders and follow-ups exports', () => {
  it.each(['csv', 'xlsx'] as const)('customers, orders and follow-ups exported as .%s import into an empty workspace with every order and follow-up on its own customer', async (format) => {
    const ids = await namesakes(source);
    for (const [channel, kind] of [['export:customers', 'customers'], ['export:orders', 'orders'], ['export:followUps', 'followups']] as const) {
      const path = join(source.dir, `${kind}.${format}`);
      const exported = await source.call(channel, { path, language: format === 'csv' ? 'en' : 'zh-CN' });
      const imported = await target.call('import:commit', { kind, source: { path } });
      expect(imported, kind).toMatchObject({ rowsTotal: exported.rows, added: exported.rows, rejected: 0, skipped: 0, customersCreated: 0 });
    }
    // Each customer came in under its record ID: the same customers, the same orders and follow-ups each.
    expect(books(target)).toEqual(books(source));
    expect(books(target).map((c) => (c as { id: string }).id)).toEqual([...ids].sort());
    // The twins, by hand: the first 李四 has 4 orders and 3 follow-ups, the second 5 and 2.
    expect(books(target).filter((c) => (c as { name: string }).name === '李四')).toMatchObject([
      { orders: 4, followUps: 3 },
      { orders: 5, followUps: 2 },
    ]);
  });

  it('order lines carry it too: their orders find the twins after the customers', async () => {
    const [, , , first, second] = await namesakes(source);
    await source.call('orders:create', { customerId: first!, orderDate: '2026-05-01', currency: 'CNY', lines: [{ name: '龙井', quantity: 2, unitPrice: '50' }] });
    await source.call('orders:create', { customerId: second!, orderDate: '2026-05-02', currency: 'CNY', lines: [{ name: '碧螺春', quantity: 1, unitPrice: '80' }] });
    const customers = join(source.dir, 'customers.csv');
    await source.call('export:customers', { path: customers });
    await target.call('import:commit', { kind: 'customers', source: { path: customers } });
    const lines = join(source.dir, 'lines.xlsx');
    await source.call('export:orderLines', { path: lines });
    expect(await target.call('import:commit', { kind: 'orders', source: { path: lines } })).toMatchObject({ added: 2, rejected: 0, customersCreated: 0 });
    const byCustomer = target.db.$client.prepare(`SELECT customer_id AS id, amount_minor AS amount FROM orders ORDER BY customer_id`).all();
    expect(byCustomer).toEqual([
      { id: first, amount: 10000 },
      { id: second, amount: 8000 },
    ]);
  });

  it('without the customers, "create unknown customers" makes one customer per record ID, whom the follow-ups then find', async () => {
    await namesakes(source);
    for (const [channel, kind] of [['export:orders', 'orders'], ['export:followUps', 'followups']] as const) {
      const path = join(source.dir, `${kind}.csv`);
      const exported = await source.call(channel, { path });
      const imported = await target.call('import:commit', { kind, source: { path }, unknownCustomers: 'create' });
      // The orders create all six customers (every one has an order); the follow-ups create nobody.
      expect(imported, kind).toMatchObject({ added: exported.rows, rejected: 0, customersCreated: kind === 'orders' ? 6 : 0 });
    }
    expect(books(target)).toEqual(books(source));
  });

  it('a record ID nobody has links by the other keys, but never to a customer this file linked to another record ID', async () => {
    setupI18n('en');
    const { customer: li } = await target.call('customers:create', { name: '李四' });
    const path = join(target.dir, 'orders.csv');
    writeFileSync(
      path,
      [
        '客户名称,下单日期,金额,客户系统ID',
        // The live customer's own id: that customer.
        `李四,2026-03-01,100,${li.id}`,
        // Another record ID of the same name, in the same file: another 李四, whom this workspace does not have.
        '李四,2026-03-02,200,01a24be7-0000-7000-8000-000000000002',
        // A record ID nobody has, of a name nobody else has here: found by the name, as before.
        '王五,2026-03-03,300,01a24be7-0000-7000-8000-000000000003',
      ].join('\n'),
    );
    await target.call('customers:create', { name: '王五' });
    const refused = await target.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(refused).toMatchObject({ added: 2, rejected: 1 });
    // Not "no such customer": the name finds one, whom the file gave another record ID; said in both languages.
    expect(refused.errors.map((e) => [e.row, e.header, e.reason])).toEqual([[3, '客户系统ID', 'customer_record_id_elsewhere']]);
    expect(refused.errors[0]!.message).toBe(
      'Row 3, column "客户系统ID" "01a24be7-0000-7000-8000-000000000002": is no customer here, and the customer the other columns find is not this one: an earlier row of this file gives that customer another record ID (import with --create-customers, or "create unknown customers" in the app, to add this one).',
    );
    const screen = (lng: 'zh-CN' | 'en') => i18next.getFixedT(lng, 'importing')('reasons.customer_record_id_elsewhere');
    expect(screen('zh-CN')).toBe('没有这个系统ID的客户；其他列找到的客户在本文件前面的行中对应另一个系统ID，不是这一位（把“找不到的客户”选为“新建客户”可新建这位客户）');
    expect(screen('en')).toBe('No customer has this record ID, and the customer the other columns find is someone else: an earlier row of this file gives them another record ID (set Unknown customer to Create them to add this one)');
    await target.call('import:undo', { batchId: refused.batchId! });
    // With "create unknown customers" the other 李四 is a customer of their own, under that record ID.
    const created = await target.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
    expect(created).toMatchObject({ added: 3, customersCreated: 1 });
    const rows = target.db.$client.prepare(`SELECT c.id, c.name, sum(o.amount_minor) AS amount FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL GROUP BY c.id ORDER BY amount`).all();
    expect(rows).toEqual([
      { id: li.id, name: '李四', amount: 10000 },
      { id: '01a24be7-0000-7000-8000-000000000002', name: '李四', amount: 20000 },
      { id: expect.any(String), name: '王五', amount: 30000 },
    ]);
  });
});
