/**
 * Migration 0032: customers keyed before search folded Traditional characters to Simplified and dropped invisible
 * ones are keyed again once, when the app next opens the file (the migration leaves the task in maintenance_tasks,
 * core/maintenance.ts does it). The database here is one the release before made: migrated up to 0031 only.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { sortKey } from '../../shared/domain/pinyin';
import { MIGRATIONS, tempDir } from '../support/test-app';
import { migrationsBefore } from '../support/migrations-before';

const TODAY = '2026-11-23';
const opened: OpenedApp[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
});

const open = (dbPath: string, migrationsFolder: string): OpenedApp => {
  const app = openApp({ dbPath, migrationsFolder, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY), checkOutput: true });
  opened.push(app);
  return app;
};


const stored = (app: OpenedApp) => ({
  customers: app.db.$client.prepare(`SELECT id, name, search_text, sort_name, updated_at FROM customers ORDER BY id`).all() as { id: string; name: string; search_text: string; sort_name: string; updated_at: string }[],
  tasks: app.db.$client.prepare(`SELECT name FROM maintenance_tasks`).pluck().all(),
});

describe('migration 0032 on a database keyed before search folded scripts', () => {
  it('keys again, once, the customers whose name, company or email folds, and leaves every other row as it was', async () => {
    const dbPath = join(tempDir(), 'tierbook.sqlite');
    const before = open(dbPath, migrationsBefore('0032_'));
    const add = async (input: Parameters<typeof call<'customers:create'>>[2]) => (await call(before.dispatch, 'customers:create', input)).customer.id;
    const traditional = await add({ name: '張三豐', contacts: [{ kind: 'phone', value: '13800138000' }] });
    const joined = await add({ name: '李\u200D四', contacts: [] });
    const company = await add({ name: '陈记', type: 'enterprise', company: '香港貿易有限公司', contacts: [] });
    // The contract drops a zero-width space from what is typed, not a joiner (emoji need it): one pasted inside an address stays.
    const email = await add({ name: 'Anna', contacts: [{ kind: 'email', value: 'anna\u200D@example.com' }] });
    const plain = await add({ name: '王小丽', contacts: [{ kind: 'phone', value: '13900139000' }] });
    // As the release before keyed them: the names as typed, their pinyin read through the invisible character.
    const client = before.db.$client;
    const keyed = client.prepare(`UPDATE customers SET search_text = ?, sort_name = ? WHERE id = ?`);
    keyed.run(' 張三豐 zhangsanfeng zsf 8613800138000 ', 'zhang san feng', traditional);
    keyed.run(' 李\u200d四 li\u200dsi l\u200ds ', 'li \u200d si', joined);
    keyed.run(' 陈记 chenji cj 香港貿易有限公司 xianggangmaoyiyouxiangongsi xgmyyxgs ', 'chen ji', company);
    keyed.run(' anna anna\u200d@example.com ', 'anna', email);
    const found = async (app: OpenedApp, search: string) => (await call(app.dispatch, 'customers:list', { search, limit: 50 })).rows.map((r) => r.id);
    expect(await found(before, '张三丰')).toEqual([]);
    expect(await found(before, '李四')).toEqual([]);
    const was = stored(before);
    expect(was.tasks).toEqual([]);
    before.close();
    opened.splice(opened.indexOf(before), 1);

    const after = open(dbPath, MIGRATIONS);
    const now = stored(after);
    expect(now.tasks).toEqual([]);
    expect(await found(after, '张三丰')).toEqual([traditional]);
    expect(await found(after, '張三豐')).toEqual([traditional]);
    expect(await found(after, '8613800138000')).toEqual([traditional]);
    expect(await found(after, '李四')).toEqual([joined]);
    expect(await found(after, 'lisi')).toEqual([joined]);
    expect(await found(after, '贸易')).toEqual([company]);
    expect(await found(after, 'anna@example')).toEqual([email]);
    const row = (id: string) => now.customers.find((c) => c.id === id)!;
    expect(row(traditional).sort_name).toBe(sortKey('张三丰', { personName: true }));
    expect(row(joined).sort_name).toBe('li si');
    // Names as typed, every updated_at as it was, and the customer with nothing to fold untouched.
    expect(now.customers.map((c) => [c.id, c.name, c.updated_at])).toEqual(was.customers.map((c) => [c.id, c.name, c.updated_at]));
    expect(row(plain)).toEqual(was.customers.find((c) => c.id === plain));

    // Opened again: nothing left to do, nothing changes.
    after.close();
    opened.splice(opened.indexOf(after), 1);
    expect(stored(open(dbPath, MIGRATIONS))).toEqual(now);
  });
});
