/**
 * A name pasted with a zero-width character inside it (李\u200D四 from a chat app) kept it in its search keys,
 * so 李四 did not find it. The keys and the query now drop characters that render as nothing; the name is
 * stored as typed, since an emoji sequence needs its joiners.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

const FAMILY = '👨\u200D👩\u200D👧';

describe('invisible characters in names and queries', () => {
  it('finds 李\u200D四 by 李四 and by the name as pasted, and keeps the stored name with its joiner', async () => {
    const t = (app = openTestApp());
    const pasted = (await t.call('customers:create', { name: '李\u200D四', contacts: [] })).customer;
    const shop = (await t.call('customers:create', { name: `${FAMILY}亲子店`, type: 'enterprise', contacts: [] })).customer;
    expect(pasted.name).toBe('李\u200D四');
    expect(shop.name).toBe(`${FAMILY}亲子店`);
    const found = async (search: string) => (await t.call('customers:list', { search, limit: 50 })).rows.map((r) => r.id);
    expect(await found('李四')).toEqual([pasted.id]);
    expect(await found('li si')).toEqual([pasted.id]);
    expect(await found('李\u200B四')).toEqual([pasted.id]);
    expect(await found('李\u200D四')).toEqual([pasted.id]);
    expect(await found(`${FAMILY}亲子`)).toEqual([shop.id]);
    expect(await found('亲子店')).toEqual([shop.id]);
    expect((await t.call('customers:get', { id: shop.id })).name).toBe(`${FAMILY}亲子店`);
  });
});
