/**
 * A name typed in Traditional characters was found only by pinyin from a Simplified query (张三丰 found no
 * 張三豐), and the other way round. The search keys and the query now fold Traditional to Simplified
 * (shared/domain/search-form.ts), while the name itself is kept as typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

describe('Traditional and Simplified characters in search', () => {
  it('finds a Traditional name by a Simplified query and a Simplified one by a Traditional query, keeping both as typed', async () => {
    const t = (app = openTestApp());
    await t.call('customers:create', { name: '張三豐', contacts: [] });
    await t.call('customers:create', { name: '王小丽', contacts: [] });
    await t.call('customers:create', { name: '陈记', type: 'enterprise', company: '香港貿易有限公司', contacts: [] });
    const found = async (search: string) => (await t.call('customers:list', { search, limit: 50 })).rows.map((r) => r.name).sort();
    expect(await found('张三丰')).toEqual(['張三豐']);
    expect(await found('三丰')).toEqual(['張三豐']);
    expect(await found('張三豐')).toEqual(['張三豐']);
    expect(await found('王小麗')).toEqual(['王小丽']);
    expect(await found('贸易')).toEqual(['陈记']);
    expect(await found('貿易')).toEqual(['陈记']);
    // Pinyin finds them as before.
    expect(await found('zhangsanfeng')).toEqual(['張三豐']);
    expect(await found('wxl')).toEqual(['王小丽']);
    expect(await found('張 三 豐')).toEqual(['張三豐']);
    // Sorted by name, both scripts by one pinyin: 陈记 (chen), 王小丽 (wang), 張三豐 (zhang).
    expect((await t.call('customers:list', { sort: { field: 'name', desc: false }, limit: 50 })).rows.map((r) => r.name)).toEqual(['陈记', '王小丽', '張三豐']);
  });

  it('finds a product sold under a Traditional name by either script, also one keyed before the fold', async () => {
    const t = (app = openTestApp());
    const buyer = (await t.call('customers:create', { name: '张三', contacts: [] })).customer.id;
    await t.call('orders:create', { customerId: buyer, orderDate: '2026-11-23', currency: 'CNY', lines: [{ name: '龍井茶', quantity: 1, unitPrice: '20.00' }] });
    const products = async (query: string) => (await t.call('products:search', { query, limit: 10 })).products.map((p) => p.name);
    expect(await products('龙井')).toEqual(['龍井茶']);
    expect(await products('龍井')).toEqual(['龍井茶']);
    // Products are not keyed again (their keys travel with team sync): one keyed before is still found as typed.
    t.db.$client.prepare(`UPDATE products SET search_text = ' 龍井茶 longjingcha ljc '`).run();
    expect(await products('龍井')).toEqual(['龍井茶']);
    expect(await products('lj')).toEqual(['龍井茶']);
  });
});
