import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Undoing a customers batch that updated customers takes back what that batch changed and nothing else: a
 * later batch's changes and edits made in the app since stay, whichever batch is undone first. Every value is
 * read back by plain SQL.
 */
let app: TestApp;
let id: string;
beforeEach(async () => {
  app = openTestApp();
  id = (await app.call('customers:create', { name: '张三', tags: ['老客户'], contacts: [{ kind: 'phone', value: '13800138000' }] })).customer.id;
});
afterEach(() => app.cleanup());

let files = 0;
async function importCustomers(...lines: string[]): Promise<string> {
  const path = join(app.dir, `batch-${++files}.csv`);
  writeFileSync(path, lines.join('\n'));
  const result = await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' });
  expect(result).toMatchObject({ updated: 1, rejected: 0 });
  return result.batchId!;
}
const undo = (batchId: string) => app.call('import:undo', { batchId });
const stored = () =>
  app.db.$client.prepare(`SELECT name, industry, owner, tags, search_text AS searchText, sort_name AS sortName FROM customers WHERE id = ?`).get(id) as Record<string, string | null>;
const contacts = () =>
  app.db.$client.prepare(`SELECT kind || ':' || value FROM contact_channels WHERE customer_id = ? AND deleted_at IS NULL ORDER BY kind, value`).pluck().all(id) as string[];

describe('undo of batches that updated a customer', () => {
  it.each([
    ['the earlier batch first', [0, 1]],
    ['the later batch first', [1, 0]],
  ] as const)('two batches, each changing one thing, undone %s: each takes back only its own change', async (_order, sequence) => {
    const original = stored();
    const batches = [await importCustomers('客户名称,手机,行业', '张三,13800138000,五金'), await importCustomers('客户名称,手机,邮箱', '张三,13800138000,z@x.com')];
    expect([stored().industry, contacts()]).toEqual(['五金', ['email:z@x.com', 'phone:+8613800138000']]);

    await undo(batches[sequence[0]]!);
    expect([stored().industry, contacts()]).toEqual(sequence[0] === 0 ? [null, ['email:z@x.com', 'phone:+8613800138000']] : ['五金', ['phone:+8613800138000']]);
    await undo(batches[sequence[1]]!);
    expect(stored()).toEqual(original);
    expect(contacts()).toEqual(['phone:+8613800138000']);
  });

  it('keeps what was edited in the app since, and takes back the rest of the batch', async () => {
    const batch = await importCustomers('客户名称,手机,行业,负责人,标签', '张三,13800138000,五金,小李,VIP');
    expect(stored()).toMatchObject({ industry: '五金', owner: '小李', tags: JSON.stringify(['老客户', 'VIP']) });
    await app.call('customers:update', { id, customer: { name: '张三', industry: '建材', owner: '小李', tags: ['老客户', 'VIP', '月结'], contacts: [{ kind: 'phone', value: '13800138000' }] } });
    await undo(batch);
    // The industry was changed since and stays; the owner still held the batch's value and goes back; of the tags only the batch's goes.
    expect(stored()).toMatchObject({ industry: '建材', owner: null, tags: JSON.stringify(['老客户', '月结']) });
  });

  it('puts a name back with its search keys and sort key worked out again', async () => {
    const original = stored();
    const batch = await importCustomers('客户名称,手机', '李四,13800138000');
    expect(stored().name).toBe('李四');
    await undo(batch);
    expect(stored()).toEqual(original);
    expect((await app.call('customers:list', { search: 'zhangsan' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await app.call('customers:list', { search: 'lisi' })).total).toBe(0);
  });

  it('a batch recorded before after-images were kept is undone as before: the whole earlier state back', async () => {
    const batch = await importCustomers('客户名称,手机,行业', '张三,13800138000,五金');
    app.db.$client.prepare(`UPDATE import_batch_changes SET after = NULL WHERE batch_id = ?`).run(batch);
    await app.call('customers:update', { id, customer: { name: '张三', owner: '小王', industry: '五金', tags: ['老客户'], contacts: [{ kind: 'phone', value: '13800138000' }] } });
    await undo(batch);
    expect(stored()).toMatchObject({ industry: null, owner: null });
  });

  it('an image written before customers could be archived by import (no archived_at in it) is undone, the archived state kept', async () => {
    const batch = await importCustomers('客户名称,手机,行业', '张三,13800138000,五金');
    app.db.$client.prepare(`UPDATE import_batch_changes SET after = NULL, before = json_remove(before, '$.profile.archived_at') WHERE batch_id = ?`).run(batch);
    await app.call('customers:archive', { id, archived: true });
    await undo(batch);
    expect(stored()).toMatchObject({ industry: null });
    expect(app.db.$client.prepare(`SELECT archived_at IS NOT NULL FROM customers WHERE id = ?`).pluck().get(id)).toBe(1);
  });
});
