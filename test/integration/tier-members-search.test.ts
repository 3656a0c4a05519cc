import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeQuery } from '../../shared/domain/pinyin';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The tier members' search reads the customers' search keys from SQLite (not from the tiers kept in
 * memory). Whatever is typed — Chinese, pinyin, initials, phone digits, mixed case — the members found
 * must be exactly the class's members whose keys contain the normalised query, by plain SQL, and a
 * customer edited after the tiers were computed is found by their new name at once.
 */
let app: TestApp;
beforeAll(async () => {
  app = openTestApp('2026-11-23');
  await app.call('workspace:loadDemo', { customers: 300 });
  await app.call('segments:recompute', {});
});
afterAll(() => app.cleanup());

async function everyMember(scheme: 'pyramid' | 'lifecycle', search: string, classKey?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await app.call('segments:members', { scheme, search, classKey, offset, limit: 100, sort: 'name', direction: 'asc' });
    ids.push(...page.rows.map((r) => r.id));
    if (offset + 100 >= page.total) return ids.sort();
  }
}

/** The population's ids whose search keys contain the query, and (when given) whose class is classKey. */
function expectedIds(query: string, scheme: string, classKey?: string): string[] {
  const key = normalizeQuery(query);
  const ids = app.db.$client
    .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL AND instr(search_text, ?) > 0 ORDER BY id`)
    .pluck()
    .all(key) as string[];
  if (classKey === undefined) return ids;
  // The class each customer has on the stored snapshot of the day (change points: the latest on or before it).
  const classOf = new Map(
    app.db.$client
      .prepare(
        `SELECT a.customer_id, a.class_key FROM segment_assignments a WHERE a.scheme = ? AND a.as_of = (
           SELECT max(b.as_of) FROM segment_assignments b WHERE b.scheme = a.scheme AND b.customer_id = a.customer_id AND b.as_of <= '2026-11-23')`,
      )
      .raw()
      .all(scheme) as [string, string][],
  );
  return ids.filter((id) => classOf.get(id) === classKey);
}

describe('tier members search', () => {
  it('finds exactly what plain SQL finds in the search keys, alone and within a class', async () => {
    const someName = app.db.$client.prepare(`SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 17`).pluck().get() as string;
    const somePhone = app.db.$client.prepare(`SELECT value FROM contact_channels WHERE kind = 'phone' ORDER BY id LIMIT 1 OFFSET 5`).pluck().get() as string;
    const queries = [someName.slice(0, 1), someName, 'zh', 'ZH', 'wang', somePhone.replace(/\D/g, '').slice(-6), 'no such customer at all'];
    let found = 0;
    for (const query of queries) {
      const all = await everyMember('pyramid', query);
      expect(all, query).toEqual(expectedIds(query, 'pyramid'));
      found += all.length;
      for (const classKey of ['gold', 'iron', 'lead']) expect(await everyMember('pyramid', query, classKey), `${query} in ${classKey}`).toEqual(expectedIds(query, 'pyramid', classKey));
    }
    expect(found).toBeGreaterThan(10);
  });

  it('finds a customer by the name they were given after the tiers were computed', async () => {
    const id = app.db.$client.prepare(`SELECT id FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1`).pluck().get() as string;
    expect(await everyMember('lifecycle', '琥珀测试商行')).toEqual([]);
    const current = await app.call('customers:get', { id });
    await app.call('customers:update', { id, customer: { ...current, name: '琥珀测试商行', localityOverride: null, contacts: current.contacts.map(({ kind, value }) => ({ kind, value })) } });
    expect(await everyMember('lifecycle', '琥珀测试商行')).toEqual([id]);
    expect(await everyMember('lifecycle', 'hpcs')).toEqual(expectedIds('hpcs', 'lifecycle'));
    expect(expectedIds('hpcs', 'lifecycle')).toContain(id);
  });
});
