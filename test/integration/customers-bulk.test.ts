import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/** Bulk actions on the customer list, checked against the rows themselves by plain SQL. */
let app: TestApp;
let ids: string[];

const sql = <T>(query: string, ...params: unknown[]) => app.db.$client.prepare(query).all(...params) as T[];
const tagsOf = (id: string) => JSON.parse((sql<{ tags: string }>('SELECT tags FROM customers WHERE id = ?', id)[0]!).tags) as string[];

beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { seed: 7, customers: 60 });
  ids = sql<{ id: string }>('SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id').map((r) => r.id);
});
afterEach(() => app.cleanup());

describe('customers:bulkUpdate', () => {
  it('adds a tag to exactly the chosen customers, once, and leaves the others alone', async () => {
    const chosen = ids.slice(0, 25);
    const already = chosen.slice(0, 3);
    for (const id of already) await app.call('customers:bulkUpdate', { ids: [id], action: { kind: 'addTag', tag: 'VIP 展会' } });
    const result = await app.call('customers:bulkUpdate', { ids: [...chosen, chosen[0]!], action: { kind: 'addTag', tag: 'VIP 展会' } });
    expect(result).toMatchObject({ updated: 22, unchanged: 3, skipped: 0 });
    const tagged = sql<{ id: string }>(`SELECT id FROM customers WHERE EXISTS (SELECT 1 FROM json_each(tags) WHERE value = 'VIP 展会') ORDER BY id`).map((r) => r.id);
    expect(tagged).toEqual([...chosen].sort());
    for (const id of chosen) expect(tagsOf(id).filter((t) => t === 'VIP 展会')).toHaveLength(1);
  });

  it('removes a tag, sets and clears the owner, archives and unarchives', async () => {
    const chosen = ids.slice(10, 30);
    await app.call('customers:bulkUpdate', { ids: chosen, action: { kind: 'addTag', tag: 'x' } });
    const removed = await app.call('customers:bulkUpdate', { ids: chosen.slice(0, 5), action: { kind: 'removeTag', tag: 'x' } });
    expect(removed.updated).toBe(5);
    expect(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE EXISTS (SELECT 1 FROM json_each(tags) WHERE value = 'x')`)[0]!.n).toBe(15);

    await app.call('customers:bulkUpdate', { ids: chosen, action: { kind: 'setOwner', owner: '  小王 ' } });
    expect(sql<{ id: string }>(`SELECT id FROM customers WHERE owner = '小王' ORDER BY id`).map((r) => r.id)).toEqual([...chosen].sort());
    await app.call('customers:bulkUpdate', { ids: chosen.slice(0, 4), action: { kind: 'setOwner', owner: '' } });
    expect(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE owner = '小王'`)[0]!.n).toBe(16);
    expect(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE owner IS NULL AND id IN (SELECT value FROM json_each(?))`, JSON.stringify(chosen.slice(0, 4)))[0]!.n).toBe(4);

    const archived = await app.call('customers:bulkUpdate', { ids: chosen, action: { kind: 'archive', archived: true } });
    expect(archived.updated).toBe(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE archived_at IS NOT NULL`)[0]!.n);
    const list = await app.call('customers:list', { view: 'archived', limit: 500 });
    expect(list.rows.map((r) => r.id).sort()).toEqual([...chosen].sort());
    await app.call('customers:bulkUpdate', { ids: chosen, action: { kind: 'archive', archived: false } });
    expect(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE archived_at IS NOT NULL`)[0]!.n).toBe(0);
  });

  it('undo puts back exactly what one action changed, in one step', async () => {
    const chosen = ids.slice(0, 40);
    const before = sql<{ id: string; owner: string | null }>(`SELECT id, owner FROM customers ORDER BY id`);
    const result = await app.call('customers:bulkUpdate', { ids: chosen, action: { kind: 'setOwner', owner: 'Ann' } });
    expect(result.undoToken).not.toBeNull();
    const changedCount = sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE owner = 'Ann'`)[0]!.n;
    expect(changedCount).toBe(40);
    const undone = await app.call('customers:bulkUndo', { undoToken: result.undoToken! });
    expect(undone.restored).toBe(result.updated);
    expect(sql<{ id: string; owner: string | null }>(`SELECT id, owner FROM customers ORDER BY id`)).toEqual(before);
    await expect(app.call('customers:bulkUndo', { undoToken: result.undoToken! })).rejects.toMatchObject({ issues: [{ key: 'bulk_undo_expired' }] });
  });

  it('skips customers in the trash and unknown ids; refuses more than 10,000 ids with nothing written', async () => {
    await app.call('customers:delete', { id: ids[0]! });
    const result = await app.call('customers:bulkUpdate', { ids: [ids[0]!, ids[1]!, 'no-such-id'], action: { kind: 'addTag', tag: 't' } });
    expect(result).toMatchObject({ updated: 1, skipped: 2 });
    expect(tagsOf(ids[0]!)).not.toContain('t');
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ids[i % ids.length]!);
    await expect(app.call('customers:bulkUpdate', { ids: tooMany, action: { kind: 'addTag', tag: 'u' } })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE EXISTS (SELECT 1 FROM json_each(tags) WHERE value = 'u')`)[0]!.n).toBe(0);
  });

  it('is one transaction: a failure part-way leaves every row as it was', async () => {
    const chosen = ids.slice(0, 30);
    // A trigger that refuses the 20th write stands in for the disk filling up mid-way.
    const victim = [...chosen].sort()[19]!;
    app.db.$client.exec(`CREATE TEMP TRIGGER refuse BEFORE UPDATE OF owner ON customers WHEN NEW.id = '${victim}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(app.call('customers:bulkUpdate', { ids: chosen, action: { kind: 'setOwner', owner: 'Zed' } })).rejects.toBeTruthy();
    expect(sql<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE owner = 'Zed'`)[0]!.n).toBe(0);
  });
});
