import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/context';
import { call, createDispatch } from '../../core/dispatch';
import { fileAccess } from '../../core/files';
import { createHandlers } from '../../core/handlers';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';
import { cli } from '../support/cli';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.cleanup());

/** The same database behind handlers whose clock reads another day, so changed timestamps are visible. */
function on(day: string) {
  const dispatch = createDispatch(createHandlers({ db: app.db, clock: fixedClock(day), dbPath: app.dbPath, appVersion: 'test', files: fileAccess({ mode: 'paths' }, app.dbPath) }), { checkOutput: true });
  return { dispatch, call: <C extends Channel>(name: C, input: InputOf<C>): Promise<OutputOf<C>> => call(dispatch, name, input) };
}

const add = async (input: InputOf<'customers:create'>) => (await app.call('customers:create', input)).customer.id;

/**
 * Every row of every table but the merge records themselves, in a stable order. The report's month
 * counters are left out: they take a fresh random value on every change, so the report rereads a month.
 */
function dump(): Record<string, string[]> {
  const client = app.db.$client;
  const tables = client
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'customer_merge%' AND name <> 'report_month_versions' ORDER BY name`)
    .pluck()
    .all() as string[];
  // customer_activity's rev is a change counter (it moves on every write, an undo included): its content is compared.
  const rowsOf = (t: string) =>
    t === 'customer_activity' ? `SELECT customer_id, orders, follow_ups FROM customer_activity WHERE orders <> '[]' OR follow_ups <> '[]'` : `SELECT * FROM ${t}`;
  return Object.fromEntries(tables.map((t) => [t, (client.prepare(rowsOf(t)).all() as object[]).map((r) => JSON.stringify(r)).sort()]));
}

/** The denormalised figures recounted from the rows themselves. */
function recount(id: string) {
  return app.db.$client
    .prepare(
      `SELECT (SELECT count(*) FROM orders WHERE customer_id = @id AND deleted_at IS NULL) AS orderCount,
              (SELECT coalesce(sum(base_amount_minor), 0) FROM orders WHERE customer_id = @id AND deleted_at IS NULL) AS revenue,
              (SELECT max(order_date) FROM orders WHERE customer_id = @id AND deleted_at IS NULL) AS lastOrder,
              (SELECT max(occurred_at) FROM follow_ups WHERE customer_id = @id AND deleted_at IS NULL) AS lastContact,
              (SELECT min(next_contact_date) FROM follow_ups WHERE customer_id = @id AND deleted_at IS NULL AND done = 0) AS nextContact`,
    )
    .get({ id });
}
const stored = (id: string) =>
  app.db.$client
    .prepare(`SELECT order_count AS orderCount, revenue_base_minor AS revenue, last_order_date AS lastOrder, last_contact_at AS lastContact, next_contact_date AS nextContact FROM customers WHERE id = ?`)
    .get(id);

/** Two customers who are one: a shop's owner entered twice, with orders, follow-ups and contacts on both. */
async function twoOfOne() {
  const keep = await add({ name: '王芳', company: '芳华贸易', tags: ['老客户'], notes: '月结', contacts: [{ kind: 'phone', value: '138 0013 8000' }] });
  const dup = await add({
    name: '王 芳', company: '芳华贸易', city: '广州', tags: ['老客户', '批发'], notes: '喜欢微信联系',
    contacts: [{ kind: 'phone', value: '+86 138-0013-8000' }, { kind: 'wechat', value: 'wangfang88' }],
  });
  await app.call('orders:create', { customerId: keep, orderDate: '2026-03-01', amount: '100', currency: 'CNY' });
  await app.call('orders:create', { customerId: dup, orderDate: '2026-10-01', amount: '250.50', currency: 'CNY' });
  await app.call('orders:create', { customerId: dup, orderDate: '2026-11-01', amount: '10', currency: 'CNY' });
  await app.call('followups:create', { customerId: keep, occurredAt: '2026-09-01T02:00:00.000Z', content: '报价', nextContactDate: '2026-12-10' });
  await app.call('followups:create', { customerId: dup, occurredAt: '2026-11-01T02:00:00.000Z', content: '回访', nextContactDate: '2026-12-01' });
  return { keep, dup };
}

describe('finding duplicate customers', () => {
  it('groups live customers by each shared contact and by name + company, ignoring case and spacing', async () => {
    const p1 = await add({ name: 'Anna', contacts: [{ kind: 'phone', value: '+49 30 1234567' }] });
    const p2 = await add({ name: 'Anne', contacts: [{ kind: 'phone', value: '+49301234567' }] });
    const e1 = await add({ name: 'Bo', contacts: [{ kind: 'email', value: 'Bo@Example.com' }] });
    const e2 = await add({ name: 'Bob', contacts: [{ kind: 'email', value: 'bo@example.com' }] });
    const w1 = await add({ name: '陈一', contacts: [{ kind: 'wechat', value: 'chenyi_88' }] });
    const w2 = await add({ name: '陈二', contacts: [{ kind: 'wechat', value: 'ChenYi_88' }] });
    const a1 = await add({ name: 'Raj', contacts: [{ kind: 'whatsapp', value: '+91 98765 43210' }] });
    const a2 = await add({ name: 'Rajesh', contacts: [{ kind: 'whatsapp', value: '+919876543210' }] });
    const n1 = await add({ name: 'Lukas  Weber', company: 'Weber GmbH' });
    const n2 = await add({ name: 'lukas weber', company: 'WEBER  gmbh' });
    await add({ name: 'Lukas Weber', company: 'Other GmbH' });
    const gone = await add({ name: 'Anna B', contacts: [{ kind: 'phone', value: '+49 30 1234567' }] });
    await app.call('customers:delete', { id: gone });

    const { total, groups } = await app.call('customers:duplicates', {});
    const bySet = new Map(groups.map((g) => [g.customers.map((c) => c.id).sort().join(','), g.reasons]));
    expect(total).toBe(5);
    expect(bySet.get([p1, p2].sort().join(','))).toEqual([{ kind: 'phone', value: '+49301234567' }]);
    expect(bySet.get([e1, e2].sort().join(','))).toEqual([{ kind: 'email', value: 'bo@example.com' }]);
    expect(bySet.get([w1, w2].sort().join(','))).toEqual([{ kind: 'wechat', value: 'chenyi_88' }]);
    expect(bySet.get([a1, a2].sort().join(','))).toEqual([{ kind: 'whatsapp', value: '+919876543210' }]);
    expect(bySet.get([n1, n2].sort().join(','))).toEqual([{ kind: 'nameCompany', name: 'Lukas  Weber', company: 'Weber GmbH' }]);
  });

  it('shows one group per set of customers, with every reason, their counts and contacts', async () => {
    const { keep, dup } = await twoOfOne();
    const { groups } = await app.call('customers:duplicates', {});
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.reasons.map((r) => r.kind)).toEqual(['phone', 'nameCompany']);
    expect(group!.reason).toEqual({ kind: 'phone', value: '+8613800138000' });
    expect(group!.customers.map((c) => [c.id, c.orderCount, c.followUpCount])).toEqual([
      [keep, 1, 1],
      [dup, 2, 1],
    ]);
    expect(group!.customers[1]!.contacts.map((c) => c.kind)).toEqual(['phone', 'wechat']);
    expect((await app.call('customers:duplicates', { limit: 1 })).total).toBe(1);
  });
});

describe('merging duplicates', () => {
  it('moves orders, follow-ups and new contacts to the kept customer; figures equal a recount', async () => {
    const { keep, dup } = await twoOfOne();
    const result = await app.call('customers:merge', { keepId: keep, mergeIds: [dup], fields: { name: keep, city: dup } });
    expect(result.moved).toEqual({ orders: 2, followUps: 1, contacts: 1 });
    expect(result.mergedIds).toEqual([dup]);
    expect(result.customer).toMatchObject({ name: '王芳', city: '广州', tags: ['老客户', '批发'], notes: '月结\n\n喜欢微信联系', deletedAt: null });
    // The shared phone is not doubled: the merged customer's copy stays behind with it.
    expect(result.customer.contacts.map((c) => `${c.kind}:${c.value}`)).toEqual(['phone:+8613800138000', 'wechat:wangfang88']);
    expect(stored(keep)).toEqual(recount(keep));
    expect(stored(keep)).toEqual({ orderCount: 3, revenue: 36050, lastOrder: '2026-11-01', lastContact: '2026-11-01T02:00:00.000Z', nextContact: '2026-12-01' });
    expect(stored(dup)).toEqual(recount(dup));
    expect((await app.call('customers:get', { id: dup })).deletedAt).not.toBeNull();
    // The kept customer is found by what it gained: the merged one's WeChat ID.
    expect((await app.call('customers:list', { search: 'wangfang88' })).rows.map((r) => r.id)).toEqual([keep]);
    expect((await app.call('customers:duplicates', {})).groups).toEqual([]);
    expect((await app.call('customers:merges', {})).merges).toEqual([
      expect.objectContaining({ id: result.mergeId, status: 'merged', kept: { id: keep, name: '王芳' }, merged: [{ id: dup, name: '王 芳' }], moved: result.moved }),
    ]);
  });

  it('fills a field the kept customer lacks from a merged one, unless told otherwise', async () => {
    const { keep, dup } = await twoOfOne();
    const filled = await app.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    expect(filled.customer.city).toBe('广州');
    await app.call('customers:unmerge', { mergeId: filled.mergeId });
    const kept = await app.call('customers:merge', { keepId: keep, mergeIds: [dup], fields: { city: keep } });
    expect(kept.customer.city).toBeNull();
  });

  it('unmerge restores every table row for row, timestamps included', async () => {
    const { keep, dup } = await twoOfOne();
    const third = await add({ name: '王芳 (门店)', contacts: [{ kind: 'email', value: 'wf@shop.cn' }] });
    await app.call('orders:create', { customerId: third, orderDate: '2026-01-05', amount: '5', currency: 'CNY' });
    const before = dump();
    const merged = await on('2026-12-01').call('customers:merge', { keepId: dup, mergeIds: [keep, third], fields: { name: keep, company: dup } });
    expect(dump()).not.toEqual(before);
    const undone = await on('2026-12-02').call('customers:unmerge', { mergeId: merged.mergeId });
    expect(undone).toEqual({ mergeId: merged.mergeId, restoredIds: [keep, third], moved: { orders: 2, followUps: 1, contacts: 1 }, editedSince: [] });
    expect(dump()).toEqual(before);
    expect((await app.call('customers:merges', {})).merges[0]).toMatchObject({ status: 'undone', undoneAt: expect.any(String) });
  });

  it('unmerge keeps what was changed after the merge: edited fields, a new order', async () => {
    const { keep, dup } = await twoOfOne();
    const merged = await on('2026-12-01').call('customers:merge', { keepId: keep, mergeIds: [dup] });
    const later = on('2026-12-05');
    const current = merged.customer;
    await later.call('customers:update', { id: keep, customer: { ...current, name: '王芳芳', city: '深圳', localityOverride: null, contacts: current.contacts.map(({ kind, value }) => ({ kind, value })) } });
    const order = await later.call('orders:create', { customerId: keep, orderDate: '2026-12-05', amount: '1', currency: 'CNY' });
    const undone = await on('2026-12-06').call('customers:unmerge', { mergeId: merged.mergeId });
    // The merge filled in the city; the user changed it since: reported, and kept. The name the merge did not change.
    expect(undone.editedSince).toEqual(['city']);
    const after = await app.call('customers:get', { id: keep });
    expect([after.name, after.city]).toEqual(['王芳芳', '深圳']);
    expect(after.tags).toEqual(['老客户']);
    expect((await app.call('orders:list', { customerId: keep })).orders.map((o) => o.id)).toContain(order.id);
    expect((await app.call('orders:list', { customerId: dup })).orders).toHaveLength(2);
    expect(stored(keep)).toEqual(recount(keep));
    expect(stored(dup)).toEqual(recount(dup));
    expect((await app.call('customers:list', { search: 'wangfang88' })).rows.map((r) => r.id)).toEqual([dup]);
  });

  it('refuses bad merges with typed errors and writes nothing', async () => {
    const { keep, dup } = await twoOfOne();
    const gone = await add({ name: 'Gone' });
    await app.call('customers:delete', { id: gone });
    const before = dump();
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [keep] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['mergeIds', 0], key: 'merge_keep_in_merge' }] },
    });
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['mergeIds'], key: 'required' }] } });
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [dup, 'nobody'] })).toEqual({ ok: false, error: { code: 'not_found', message: 'No customer with id nobody', issues: [{ path: [], key: 'record_not_found', params: { kind: 'customer', id: 'nobody' } }] } });
    expect(await app.dispatch('customers:merge', { keepId: 'nobody', mergeIds: [dup] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [dup, gone] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['mergeIds', 1], key: 'merge_customer_deleted' }] },
    });
    expect(await app.dispatch('customers:merge', { keepId: gone, mergeIds: [dup] })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: ['keepId'], key: 'merge_customer_deleted' }] } });
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [dup], fields: { name: gone } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['fields', 'name'], key: 'invalid_choice' }] },
    });
    expect(dump()).toEqual(before);
    expect(app.db.$client.prepare('SELECT count(*) FROM customer_merges').pluck().get()).toBe(0);
  });

  it('a customer already merged away is named as such (the same merge run twice), not sent to the trash', async () => {
    const { keep, dup } = await twoOfOne();
    const { mergeId } = await app.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    const before = dump();
    // Restoring it from the trash would bring back an empty copy while the merge stands: the way out is the unmerge.
    for (const [input, path] of [[{ keepId: keep, mergeIds: [dup] }, ['mergeIds', 0]], [{ keepId: dup, mergeIds: [keep] }, ['keepId']]] as const) {
      expect(await app.dispatch('customers:merge', input)).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: `Customer ${dup} was already merged into 王芳 (${keep}); to separate them, undo merge ${mergeId}.`,
          issues: [{ path, key: 'merge_customer_merged_away', params: { name: '王芳', mergeId } }],
        },
      });
    }
    expect(dump()).toEqual(before);
    // Once undone (or for a customer deleted by hand), the trash is the answer again.
    await app.call('customers:unmerge', { mergeId });
    await app.call('customers:delete', { id: dup });
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [dup] })).toMatchObject({ ok: false, error: { issues: [{ key: 'merge_customer_deleted' }] } });
  });

  it('refuses to merge live customers into an archived one, and merges archived duplicates together', async () => {
    const { keep, dup } = await twoOfOne();
    await app.call('customers:archive', { id: keep, archived: true });
    const before = dump();
    expect(await app.dispatch('customers:merge', { keepId: keep, mergeIds: [dup] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['keepId'], key: 'merge_into_archived' }] },
    });
    expect(dump()).toEqual(before);
    await app.call('customers:archive', { id: dup, archived: true });
    await app.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    expect(app.db.$client.prepare('SELECT deleted_at IS NOT NULL FROM customers WHERE id = ?').pluck().get(dup)).toBe(1);
    // Archived the other way round: a live customer kept, an archived duplicate merged into it.
    const { keep: live, dup: old } = await twoOfOne();
    await app.call('customers:archive', { id: old, archived: true });
    expect((await app.call('customers:merge', { keepId: live, mergeIds: [old] })).mergeId).toBeTruthy();
  });

  it('refuses to undo twice, an unknown merge, or one a later merge built on', async () => {
    const { keep, dup } = await twoOfOne();
    const other = await add({ name: 'Zhou' });
    const first = await app.call('customers:merge', { keepId: keep, mergeIds: [dup] });
    const second = await app.call('customers:merge', { keepId: other, mergeIds: [keep] });
    expect(await app.dispatch('customers:unmerge', { mergeId: first.mergeId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: ['mergeId'], key: 'merge_undo_later_first', params: { mergeId: second.mergeId } }] },
    });
    await app.call('customers:unmerge', { mergeId: second.mergeId });
    await app.call('customers:unmerge', { mergeId: first.mergeId });
    expect(await app.dispatch('customers:unmerge', { mergeId: first.mergeId })).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ key: 'merge_already_undone' }] } });
    expect(await app.dispatch('customers:unmerge', { mergeId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await app.call('orders:list', { customerId: dup })).orders).toHaveLength(2);
  });
});

describe('the merge commands of the CLI', () => {
  it('lists duplicates, merges them and undoes the merge', async () => {
    const { keep, dup } = await twoOfOne();
    const db = app.dbPath;
    app.close();
    const groups = JSON.parse(cli('duplicates', '--db', db, '--json').stdout) as OutputOf<'customers:duplicates'>;
    expect(groups.groups.map((g) => g.customers.map((c) => c.id))).toEqual([[keep, dup]]);
    expect(cli('duplicates', '--db', db).stdout).toContain('same phone +8613800138000; same name + company: 王芳 / 芳华贸易');

    const merge = cli('merge', '--db', db, '--keep', keep, '--merge', dup, '--json');
    expect(merge.code).toBe(0);
    const merged = JSON.parse(merge.stdout) as OutputOf<'customers:merge'>;
    expect(merged.moved).toEqual({ orders: 2, followUps: 1, contacts: 1 });
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.prepare('SELECT count(*) FROM orders WHERE customer_id = ?').pluck().get(keep)).toBe(3);
    } finally {
      raw.close();
    }

    const unmerge = cli('unmerge', '--db', db, '--merge-id', merged.mergeId);
    expect([unmerge.code, unmerge.stdout]).toEqual([0, `Undid merge ${merged.mergeId}: restored 1 customer; moved back 2 orders, 1 follow-up, 1 contact.\n`]);
    const again = cli('unmerge', '--db', db, '--merge-id', merged.mergeId);
    expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(new RegExp(`^error: Merge ${merged.mergeId} was already undone on .+\\.\\n$`))]);
    const self = cli('merge', '--db', db, '--keep', keep, '--merge', `${dup},${keep}`);
    expect([self.code, self.stderr]).toEqual([2, 'error: the 2nd of --merge cannot hold the customer that is kept\n']);
    expect(cli('merge', '--db', db, '--merge', dup).code).toBe(2);
  });
});
