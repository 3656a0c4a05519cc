/**
 * The duplicates screen's groups (core/merging/find-duplicates.ts) against a reference computed here from the raw
 * rows another way: live customers (archived count, deleted do not) sharing a live contact — phones and WhatsApp
 * numbers as one kind — or the same name and company with case, width and spaces ignored; one group per set of
 * customers, newest customer first. Found in two passes (the shared values first) and kept while the data stays
 * as it was: a write through the app, and another connection's, are both seen by the next call.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.cleanup());

const raw = () => app.db.$client;
const loose = (text: string | null) => (text ?? '').normalize('NFKC').toLowerCase().replace(/\s/g, '');

/** Every group as "sorted ids → reason kinds", and the groups' keys newest first, from the raw rows. */
function reference(): { keys: string[]; reasons: Map<string, string[]>; shownName: Map<string, string> } {
  const live = raw().prepare(`SELECT id, name, company, created_at FROM customers WHERE deleted_at IS NULL`).all() as { id: string; name: string; company: string | null; created_at: string }[];
  const liveIds = new Set(live.map((c) => c.id));
  const groups = new Map<string, string[]>();
  const add = (ids: Set<string>, kind: string) => {
    if (ids.size < 2) return;
    const key = [...ids].sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), kind]);
  };
  const contacts = raw().prepare(`SELECT kind, value, customer_id FROM contact_channels WHERE deleted_at IS NULL`).all() as { kind: string; value: string; customer_id: string }[];
  const byValue = new Map<string, { ids: Set<string>; kinds: Set<string> }>();
  for (const c of contacts) {
    if (!liveIds.has(c.customer_id)) continue;
    const key = `${c.kind === 'whatsapp' ? 'phone' : c.kind} ${c.value}`;
    const entry = byValue.get(key) ?? { ids: new Set<string>(), kinds: new Set<string>() };
    entry.ids.add(c.customer_id);
    entry.kinds.add(c.kind);
    byValue.set(key, entry);
  }
  for (const { ids, kinds } of byValue.values()) add(ids, kinds.size === 1 ? [...kinds][0]! : 'phone');
  const byName = new Map<string, Set<string>>();
  for (const c of live) {
    const key = `${loose(c.name)}|${loose(c.company)}`;
    byName.set(key, (byName.get(key) ?? new Set()).add(c.id));
  }
  // Shown by the spelling of the group's first customer by id (ASCII ids here: JavaScript's order is SQLite's).
  const shownName = new Map<string, string>();
  for (const ids of byName.values()) {
    add(ids, 'nameCompany');
    const first = live.find((c) => c.id === [...ids].sort()[0])!;
    if (ids.size > 1) shownName.set([...ids].sort().join(','), `${first.name}|${first.company}`);
  }
  const created = new Map(live.map((c) => [c.id, c.created_at]));
  const newest = (key: string) => key.split(',').reduce((max, id) => (created.get(id)! > max ? created.get(id)! : max), '');
  const keys = [...groups.keys()].sort((a, b) => (newest(a) === newest(b) ? (a < b ? -1 : 1) : newest(a) < newest(b) ? 1 : -1));
  return { keys, reasons: groups, shownName };
}

async function found() {
  const { total, groups } = await app.call('customers:duplicates', { limit: 1000 });
  return { total, keys: groups.map((g) => g.key), reasons: new Map(groups.map((g) => [g.key, g.reasons.map((r) => r.kind)])), groups };
}

const NAMES = ['王芳', '王 芳', 'Weber GmbH', 'weber  gmbh', 'ＷＥＢＥＲ ＧＭＢＨ', 'Li Na', 'Zhang'];
const COMPANIES = [null, '义乌名媛', 'ACME', 'acme'];
const NUMBERS = ['13800138000', '13900139000', '13700137000'];
const EMAILS = ['a@example.com', 'b@example.com'];

const customerArb = fc.record({
  name: fc.constantFrom(...NAMES),
  company: fc.constantFrom(...COMPANIES),
  phone: fc.option(fc.constantFrom(...NUMBERS), { nil: undefined }),
  whatsapp: fc.option(fc.constantFrom(...NUMBERS), { nil: undefined }),
  email: fc.option(fc.constantFrom(...EMAILS), { nil: undefined }),
  fate: fc.constantFrom('kept', 'kept', 'archived', 'deleted', 'contactsDropped'),
});

describe('the duplicates screen\'s groups', () => {
  it('equal the reference from the raw rows, for any mix of names, contacts, archived and deleted customers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customerArb, { minLength: 2, maxLength: 14 }), async (book) => {
        raw().exec(`UPDATE customers SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE deleted_at IS NULL`);
        for (const c of book) {
          const contacts = [
            ...(c.phone ? [{ kind: 'phone' as const, value: c.phone }] : []),
            ...(c.whatsapp ? [{ kind: 'whatsapp' as const, value: c.whatsapp }] : []),
            ...(c.email ? [{ kind: 'email' as const, value: c.email }] : []),
          ];
          const { customer } = await app.call('customers:create', { name: c.name, company: c.company ?? undefined, contacts });
          if (c.fate === 'archived') await app.call('customers:archive', { id: customer.id, archived: true });
          if (c.fate === 'deleted') await app.call('customers:delete', { id: customer.id });
          if (c.fate === 'contactsDropped') await app.call('customers:update', { id: customer.id, customer: { name: c.name, company: c.company ?? undefined, contacts: [] } });
        }
        const expected = reference();
        const actual = await found();
        expect(actual.total).toBe(expected.keys.length);
        expect(actual.keys).toEqual(expected.keys);
        for (const key of expected.keys) expect([...actual.reasons.get(key)!].sort()).toEqual([...expected.reasons.get(key)!].sort());
        for (const group of actual.groups) {
          expect(group.customers.map((c) => c.id).sort().join(',')).toBe(group.key);
          const byName = group.reasons.find((r) => r.kind === 'nameCompany');
          if (byName?.kind === 'nameCompany') expect(`${byName.name}|${byName.company}`).toBe(expected.shownName.get(group.key));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('are found again after a write through the app and after another connection\'s write', async () => {
    raw().exec(`UPDATE customers SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE deleted_at IS NULL`);
    const a = (await app.call('customers:create', { name: 'Alpha', contacts: [{ kind: 'phone', value: '13600136000' }] })).customer.id;
    const b = (await app.call('customers:create', { name: 'Beta', contacts: [] })).customer.id;
    expect((await found()).total).toBe(0);
    expect((await found()).total).toBe(0);
    // Through the app: Beta takes Alpha's number.
    await app.call('customers:update', { id: b, customer: { name: 'Beta', contacts: [{ kind: 'whatsapp', value: '13600136000' }] } });
    expect((await found()).keys).toEqual([[a, b].sort().join(',')]);
    // Another connection (the CLI, an import worker) deletes Alpha: the group goes.
    const other = new Database(app.dbPath);
    try {
      other.prepare(`UPDATE customers SET deleted_at = '2026-11-23T00:00:00.000Z' WHERE id = ?`).run(a);
    } finally {
      other.close();
    }
    expect((await found()).total).toBe(0);
    expect(reference().keys).toEqual([]);
  });
});
