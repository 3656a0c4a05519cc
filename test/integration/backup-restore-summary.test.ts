import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/** A restore says what the user now has, and leaves the screen in the language they are reading. */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 30, seed: 5 });
});
afterEach(() => app.cleanup());

describe('backup:restore', () => {
  it('confirms the file, its date and its customer count, and keeps the current language', async () => {
    await app.call('settings:update', { language: 'en' });
    const victim = (await app.call('customers:list', { limit: 1 })).rows[0]!;
    await app.call('customers:delete', { id: victim.id });
    const path = join(app.dir, 'shop-2026-11-20.sqlite');
    await app.call('backup:create', { path });

    // After the backup: another language, and more customers.
    await app.call('settings:update', { language: 'zh-CN' });
    for (const name of ['甲', '乙', '丙']) await app.call('customers:create', { name });

    const backup = new Database(path, { readonly: true });
    const inBackup = backup.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
    const languageInBackup = backup.prepare('SELECT language FROM settings WHERE id = 1').pluck().get();
    backup.close();
    expect(languageInBackup).toBe('en');

    const restored = await app.call('backup:restore', { path });
    expect(restored.summary).toEqual({ fileName: 'shop-2026-11-20.sqlite', fileDate: statSync(path).mtime.toISOString(), customers: inBackup });
    expect(inBackup).toBe(29);
    expect((await app.call('customers:list', { limit: 1 })).total).toBe(app.db.$client.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL').pluck().get());
    expect((await app.call('settings:get', {})).language).toBe('zh-CN');
  });
});
