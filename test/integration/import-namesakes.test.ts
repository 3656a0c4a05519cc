import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let source: TestApp;
let target: TestApp;
beforeEach(() => {
  source = openTestApp();
  target = openTestApp();
});
afterEach(() => {
  source.cleanup();
  target.cleanup();
});

/** Each customer's name, first phone and how many orders and follow-ups they hold, by phone: what a user would compare. */
function books(app: TestApp) {
  return app.db.$client
    .prepare(
      `SELECT c.name, c.company, (SELECT min(value) FROM contact_channels k WHERE k.customer_id = c.id AND k.kind = 'phone' AND k.deleted_at IS NULL) AS phone,
              (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL) AS orders,
              (SELECT coalesce(sum(amount_minor), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL) AS amount,
              (SELECT count(*) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL) AS followUps
       FROM customers c WHERE c.deleted_at IS NULL ORDER BY phone, name`,
    )
    .all() as Array<{ name: string; company: string | null; phone: string | null; orders: number; amount: number; followUps: number }>;
}

describe('namesakes through export → import', () => {
  it('the whole demo (ten pairs of namesakes) imports into an empty workspace with the default settings as 360 customers, each with their own orders and follow-ups', async () => {
    await source.call('workspace:loadDemo', {});
    const before = books(source);
    expect(before).toHaveLength(360);
    // The demo's namesakes: same name and company, another phone each.
    const pairs = source.db.$client.prepare(`SELECT count(*) FROM (SELECT 1 FROM customers GROUP BY name, company HAVING count(*) > 1)`).pluck().get();
    expect(pairs).toBe(10);
    for (const [channel, kind] of [['export:customers', 'customers'], ['export:orders', 'orders'], ['export:followUps', 'followups']] as const) {
      const path = join(source.dir, `${kind}.xlsx`);
      const exported = await source.call(channel, { path });
      const imported = await target.call('import:commit', { kind, source: { path } });
      expect(imported, kind).toMatchObject({ rowsTotal: exported.rows, added: exported.rows, skipped: 0, rejected: 0, customersCreated: 0 });
    }
    const after = books(target);
    expect(after).toHaveLength(360);
    expect(after).toEqual(before);
    // Figures checked by hand on one pair: Emma Bakker of Bakker Trading B.V. holds 25 orders, her namesake 2.
    expect(after.filter((c) => c.name === 'Emma Bakker').map((c) => c.orders).sort((a, b) => a - b)).toEqual([2, 25]);
  });

  it('customer rows with different record IDs are different customers; a record ID met again, or a live customer’s own id, is that customer', async () => {
    const { customer: live } = await target.call('customers:create', { name: '王芳', company: '广州贸易', contacts: [{ kind: 'phone', value: '13800138000' }] });
    const path = join(target.dir, 'customers.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      path,
      [
        '客户名称,公司名称,负责人,系统ID',
        // Two namesakes of the file: another record ID each, so two customers.
        '李雷,深圳电子,小王,rec-1',
        '李雷,深圳电子,小李,rec-2',
        // rec-1 again: the same customer as row 2.
        '李雷,深圳电子,小张,rec-1',
        // The live customer's own id (a file exported from this workspace): that customer, whatever the name says now.
        `王芳（广州）,广州贸易,小赵,${live.id}`,
      ].join('\n'),
    );
    const result = await target.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' });
    expect(result).toMatchObject({ added: 2, updated: 2, rejected: 0 });
    const rows = target.db.$client.prepare(`SELECT name, company, owner FROM customers WHERE deleted_at IS NULL ORDER BY name, owner`).all();
    expect(rows).toEqual([
      { name: '李雷', company: '深圳电子', owner: '小张' },
      { name: '李雷', company: '深圳电子', owner: '小李' },
      { name: '王芳（广州）', company: '广州贸易', owner: '小赵' },
    ]);
  });

  it('an order row whose code nobody has is not given to a namesake who has another code; a phone nobody has still links by name', async () => {
    await target.call('customers:create', { name: '王芳', contacts: [{ kind: 'phone', value: '13800138000' }] });
    await target.call('customers:create', { name: '陈静' });
    const { writeFileSync } = await import('node:fs');
    // A customer code comes with imported customers (the app's form has none).
    const customers = join(target.dir, 'customers.csv');
    writeFileSync(customers, '客户名称,客户编号\n张伟,C-1\n');
    expect(await target.call('import:commit', { kind: 'customers', source: { path: customers } })).toMatchObject({ added: 1 });
    const path = join(target.dir, 'orders.csv');
    writeFileSync(
      path,
      [
        '客户名称,电话,客户编号,下单日期,金额',
        // 王芳 with her own phone, and 王芳 by name alone: hers.
        '王芳,13800138000,,2026-01-05,100',
        '王芳,,,2026-01-06,200',
        // 王芳 with a phone she does not have (a second number, a new one): still hers by name.
        '王芳,13900139000,,2026-01-07,300',
        // Another 张伟 (a code he does not have): a code is one customer's own, so nobody's.
        '张伟,,C-2,2026-01-08,400',
        // 陈静 has no phone: found by name, as before.
        '陈静,13700137000,,2026-01-09,500',
      ].join('\n'),
    );
    const result = await target.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(result).toMatchObject({ added: 4, rejected: 1 });
    expect(result.errors.map((e) => [e.row, e.header, e.reason])).toEqual([[5, '客户编号', 'unknown_customer']]);
    const byName = target.db.$client.prepare(`SELECT c.name, sum(o.amount_minor) AS total FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.id ORDER BY c.name`).all();
    expect(byName).toEqual([
      { name: '王芳', total: 60000 },
      { name: '陈静', total: 50000 },
    ]);
    // With "create unknown customers" the other 张伟 becomes a customer of his own, code and all.
    const rest = join(target.dir, 'orders-rest.csv');
    writeFileSync(rest, ['客户名称,电话,客户编号,下单日期,金额', '张伟,,C-2,2026-01-08,400'].join('\n'));
    const created = await target.call('import:commit', { kind: 'orders', source: { path: rest }, unknownCustomers: 'create' });
    expect(created).toMatchObject({ added: 1, customersCreated: 1 });
    expect(target.db.$client.prepare(`SELECT code FROM customers WHERE name = '张伟' ORDER BY code`).pluck().all()).toEqual(['C-1', 'C-2']);
    const zhangs = target.db.$client.prepare(`SELECT c.code, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL) AS orders FROM customers c WHERE name = '张伟' ORDER BY code`).all();
    expect(zhangs).toEqual([
      { code: 'C-1', orders: 0 },
      { code: 'C-2', orders: 1 },
    ]);
  });
});
