/**
 * Search keys gained the folded form of a full-width name ("ＸＹＺ商行" found by "xyz" and "xyzsh"). Customers
 * keyed before it are keyed again once, when the app next opens the file: migration 0029 leaves the task
 * (db/schema/maintenance.ts) and core/maintenance.ts does it. Only those whose names fold are touched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp | undefined;
let reopened: OpenedApp | undefined;
afterEach(() => {
  reopened?.close();
  reopened = undefined;
  app?.cleanup();
  app = undefined;
});

const reopen = (t: TestApp): OpenedApp => openApp({ dbPath: t.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY), checkOutput: true });

/** Every customer's and product's stored keys and updated_at, and the activity revs, by plain SQL. */
function storedState(t: { db: TestApp['db'] }) {
  const client = t.db.$client;
  return {
    customers: client.prepare(`SELECT id, search_text, sort_name, updated_at FROM customers ORDER BY id`).all() as { id: string; search_text: string; sort_name: string; updated_at: string }[],
    products: client.prepare(`SELECT id, search_text, updated_at FROM products ORDER BY id`).all() as { id: string; search_text: string; updated_at: string }[],
    revs: client.prepare(`SELECT customer_id, rev FROM customer_activity ORDER BY customer_id`).all(),
    tasks: client.prepare(`SELECT name FROM maintenance_tasks ORDER BY name`).pluck().all(),
  };
}

describe('search keys made again after the version that folds full-width names', () => {
  it('keys again, once, the customers whose names fold, and leaves every other row as it was', async () => {
    const t = (app = openTestApp(TODAY));
    // A fresh file has done the task already.
    expect(storedState(t).tasks).toEqual([]);
    const fullWidth = (await t.call('customers:create', { name: 'ＸＹＺ商行', contacts: [{ kind: 'phone', value: '13800138000' }] })).customer.id;
    const fullWidthCompany = (await t.call('customers:create', { name: '李四', company: 'ＬＳ贸易', contacts: [] })).customer.id;
    const plain = (await t.call('customers:create', { name: '张三', contacts: [{ kind: 'phone', value: '13900139000' }] })).customer.id;
    await t.call('orders:create', { customerId: plain, orderDate: TODAY, currency: 'CNY', lines: [{ name: 'ｇｒｅｅｎ茶', quantity: 1, unitPrice: '10.00' }, { name: '龙井', quantity: 1, unitPrice: '20.00' }] });
    // As the version before keyed them: the names as typed, lower-cased, without their folded forms.
    const client = t.db.$client;
    client.prepare(`UPDATE customers SET search_text = ' ｘｙｚ商行 ｘｙｚshanghang ｘｙｚsh 8613800138000 ', sort_name = 'ｘｙｚ shang hang' WHERE id = ?`).run(fullWidth);
    client.prepare(`UPDATE customers SET search_text = ' 李四 lisi ls ｌｓ贸易 ｌｓmaoyi ｌｓmy ' WHERE id = ?`).run(fullWidthCompany);
    client.prepare(`INSERT INTO maintenance_tasks (name) VALUES ('search_keys_folded')`).run();
    const before = storedState(t);
    expect((await t.call('customers:list', { search: 'xyz', limit: 50 })).rows).toEqual([]);
    // Sorted by name, the full-width name came after every Z (张三 is "zhang san").
    const byName = async (dispatch: (typeof t)['dispatch']) => (await call(dispatch, 'customers:list', { sort: { field: 'name', desc: false }, limit: 50 })).rows.map((r) => r.id);
    expect(await byName(t.dispatch)).toEqual([fullWidthCompany, plain, fullWidth]);
    t.close();

    reopened = reopen(t);
    const after = storedState(reopened);
    expect(after.tasks).toEqual([]);
    const keysOf = (rows: { id: string; search_text: string }[], id: string) => rows.find((r) => r.id === id)!.search_text;
    expect(keysOf(after.customers, fullWidth)).toContain(' xyz商行 ');
    expect(keysOf(after.customers, fullWidth)).toContain(' xyzshanghang ');
    expect(keysOf(after.customers, fullWidth)).toContain(' 8613800138000 ');
    expect(keysOf(after.customers, fullWidthCompany)).toContain(' ls贸易 ');
    expect(keysOf(after.customers, fullWidthCompany)).toContain(' lsmy ');
    expect(reopened.db.$client.prepare(`SELECT sort_name FROM customers WHERE id = ?`).pluck().get(fullWidth)).toBe('xyz shang hang');
    // Now among the X's: 李四 ("li si"), ＸＹＺ商行 ("xyz shang hang"), 张三 ("zhang san").
    expect(await byName(reopened.dispatch)).toEqual([fullWidthCompany, fullWidth, plain]);
    // Nothing else moved: the other rows' keys, every updated_at, and the activity revs of the rows not keyed again.
    const changed = new Set([fullWidth, fullWidthCompany]);
    expect(after.customers.filter((r) => !changed.has(r.id))).toEqual(before.customers.filter((r) => !changed.has(r.id)));
    expect(after.products).toEqual(before.products);
    expect(after.customers.map((r) => r.updated_at)).toEqual(before.customers.map((r) => r.updated_at));
    // Found by the half-width name now, by the list and the product search alike.
    expect((await call(reopened.dispatch, 'customers:list', { search: 'xyz', limit: 50 })).rows.map((r) => r.id)).toEqual([fullWidth]);
    expect((await call(reopened.dispatch, 'customers:list', { search: 'ls贸易', limit: 50 })).rows.map((r) => r.id)).toEqual([fullWidthCompany]);
    expect((await call(reopened.dispatch, 'customers:list', { search: 'xyzsh', limit: 50 })).rows.map((r) => r.id)).toEqual([fullWidth]);

    // Opened again: nothing left to do, nothing changes.
    reopened.close();
    reopened = reopen(t);
    expect(storedState(reopened)).toEqual(after);
  });

  it('leaves a task this build does not know for the build that does', () => {
    const t = (app = openTestApp(TODAY));
    t.db.$client.prepare(`INSERT INTO maintenance_tasks (name) VALUES ('a_later_task')`).run();
    t.close();
    reopened = reopen(t);
    expect(storedState(reopened).tasks).toEqual(['a_later_task']);
  });
});
