/**
 * One customer's phone entered as another's WhatsApp number was not flagged: contacts were compared kind by
 * kind. Phones and WhatsApp numbers are both stored in E.164 (the form their search keys are made from), and
 * now compare across the two kinds, on create, on edit, in the form's check and on the duplicates screen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

describe('a number that is one customer’s phone and another’s WhatsApp', () => {
  it('is a possible duplicate on create, on edit and in the form’s check, whichever way round and however typed', async () => {
    const byPhone = (await app.call('customers:create', { name: '张三', contacts: [{ kind: 'phone', value: '138 0013 8000' }] })).customer;
    const created = await app.call('customers:create', { name: 'Zhang San', contacts: [{ kind: 'whatsapp', value: '+86 138-0013-8000' }] });
    expect(created.duplicates).toEqual([{ customerId: byPhone.id, name: '张三', company: null, kind: 'phone', value: '+8613800138000' }]);

    const check = await app.call('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: '0086 13800138000' }], excludeId: byPhone.id });
    expect(check.duplicates).toEqual([{ customerId: created.customer.id, name: 'Zhang San', company: null, kind: 'whatsapp', value: '+8613800138000' }]);

    const other = (await app.call('customers:create', { name: '李四', contacts: [{ kind: 'phone', value: '13900139000' }] })).customer;
    const edited = await app.call('customers:update', { id: other.id, customer: { name: '李四', contacts: [{ kind: 'whatsapp', value: '13800138000' }] } });
    expect(edited.duplicates.map((d) => [d.customerId, d.kind]).sort()).toEqual([[byPhone.id, 'phone'], [created.customer.id, 'whatsapp']].sort());
    // Other kinds still compare only with their own kind.
    expect((await app.call('customers:checkDuplicates', { contacts: [{ kind: 'wechat', value: '13800138000' }] })).duplicates).toEqual([]);
  });

  it('groups the two customers on the duplicates screen, and one customer with the number as both is no group', async () => {
    const phone = (await app.call('customers:create', { name: '王芳', contacts: [{ kind: 'phone', value: '+8613700137000' }] })).customer.id;
    const whatsapp = (await app.call('customers:create', { name: 'Fang Wang', contacts: [{ kind: 'whatsapp', value: '13700137000' }] })).customer.id;
    await app.call('customers:create', { name: '赵六', contacts: [{ kind: 'phone', value: '13600136000' }, { kind: 'whatsapp', value: '13600136000' }] });
    const { total, groups } = await app.call('customers:duplicates', {});
    expect(total).toBe(1);
    expect(groups[0]!.customers.map((c) => c.id).sort()).toEqual([phone, whatsapp].sort());
    expect(groups[0]!.reasons).toEqual([{ kind: 'phone', value: '+8613700137000' }]);
  });
  it('is a duplicate on import too: a row whose phone is a customer\'s WhatsApp, or another row\'s, is that customer', async () => {
    const byWhatsApp = (await app.call('customers:create', { name: 'Zhang San', contacts: [{ kind: 'whatsapp', value: '+86 138 0013 8000' }] })).customer;
    const path = join(app.dir, 'customers.csv');
    writeFileSync(path, ['客户名称,电话,WhatsApp', '张三,13800138000,', '李四,,+86 139 0013 9000', '李四（店）,13900139000,', '王五,13700137000,'].join('\n'));
    const result = await app.call('import:commit', { kind: 'customers', source: { path } });
    expect(result).toMatchObject({ added: 2, skipped: 2, rejected: 0 });
    expect(result.duplicates.map((d) => [d.row, d.customerId === byWhatsApp.id ? 'existing' : d.inFile ? 'in file' : 'other', d.via, d.action])).toEqual([
      [2, 'existing', 'phone', 'skipped'],
      [4, 'in file', 'phone', 'skipped'],
    ]);
    // Counted with plain SQL: Zhang San, 李四 and 王五, each number held once.
    const held = app.db.$client.prepare(`SELECT value, count(DISTINCT customer_id) AS n FROM contact_channels WHERE deleted_at IS NULL GROUP BY value ORDER BY value`).all();
    expect(held).toEqual([
      { value: '+8613700137000', n: 1 },
      { value: '+8613800138000', n: 1 },
      { value: '+8613900139000', n: 1 },
    ]);
  });
});
