import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { runAutomaticBackups } from '../../core/backup';
import { call } from '../../core/dispatch';
import { forkImportWorker, processImportRunner } from '../../core/importing';
import { backupFolder, backupName } from '../../core/backup/files';
import { MIGRATIONS, openTestApp, tempDir } from '../support/test-app';

/**
 * A database with a damaged page in the middle (a disk error, a copy cut short and patched): it still opens and
 * lists, so nothing tells the user; its backups must not pass for good ones.
 */
let dbPath: string;
let app: OpenedApp;
beforeEach(async () => {
  const first = openTestApp();
  await first.call('workspace:loadDemo', { customers: 120, seed: 4 });
  dbPath = join(tempDir(), 'damaged.sqlite');
  await first.db.$client.backup(dbPath);
  first.cleanup();
  const pageSize = 4096;
  const file = readFileSync(dbPath);
  expect(file.readUInt16BE(16)).toBe(pageSize);
  const middle = Math.floor(file.length / pageSize / 2);
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, middle * pageSize);
  closeSync(fd);
  app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
});
afterEach(() => app.close());

describe('backing up a damaged database', () => {
  it('Settings → Backups: no backup is made, and the message says the database is damaged', async () => {
    const result = await app.dispatch('backup:create', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', issues: [{ path: [], key: 'backup_source_damaged' }] });
    expect(result.error.message).toMatch(/^The database is damaged \(.+\): no backup was made, and no earlier backup was deleted\. Restore a backup from before the damage\.$/);
    // Nothing under a backup's name, and no temp file left.
    expect(readdirSync(backupFolder(dbPath))).toEqual([]);
  });

  it('the automatic backup makes none and deletes none of the good ones kept', async () => {
    const folder = backupFolder(dbPath);
    // Eight days of daily backups already there, as a week of use leaves them: the oldest would be rotated out.
    mkdirSync(folder);
    for (let day = 1; day <= 8; day++) writeFileSync(join(folder, backupName('daily', new Date(2026, 10, day, 9))), `good copy ${day}`);
    const before = readdirSync(folder).sort();
    expect(before).toHaveLength(8);
    await expect(runAutomaticBackups(app.db.$client, dbPath, new Date(2026, 10, 20, 9))).rejects.toMatchObject({ issues: [{ key: 'backup_source_damaged' }] });
    expect(readdirSync(folder).sort()).toEqual(before);
  });
});

describe('restoring over a damaged database', () => {
  it('a good backup restores, and the damaged data is kept as the before-restore copy', async () => {
    const good = openTestApp();
    await good.call('workspace:loadDemo', { customers: 30, seed: 9 });
    const goodBackup = join(good.dir, 'good.sqlite');
    await good.call('backup:create', { path: goodBackup });
    const customers = good.db.$client.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get();
    const restored = await call(app.dispatch, 'backup:restore', { path: goodBackup });
    good.cleanup();
    expect(restored.summary.customers).toBe(customers);
    expect(app.db.$client.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get()).toBe(customers);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(readdirSync(backupFolder(dbPath))).toEqual([restored.safetyBackup.name]);
  });
});

describe('the check of a backup in the app, which reads every page', () => {
  it('runs in the import worker process, not in the app, and says the same', async () => {
    // About a second at 100k customers: in the app's own process it would hold every screen that long.
    const runner = processImportRunner(forkImportWorker());
    try {
      const good = join(tempDir(), 'good.sqlite');
      const source = openTestApp();
      await source.call('workspace:loadDemo', { customers: 30, seed: 2 });
      await source.db.$client.backup(good);
      source.cleanup();
      const checks = [runner.checkFile(good), runner.checkFile(dbPath)];
      // Each check is a worker of its own while it reads.
      expect(runner.workers()).toHaveLength(2);
      const [whole, damaged] = await Promise.all(checks);
      expect(whole).toEqual(['ok']);
      expect(damaged).not.toEqual(['ok']);
      expect(damaged?.length).toBeGreaterThan(0);
    } finally {
      runner.close();
    }
  });

  it('Settings → Backups in an app with its worker refuses the damaged database as the app alone does', async () => {
    const withWorker = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, importWorker: forkImportWorker() });
    try {
      const result = await withWorker.dispatch('backup:create', {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues).toEqual([{ path: [], key: 'backup_source_damaged' }]);
      expect(readdirSync(backupFolder(dbPath))).toEqual([]);
    } finally {
      withWorker.close();
    }
  });
});
