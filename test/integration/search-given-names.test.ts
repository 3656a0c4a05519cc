/**
 * pinyin-pro's surname mode reads every character that can be a surname as a surname, the given name's too:
 * 赵六 was keyed "zhaolu", 王乐乐 "wangyueyue" and "wyy", so "zhaoliu", "wanglele" and "wll" found no one. A
 * person's name is now also keyed with the given name read as usual, and customers keyed before are keyed
 * again once, when the app next opens the file (migration 0031 leaves the task, core/maintenance.ts does it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { searchKeys } from '../../shared/domain/pinyin';
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

const found = async (dispatch: OpenedApp['dispatch'], search: string) => (await call(dispatch, 'customers:list', { search, limit: 50 })).rows.map((r) => r.name).sort();

describe('a Chinese person name whose given name holds a surname character', () => {
  it('is keyed with the given name read as usual, and with surname mode reading as before', () => {
    expect(searchKeys('赵六', { personName: true })).toEqual(expect.arrayContaining(['zhaoliu', 'zhaolu', 'zl']));
    expect(searchKeys('王乐乐', { personName: true })).toEqual(expect.arrayContaining(['wanglele', 'wll', 'wangyueyue']));
    expect(searchKeys('曾单', { personName: true })).toEqual(expect.arrayContaining(['zengdan', 'zd']));
    // The surname keeps its name reading; a company is read as usual only.
    expect(searchKeys('单田芳', { personName: true })).toEqual(['单田芳', 'shantianfang', 'stf']);
    expect(searchKeys('张三', { personName: true })).toEqual(['张三', 'zhangsan', 'zs']);
  });

  it('is found by the usual reading, on a new customer and, after the reopen, on one keyed before', async () => {
    const t = (app = openTestApp(TODAY));
    await t.call('customers:create', { name: '赵六', contacts: [{ kind: 'phone', value: '13800138000' }] });
    await t.call('customers:create', { name: '王乐乐', contacts: [] });
    await t.call('customers:create', { name: '单田芳', contacts: [] });
    await t.call('customers:create', { name: '乐乐贸易', type: 'enterprise', contacts: [] });
    expect(await found(t.dispatch, 'zhaoliu')).toEqual(['赵六']);
    expect(await found(t.dispatch, 'wll')).toEqual(['王乐乐']);
    expect(await found(t.dispatch, 'wanglele')).toEqual(['王乐乐']);
    expect(await found(t.dispatch, 'shantianfang')).toEqual(['单田芳']);
    expect(await found(t.dispatch, 'lele')).toEqual(['乐乐贸易', '王乐乐']);

    // As the version before keyed them: surname mode only.
    const client = t.db.$client;
    client.prepare(`UPDATE customers SET search_text = ' 赵六 zhaolu zl 8613800138000 ' WHERE name = '赵六'`).run();
    client.prepare(`UPDATE customers SET search_text = ' 王乐乐 wangyueyue wyy ' WHERE name = '王乐乐'`).run();
    const untouched = client.prepare(`SELECT id, search_text, sort_name, updated_at FROM customers WHERE name IN ('单田芳', '乐乐贸易') ORDER BY id`).all();
    const stamps = client.prepare(`SELECT id, updated_at, sort_name FROM customers ORDER BY id`).all();
    client.prepare(`INSERT INTO maintenance_tasks (name) VALUES ('search_keys_given_names')`).run();
    expect(await found(t.dispatch, 'zhaoliu')).toEqual([]);
    t.close();

    reopened = openApp({ dbPath: t.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY), checkOutput: true });
    const after = reopened.db.$client;
    expect(after.prepare(`SELECT name FROM maintenance_tasks`).pluck().all()).toEqual([]);
    expect(await found(reopened.dispatch, 'zhaoliu')).toEqual(['赵六']);
    expect(await found(reopened.dispatch, '8613800138000')).toEqual(['赵六']);
    expect(await found(reopened.dispatch, 'wll')).toEqual(['王乐乐']);
    expect(await found(reopened.dispatch, 'wyy')).toEqual(['王乐乐']);
    // The others as they were; nobody's updated_at or sort key moved.
    expect(after.prepare(`SELECT id, search_text, sort_name, updated_at FROM customers WHERE name IN ('单田芳', '乐乐贸易') ORDER BY id`).all()).toEqual(untouched);
    expect(after.prepare(`SELECT id, updated_at, sort_name FROM customers ORDER BY id`).all()).toEqual(stamps);
  });
});
