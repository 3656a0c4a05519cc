import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A tag never holds a separator a customers file splits its tags cell on (, ， ; ； 、 | and line breaks): the
 * profile splits such a tag into the tags it names, and the bulk "add tag" refuses it (it adds one tag).
 */
let app: TestApp;
beforeEach(() => {
  app = openTestApp('2026-11-23');
});
afterEach(() => app.cleanup());

const storedTags = (id: string) => JSON.parse(app.db.$client.prepare(`SELECT tags FROM customers WHERE id = ?`).pluck().get(id) as string) as string[];

describe('customer tags', () => {
  it('a tag holding separators is stored as the tags it names, each once', async () => {
    const { customer } = await app.call('customers:create', { name: 'T', tags: ['a b', 'c;d', 'VIP；老客户', 'x|y、z', 'VIP', ' , '], contacts: [] });
    expect(storedTags(customer.id)).toEqual(['a b', 'c', 'd', 'VIP', '老客户', 'x', 'y', 'z']);
    await app.call('customers:update', { id: customer.id, customer: { name: 'T', tags: ['p，q'], contacts: [] } });
    expect(storedTags(customer.id)).toEqual(['p', 'q']);
  });

  it('the bulk "add tag" refuses a tag with a separator, changing no one, and adds a plain one', async () => {
    const { customer } = await app.call('customers:create', { name: 'T', tags: ['old'], contacts: [] });
    expect(await app.dispatch('customers:bulkUpdate', { ids: [customer.id], action: { kind: 'addTag', tag: 'x;y' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['action', 'tag'], key: 'tag_has_separator' }] },
    });
    expect(storedTags(customer.id)).toEqual(['old']);
    await app.call('customers:bulkUpdate', { ids: [customer.id], action: { kind: 'addTag', tag: 'new one' } });
    expect(storedTags(customer.id)).toEqual(['old', 'new one']);
  });
});
