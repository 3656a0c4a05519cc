import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../core/app';
import { startupFailureText } from '../../core/startup-failure';
import { DatabaseDamagedError, DatabaseUnreadableError, NotTierBookDatabaseError, openDatabase } from '../../db/open';
import { runCli } from '../support/cli';
import { MIGRATIONS, openTestApp, tempDir } from '../support/test-app';

/**
 * A workspace file that a disk fault, a copy cut short or another program wrote over: a page no longer reads as SQLite
 * wrote it. The user is told it is damaged and how to get back to a good backup, in their language, and nothing is
 * taken for a new empty workspace or called "not a database".
 */
const DAMAGED = { code: 'internal', issues: [{ path: [], key: 'database_damaged' }] };

const opened: OpenedApp[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const app of opened.splice(0)) app.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small demo workspace, closed (its WAL folded in), with a backup taken while it was whole. */
async function workspace(): Promise<{ dbPath: string; dir: string; backup: string }> {
  const app = openTestApp();
  folders.push(app.dir);
  await app.call('workspace:loadDemo', { customers: 40, seed: 7 });
  const backup = (await app.call('backup:create', {})).path;
  app.close();
  return { dbPath: app.dbPath, dir: app.dir, backup };
}

const pageSize = (dbPath: string) => readFileSync(dbPath).readUInt16BE(16);

/** Writes 0xFF over `length` bytes of page `page` (1-based) from `offset`: no page type, cell or header reads so. */
function scribble(dbPath: string, page: number, offset: number, length: number): void {
  const fd = openSync(dbPath, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xff), 0, length, (page - 1) * pageSize(dbPath) + offset);
  } finally {
    closeSync(fd);
  }
}

/** The first page holding the customers table's rows, found with SQLite's own page list. */
function customersPage(dbPath: string): number {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return raw.prepare(`SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1`).pluck().get() as number;
  } finally {
    raw.close();
  }
}

function reopen(dbPath: string): OpenedApp {
  const app = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
  opened.push(app);
  return app;
}

describe('a workspace with a damaged page', () => {
  it('a call that meets the damage says so, with the way back, instead of an unexpected error', async () => {
    const { dbPath } = await workspace();
    scribble(dbPath, customersPage(dbPath), 0, pageSize(dbPath));
    const result = await reopen(dbPath).dispatch('customers:list', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(DAMAGED);
    expect(result.error.message).toBe(
      'The database file is damaged (database disk image is malformed): nothing was changed. Restore a backup from before the damage (Settings → Backup and restore, or tierbook restore); the damaged data is kept as a backup first.',
    );
  });

  it('repair refuses it, as it cannot mend a page, instead of reporting every figure rebuilt', async () => {
    const { dbPath } = await workspace();
    scribble(dbPath, customersPage(dbPath), 0, pageSize(dbPath));
    const result = await reopen(dbPath).dispatch('workspace:repair', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(DAMAGED);
    expect(result.error.message).toMatch(/^The database file is damaged \(.+\): repair rebuilds the figures from your records but cannot mend damaged pages, so nothing was changed\. Restore a backup/);
  });

  it('the way back works: the backup from before is restored, and the damaged data is kept as a backup', async () => {
    const { dbPath, dir, backup } = await workspace();
    const customers = new Database(backup, { readonly: true });
    const expected = customers.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
    customers.close();
    scribble(dbPath, customersPage(dbPath), 0, pageSize(dbPath));
    const app = reopen(dbPath);
    const restored = await app.dispatch('backup:restore', { path: backup });
    expect(restored).toMatchObject({ ok: true });
    const list = await app.dispatch('customers:list', { limit: 500 });
    expect(list.ok && (list.value as { total: number }).total).toBe(expected);
    const kept = readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('tierbook-before-restore-'));
    expect(kept).toHaveLength(1);
  });
});

describe('a workspace that cannot be opened', () => {
  it('its schema page damaged: called damaged, with the way back, not "not a database file"; left as it was', async () => {
    const { dbPath } = await workspace();
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    const before = readFileSync(dbPath);
    let error: unknown;
    try {
      openDatabase(dbPath, MIGRATIONS).$client.close();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as Error).message).toBe(
      `${dbPath} is damaged (database disk image is malformed); it was left as it is. Quit TierBook, move it (and its -wal and -shm files beside it, if there) to another folder and keep it, then copy the newest backup from the backups folder beside it to ${dbPath}.`,
    );
    expect(startupFailureText(error, 'zh-CN', dbPath).detail).toBe(
      `${dbPath}\n\n${dbPath} 已损坏（database disk image is malformed），文件保持原样。请退出 TierBook，把它（以及旁边的 -wal、-shm 文件，如果有）移到另一个文件夹里保留好，再把它旁边 backups 文件夹里最新的备份复制为 ${dbPath}。`,
    );
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('a copy cut short is damaged too', async () => {
    const { dbPath } = await workspace();
    truncateSync(dbPath, Math.floor(readFileSync(dbPath).length / 3));
    expect(() => openDatabase(dbPath, MIGRATIONS)).toThrow(DatabaseDamagedError);
  });

  it('the command line says it in the language asked for, and exits 1', async () => {
    const { dbPath } = await workspace();
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    const run = runCli(['customers', 'list', '--db', dbPath, '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${dbPath} 已损坏（database disk image is malformed），文件保持原样。`);
  });

  it('a working file that cannot be read: "could not be read", never "not a database file"', async () => {
    const { dbPath } = await workspace();
    // SQLite cannot open a -wal that is a folder (SQLITE_CANTOPEN), as it cannot make a -shm on a full disk (SQLITE_IOERR).
    mkdirSync(`${dbPath}-wal`);
    let error: unknown;
    try {
      openDatabase(dbPath, MIGRATIONS).$client.close();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DatabaseUnreadableError);
    expect(error).not.toBeInstanceOf(NotTierBookDatabaseError);
    expect((error as Error).message).toBe(
      `${dbPath} could not be read (unable to open database file); it was left as it is. The disk may be full, or the drive it is on unavailable: free some space or reconnect the drive, then try again.`,
    );
    expect(startupFailureText(error, 'zh-CN', dbPath).detail).toContain(`${dbPath} 无法读取（unable to open database file），文件保持原样。可能是磁盘已满`);
    expect(existsSync(dbPath)).toBe(true);
  });
});
