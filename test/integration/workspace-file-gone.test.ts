import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The workspace file deleted, moved or replaced while the app has it open. SQLite keeps writing into the open file,
 * which no name reaches any more: every save would answer success and be gone when the app quits. Saves are refused
 * with the way out instead; what is open can still be read and backed up.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 30, seed: 5 });
});
afterEach(() => app.cleanup());

const countIn = (file: string, sql: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return raw.prepare(sql).pluck().get() as number;
  } finally {
    raw.close();
  }
};

async function refusal(name: Parameters<TestApp['dispatch']>[0], input: unknown) {
  const result = await app.dispatch(name, input);
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}

const GONE = { code: 'conflict', issues: [{ path: [], key: 'workspace_file_gone' }] };

describe('the workspace file goes away under the running app', () => {
  it('deleted: a save is refused as such, nothing is written, and what is open is backed up whole', async () => {
    const customers = (await app.call('workspace:status', {})).customers;
    rmSync(app.dbPath);
    const error = await refusal('customers:create', { name: '孙八' });
    expect(error).toMatchObject(GONE);
    expect(error!.message).toBe(
      `The workspace file ${app.dbPath} was deleted, moved or replaced while TierBook had it open, so nothing more can be saved to it; nothing was changed. What is open can still be backed up: make a backup (Settings → Backup and restore), then restart TierBook and restore that backup, or put the file back.`,
    );
    expect(app.db.$client.prepare(`SELECT count(*) FROM customers WHERE name = '孙八'`).pluck().get()).toBe(0);
    // Reading goes on, and the backup holds every customer the open data has, counted in the file with plain SQL.
    expect((await app.call('workspace:status', {})).customers).toBe(customers);
    const backup = await app.call('backup:create', {});
    expect(countIn(backup.path, 'SELECT count(*) FROM customers WHERE deleted_at IS NULL')).toBe(customers);
    // A restore would write into a new file at that name, not into the data that is open.
    expect(await refusal('backup:restore', { path: backup.path })).toMatchObject(GONE);
    expect(existsSync(app.dbPath)).toBe(false);
  });

  it('replaced by another file under the same name: saves are refused, the new file is left alone', async () => {
    const other = join(app.dir, 'other.sqlite');
    app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(app.dbPath, other);
    renameSync(other, app.dbPath);
    expect(await refusal('customers:create', { name: '孙八' })).toMatchObject(GONE);
    expect(countIn(app.dbPath, `SELECT count(*) FROM customers WHERE name = '孙八'`)).toBe(0);
  });

  it('moved away and back: saving works again', async () => {
    const moved = join(app.dir, 'moved.sqlite');
    renameSync(app.dbPath, moved);
    expect(await refusal('customers:create', { name: '孙八' })).toMatchObject(GONE);
    renameSync(moved, app.dbPath);
    await app.call('customers:create', { name: '孙八' });
    app.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(countIn(app.dbPath, `SELECT count(*) FROM customers WHERE name = '孙八'`)).toBe(1);
  });
});
