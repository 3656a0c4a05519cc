import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/table-counts';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Orders and follow-ups find their customer by code, phone or name (+ company). A key several live customers
 * share names none of them: the row is refused as ambiguous instead of going to the first of them.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  // Two customers with one name, company, phone and code (created anyway as duplicates), and one of their own.
  const customers = join(app.dir, 'customers.csv');
  writeFileSync(customers, ['客户名称,公司,手机,客户编号', '张三,华南贸易,13800138000,C1', '张三,华南贸易,13800138000,C1', '李四,华南贸易,13900139000,C2'].join('\n'));
  const created = await app.call('import:commit', { kind: 'customers', source: { path: customers }, duplicates: 'create' });
  expect(created.added).toBe(3);
});
afterEach(() => app.cleanup());

const file = (name: string, lines: string[]) => {
  const path = join(app.dir, name);
  writeFileSync(path, lines.join('\n'));
  return { path };
};
const count = (sql: string) => app.db.$client.prepare(sql).pluck().get() as number;

describe('a customer key several customers share', () => {
  it('refuses orders linked by name and company, by phone or by code, writing nothing; the unique customer still links', async () => {
    const before = tableCounts(app.db.$client);
    const cases = [
      { header: '客户名称,公司,日期,金额', row: '张三,华南贸易,2026-01-05,100', column: '客户名称' },
      { header: '客户名称,日期,金额', row: '张三,2026-01-05,100', column: '客户名称' },
      { header: '手机,日期,金额', row: '13800138000,2026-01-05,100', column: '手机' },
      { header: '客户编号,日期,金额', row: 'C1,2026-01-05,100', column: '客户编号' },
    ];
    for (const c of cases) {
      const source = file('orders.csv', [c.header, c.row]);
      await expect(app.call('import:commit', { kind: 'orders', source, dateOrder: 'ymd' }), c.header).rejects.toMatchObject({ issues: [{ key: 'import_rows_rejected' }] });
      const preview = await app.call('import:preview', { kind: 'orders', source, dateOrder: 'ymd' });
      expect(preview.errors.map((e) => [e.row, e.header, e.reason]), c.header).toEqual([[2, c.column, 'ambiguous_customer']]);
      expect(preview.errors[0]!.message).toContain('several customers share this value');
    }
    expect(tableCounts(app.db.$client)).toEqual(before);

    // Skipping bad rows: the shared name is refused, 李四's order goes in.
    const mixed = file('mixed.csv', ['客户名称,公司,日期,金额', '张三,华南贸易,2026-01-05,100', '李四,华南贸易,2026-01-06,200']);
    const done = await app.call('import:commit', { kind: 'orders', source: mixed, dateOrder: 'ymd', onError: 'skip' });
    expect([done.added, done.rejected, done.errors[0]!.reason]).toEqual([1, 1, 'ambiguous_customer']);
    expect(count(`SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = '李四'`)).toBe(1);
    expect(count(`SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = '张三'`)).toBe(0);
  });

  it('refuses follow-ups linked by the shared name the same way', async () => {
    const source = file('followups.csv', ['客户名称,公司,跟进时间,跟进内容', '张三,华南贸易,2026-01-05,电话沟通', '李四,华南贸易,2026-01-06,微信报价']);
    const preview = await app.call('import:preview', { kind: 'followups', source, dateOrder: 'ymd' });
    expect(preview.errors.map((e) => [e.row, e.reason])).toEqual([[2, 'ambiguous_customer']]);
    expect(preview.added).toBe(1);
    await expect(app.call('import:commit', { kind: 'followups', source, dateOrder: 'ymd' })).rejects.toMatchObject({ issues: [{ key: 'import_rows_rejected' }] });
    expect(count('SELECT count(*) FROM follow_ups')).toBe(0);
  });

  it('a customer row updating a shared key is refused (which one to update is a guess); skipping it as a duplicate still works', async () => {
    const source = file('again.csv', ['客户名称,公司,备注', '张三,华南贸易,新备注']);
    const before = tableCounts(app.db.$client);
    const update = await app.call('import:preview', { kind: 'customers', source, duplicates: 'update' });
    expect(update.errors.map((e) => [e.row, e.reason])).toEqual([[2, 'ambiguous_customer']]);
    await expect(app.call('import:commit', { kind: 'customers', source, duplicates: 'update' })).rejects.toMatchObject({ issues: [{ key: 'import_rows_rejected' }] });
    expect(tableCounts(app.db.$client)).toEqual(before);
    expect(count(`SELECT count(*) FROM customers WHERE notes = '新备注'`)).toBe(0);
    const skipped = await app.call('import:commit', { kind: 'customers', source, duplicates: 'skip' });
    expect([skipped.skipped, skipped.rejected]).toEqual([1, 0]);
  });
});
