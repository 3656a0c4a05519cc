import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/** Customers not in the trash, read with plain SQL. */
function liveCustomers(dbPath: string): number {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
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
      `${dbPath} is damaged (database disk image is malformed); it was left as it is. Quit TierBook and restore the newest backup from the backups folder beside it with: tierbook restore --db ${dbPath} --from BACKUP (the damaged file is kept beside it, renamed *.damaged-<date>).`,
    );
    expect(startupFailureText(error, 'zh-CN', dbPath).detail).toBe(
      `${dbPath}\n\n${dbPath} 已损坏（database disk image is malformed），文件保持原样。请退出 TierBook，用命令 tierbook restore --db ${dbPath} --from 备份文件 恢复它旁边 backups 文件夹里最新的备份（损坏的文件会改名为 *.damaged-日期 保留在旁边）。`,
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

  it('restore, the way back the message names, puts the backup in its place and keeps the damaged file beside it', async () => {
    const { dbPath, dir, backup } = await workspace();
    const expected = liveCustomers(backup);
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    const damaged = readFileSync(dbPath);
    const run = runCli(['restore', '--db', dbPath, '--from', backup, '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const kept = join(dir, readdirSync(dir).find((name) => /^tierbook\.damaged-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite$/.test(name))!);
    // The workspace was closed cleanly: no -wal or -shm was there to keep, and the line names none.
    expect(['-wal', '-shm', '-journal'].filter((suffix) => existsSync(kept + suffix))).toEqual([]);
    expect(run.stdout).toBe(`Restored from ${backup}; the file that could not be opened is kept as ${kept}.\n`);
    expect(readFileSync(kept).equals(damaged)).toBe(true);
    expect(liveCustomers(dbPath)).toBe(expected);
    // The restored workspace is one the commands open again.
    expect(runCli(['customers', 'list', '--db', dbPath, '--json']).code).toBe(0);
  });

  it('in Chinese too, and a second restore keeps the first kept file', async () => {
    const { dbPath, dir, backup } = await workspace();
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    const first = runCli(['restore', '--db', dbPath, '--from', backup, '--lang', 'zh-CN']);
    expect(first.code).toBe(0);
    const kept = readdirSync(dir).filter((name) => name.includes('.damaged-'));
    expect(kept).toHaveLength(1);
    expect(first.stdout).toBe(`已从 ${backup} 恢复；无法打开的原文件保留为 ${join(dir, kept[0]!)}。\n`);
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    expect(runCli(['restore', '--db', dbPath, '--from', backup, '--lang', 'zh-CN']).code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.includes('.damaged-') && name.endsWith('.sqlite'))).toHaveLength(2);
  });

  it('a working file that cannot be read is set aside with it, and the backup restored', async () => {
    const { dbPath, dir, backup } = await workspace();
    mkdirSync(`${dbPath}-wal`);
    const run = runCli(['restore', '--db', dbPath, '--from', backup]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const kept = readdirSync(dir).find((name) => name.includes('.damaged-') && name.endsWith('.sqlite'))!;
    expect(existsSync(join(dir, `${kept}-wal`))).toBe(true);
    expect(liveCustomers(dbPath)).toBe(liveCustomers(backup));
    // The one working file there was is named, and only it.
    expect(run.stdout).toBe(`Restored from ${backup}; the file that could not be opened is kept, with its -wal file, as ${join(dir, kept)}.\n`);
  });

  it('--json prints what a restore prints, plus where the damaged file and its working files were kept', async () => {
    const { dbPath, dir, backup } = await workspace();
    // What the usual restore prints, on a whole copy of the same workspace.
    const whole = join(dir, 'whole.sqlite');
    expect(runCli(['backup', '--db', dbPath, '--to', whole]).code).toBe(0);
    const usual = JSON.parse(runCli(['restore', '--db', whole, '--from', backup, '--json']).stdout) as Record<string, unknown>;
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    mkdirSync(`${dbPath}-wal`);
    const run = runCli(['restore', '--db', dbPath, '--from', backup, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    const kept = join(dir, readdirSync(dir).find((name) => name.includes('.damaged-') && name.endsWith('.sqlite'))!);
    // All but leftTeam: whether the damaged file was in a team cannot be read, so nothing is said of the team.
    expect(Object.keys(usual)).toContain('leftTeam');
    expect(Object.keys(printed)).toEqual([...Object.keys(usual).filter((key) => key !== 'leftTeam'), 'keptAs', 'keptWorkingFiles']);
    expect(printed).toEqual({
      restoredFrom: backup,
      // No backup of the current data could be made: it would not open. It is kept whole as keptAs instead.
      safetyBackup: null,
      summary: { fileName: basename(backup), fileDate: statSync(backup).mtime.toISOString(), customers: liveCustomers(backup) },
      keptAs: kept,
      keptWorkingFiles: [`${kept}-wal`],
    });
    expect(printed.summary).toEqual(usual.summary);
    expect(liveCustomers(dbPath)).toBe(liveCustomers(backup));
  });

  it('a backup that is no database is refused before anything moves: the damaged file stays where it was', async () => {
    const { dbPath, dir } = await workspace();
    scribble(dbPath, 1, 100, pageSize(dbPath) - 100);
    const damaged = readFileSync(dbPath);
    const notABackup = join(dir, 'notes.sqlite');
    writeFileSync(notABackup, 'not a database at all, just some words typed into a file '.repeat(100));
    const run = runCli(['restore', '--db', dbPath, '--from', notABackup, '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from');
    expect(readFileSync(dbPath).equals(damaged)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes('.damaged-') || name.endsWith('.partial'))).toEqual([]);
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
