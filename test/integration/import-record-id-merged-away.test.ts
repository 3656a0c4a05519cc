import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * An export made before a merge names the merged-away customer by its record ID (客户系统ID). Imported after the
 * merge, its rows go to the customer it was merged into, following later merges, as the app moves rows written on a
 * merged-away customer; a customer deleted by hand is no one's, and its record ID names nobody.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东', baseCurrency: 'CNY' });
});
afterEach(() => app.cleanup());

const add = async (name: string) => (await app.call('customers:create', { name })).customer.id;
const ordersOf = () =>
  app.db.$client.prepare(`SELECT c.name, o.amount_minor AS amount FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.deleted_at IS NULL ORDER BY o.amount_minor`).all();

function ordersFile(rows: Array<[name: string, amount: number, recordId: string]>): string {
  const path = join(app.dir, 'orders.csv');
  writeFileSync(path, ['客户名称,下单日期,金额,客户系统ID', ...rows.map(([name, amount, id]) => `${name},2026-03-01,${amount},${id}`)].join('\n'));
  return path;
}

describe('a record ID of a customer merged away', () => {
  it('links orders and follow-ups to the customer it went into, through a chain of merges', async () => {
    const [a, b, c] = [await add('王芳甲'), await add('王芳乙'), await add('王芳丙')];
    await app.call('customers:merge', { keepId: b, mergeIds: [a] });
    await app.call('customers:merge', { keepId: c, mergeIds: [b] });
    // The names are no other customer's: only the record ID can find them.
    const path = ordersFile([
      ['旧名甲', 100, a],
      ['旧名乙', 200, b],
    ]);
    expect(await app.call('import:commit', { kind: 'orders', source: { path } })).toMatchObject({ added: 2, rejected: 0, customersCreated: 0 });
    expect(ordersOf()).toEqual([
      { name: '王芳丙', amount: 10000 },
      { name: '王芳丙', amount: 20000 },
    ]);

    const followUps = join(app.dir, 'followups.csv');
    writeFileSync(followUps, ['客户名称,跟进时间,跟进内容,客户系统ID', `旧名甲,2026-03-02 10:00,回访,${a}`].join('\n'));
    expect(await app.call('import:commit', { kind: 'followups', source: { path: followUps } })).toMatchObject({ added: 1, rejected: 0 });
    expect(app.db.$client.prepare(`SELECT customer_id FROM follow_ups WHERE deleted_at IS NULL`).pluck().all()).toEqual([c]);
  });

  it('in a customers file updates the customer it went into instead of making the merged-away one again', async () => {
    const [a, b] = [await add('王芳甲'), await add('王芳乙')];
    await app.call('customers:merge', { keepId: b, mergeIds: [a] });
    const path = join(app.dir, 'customers.csv');
    // An export made before the merge: the merged-away customer's row, its name and phone no other customer's.
    writeFileSync(path, ['客户名称,手机,城市,客户系统ID', `旧名甲,13800138000,佛山,${a}`].join('\n'));
    const live = () => app.db.$client.prepare(`SELECT id, name, city FROM customers WHERE deleted_at IS NULL ORDER BY name`).all();
    expect(await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'skip' })).toMatchObject({ added: 0, skipped: 1, customersCreated: 0 });
    expect(await app.call('import:commit', { kind: 'customers', source: { path }, duplicates: 'update' })).toMatchObject({ added: 0, updated: 1 });
    // Updated as any duplicate is, the file's cells written over: one customer, the one it went into.
    expect(live()).toEqual([{ id: b, name: '旧名甲', city: '佛山' }]);
  });

  it('names nobody once the merge is undone and the customer back: the customer itself', async () => {
    const [a, b] = [await add('王芳甲'), await add('王芳乙')];
    const { mergeId } = await app.call('customers:merge', { keepId: b, mergeIds: [a] });
    await app.call('customers:unmerge', { mergeId });
    expect(await app.call('import:commit', { kind: 'orders', source: { path: ordersFile([['旧名甲', 100, a]]) } })).toMatchObject({ added: 1 });
    expect(ordersOf()).toEqual([{ name: '王芳甲', amount: 10000 }]);
  });

  it('of a customer deleted by hand names nobody: the row is refused, or makes a customer of its own', async () => {
    const a = await add('王芳甲');
    await app.call('customers:delete', { id: a });
    const path = ordersFile([['旧名甲', 100, a]]);
    const refused = await app.call('import:commit', { kind: 'orders', source: { path }, onError: 'skip' });
    expect(refused).toMatchObject({ added: 0, rejected: 1 });
    expect(refused.errors.map((e) => [e.header, e.reason])).toEqual([['客户名称', 'unknown_customer']]);
    expect(await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' })).toMatchObject({ added: 1, customersCreated: 1 });
    expect(ordersOf()).toEqual([{ name: '旧名甲', amount: 10000 }]);
  });
});
