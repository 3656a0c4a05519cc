import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { removeStrayBackupFiles } from '../../core/backup';
import { call } from '../../core/dispatch';
import { SQLITE_PATH_MAX as SQLITE_PATH_MAX_USED } from '../../core/backup/name-length';
import { stagingTarget } from '../../core/backup/restore';
import { createTempBeside } from '../../core/backup/temp-file';
import { FileHandles } from '../../core/files/handles';
import { AppError } from '../../shared/contract';
import { bothTranslators } from '../support/both-languages';
import { tableCounts } from '../support/table-counts';
import { MIGRATIONS, openTestApp, tempDir, type TestApp } from '../support/test-app';

/**
 * File names the file system takes but that leave no room for what SQLite puts beside a database (`-wal`, `-shm`,
 * `-journal`), or paths longer than SQLite opens: a good backup under such a name restores, a backup or an export
 * made there is made, and a name the file system itself refuses is said to be too long — never "damaged".
 */
const NAME_MAX = 255;
const SQLITE_PATH_MAX = 504;

/** A file name of exactly `bytes` UTF-8 bytes ending in `ext`, Chinese as a user's file may be (3 bytes a character). */
function nameOf(bytes: number, ext: string): string {
  const room = bytes - Buffer.byteLength(ext);
  const han = '客户备份'.repeat(room).slice(0, Math.floor(room / 3));
  return `${han}${'x'.repeat(room - Buffer.byteLength(han))}${ext}`;
}

/** A folder (made in the test's own temp folder) whose path is `bytes` long, so a file in it can cross SQLite's limit. */
function deepFolder(under: string, bytes: number): string {
  let folder = under;
  while (Buffer.byteLength(folder) < bytes - 201) folder = join(folder, 'd'.repeat(200));
  folder = join(folder, 'e'.repeat(bytes - Buffer.byteLength(folder) - 1));
  mkdirSync(folder, { recursive: true });
  expect(Buffer.byteLength(folder)).toBe(bytes);
  return folder;
}

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 12, seed: 5 });
});
afterEach(() => app.cleanup());

const customers = (client: Database.Database) => client.prepare('SELECT count(*) FROM customers').pluck().get() as number;

/** A good backup of the data as it is now, moved to `path` (the name a user gave it), and one customer added after it. */
async function backupAt(path: string, mode: 'delete' | 'wal' = 'delete'): Promise<number> {
  const made = join(tempDir(), 'made.sqlite');
  await app.call('backup:create', { path: made });
  if (mode === 'wal') {
    const copy = new Database(made);
    copy.pragma('journal_mode = WAL');
    copy.close();
  }
  renameSync(made, path);
  const count = customers(app.db.$client);
  await app.call('customers:create', { name: 'Added after the backup' });
  expect(customers(app.db.$client)).toBe(count + 1);
  return count;
}

/** The folder's names and every file's bytes, to show a restore left the user's folder exactly as it found it. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name)).toString('base64')]));
}

async function refusal(channel: Parameters<TestApp['call']>[0], input: unknown): Promise<AppError> {
  const error = await app.call(channel, input as never).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('restoring a good backup whose name leaves no room for SQLite beside it', () => {
  it.each([
    ['a 255-byte name, rollback journal', 255, 'delete'],
    ['a 252-byte name in WAL mode (its -wal would be 256 bytes)', 252, 'wal'],
  ] as const)('restores %s by path (the CLI), leaving the folder as it was', async (_label, bytes, mode) => {
    const folder = tempDir();
    const path = join(folder, nameOf(bytes, '.sqlite'));
    expect(Buffer.byteLength(nameOf(bytes, '.sqlite'))).toBe(bytes);
    const count = await backupAt(path, mode);
    const before = snapshot(folder);

    const restored = await app.call('backup:restore', { path });
    expect(restored.restoredFrom).toBe(path);
    expect(customers(app.db.$client)).toBe(count);
    expect(restored.summary.customers).toBe(app.db.$client.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get());
    expect(snapshot(folder)).toEqual(before);
    // Nothing of the restore's own is left beside the database either.
    expect(readdirSync(app.dir).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('reads one whose -wal fits (a 251-byte name) in place, the changes still in its -wal included', async () => {
    const folder = tempDir();
    const path = join(folder, nameOf(251, '.sqlite'));
    await backupAt(path, 'wal');
    // Another program has the backup open and wrote to it: the change is only in its -wal.
    const writer = new Database(path);
    try {
      writer.pragma('wal_autocheckpoint = 0');
      writer.prepare(`UPDATE customers SET name = 'Only in the WAL' WHERE rowid = (SELECT min(rowid) FROM customers)`).run();
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
      await app.call('backup:restore', { path });
    } finally {
      writer.close();
    }
    expect(app.db.$client.prepare(`SELECT count(*) FROM customers WHERE name = 'Only in the WAL'`).pluck().get()).toBe(1);
  });

  it('restores one at a path longer than SQLite opens', async () => {
    const folder = deepFolder(tempDir(), SQLITE_PATH_MAX - 20);
    const path = join(folder, nameOf(40, '.sqlite'));
    expect(Buffer.byteLength(path)).toBeGreaterThan(SQLITE_PATH_MAX);
    const count = await backupAt(path);
    const before = snapshot(folder);
    await app.call('backup:restore', { path });
    expect(customers(app.db.$client)).toBe(count);
    expect(snapshot(folder)).toEqual(before);
  });

  it('restores one picked in the desktop dialog (a handle) and one in the backups folder by name (the bridge)', async () => {
    const handles = new FileHandles();
    const desktop = openTestApp('2026-11-23', { files: { mode: 'handles', handles } });
    try {
      await desktop.call('workspace:loadDemo', { customers: 12, seed: 5 });
      const path = join(tempDir(), nameOf(255, '.sqlite'));
      const made = await app.call('backup:create', {});
      copyFileSync(made.path, path);
      const count = customers(app.db.$client);
      const restored = await desktop.call('backup:restore', { handle: handles.register(path, 'restore') });
      expect(restored.restoredFrom).toBe(path);
      expect(customers(desktop.db.$client)).toBe(count);
    } finally {
      desktop.cleanup();
    }
    const bridged = openTestApp('2026-11-23', { files: { mode: 'confined' } });
    try {
      await bridged.call('workspace:loadDemo', { customers: 12, seed: 5 });
      const name = nameOf(255, '.sqlite');
      const made = await bridged.call('backup:create', {});
      renameSync(made.path, join(bridged.dir, 'backups', name));
      await bridged.call('customers:create', { name: 'Added after the backup' });
      const count = customers(bridged.db.$client);
      await bridged.call('backup:restore', { name });
      expect(customers(bridged.db.$client)).toBe(count - 1);
    } finally {
      bridged.cleanup();
    }
  });
});

describe('the limits, against the SQLite this build ships', () => {
  it('opens a database at a path of SQLITE_PATH_MAX bytes and none one byte longer', () => {
    expect(SQLITE_PATH_MAX_USED).toBe(SQLITE_PATH_MAX);
    const folder = deepFolder(tempDir(), SQLITE_PATH_MAX - 20);
    const opens = (bytes: number) => {
      const path = join(folder, 'f'.repeat(bytes - Buffer.byteLength(folder) - 1));
      try {
        const db = new Database(path);
        db.exec('CREATE TABLE t (x)');
        db.close();
        return true;
      } catch (error) {
        expect((error as { code: string }).code).toBe('SQLITE_CANTOPEN');
        return false;
      }
    };
    expect([opens(SQLITE_PATH_MAX), opens(SQLITE_PATH_MAX + 1)]).toEqual([true, false]);
  });
});

describe('links: SQLite works beside the file a link leads to', () => {
  it('restores through a short link to a long-named WAL file, and through a long-named link, leaving both folders as they were', async () => {
    const real = tempDir();
    const links = tempDir();
    const longReal = join(real, nameOf(253, '.sqlite'));
    const count = await backupAt(longReal, 'wal');
    symlinkSync(longReal, join(links, 'short.sqlite'));
    const shortReal = join(real, 'short-real.sqlite');
    copyFileSync(longReal, shortReal);
    symlinkSync(shortReal, join(links, nameOf(254, '.sqlite')));
    const before = [snapshot(real), snapshot(links)];

    await app.call('backup:restore', { path: join(links, 'short.sqlite') });
    expect(customers(app.db.$client)).toBe(count);
    await app.call('customers:create', { name: 'Added after the first restore' });
    await app.call('backup:restore', { path: join(links, nameOf(254, '.sqlite')) });
    expect(customers(app.db.$client)).toBe(count);
    expect([snapshot(real), snapshot(links)]).toEqual(before);
  });
});

describe('a database whose own name is long', () => {
  it("restores through a working copy whose name is cut to fit, which start-up removes if a restore was killed", async () => {
    const dir = tempDir();
    const dbPath = join(dir, nameOf(240, '.sqlite'));
    const backup = join(dir, 'backup.sqlite');
    await app.call('backup:create', { path: backup });
    const opened = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
    try {
      await call(opened.dispatch, 'backup:restore', { path: backup });
      expect(customers(opened.db.$client)).toBe(customers(app.db.$client));
      expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);

      const left = createTempBeside(stagingTarget(dbPath), { forSqlite: true });
      writeFileSync(`${left.path}-journal`, 'left behind');
      expect(Buffer.byteLength(left.path.slice(dir.length + 1))).toBeLessThanOrEqual(255 - '-journal'.length);
      expect(removeStrayBackupFiles(dbPath).sort()).toEqual([left.path, `${left.path}-journal`].sort());
    } finally {
      opened.close();
    }
  });
});

describe('a database deep enough that its working copy would pass what SQLite opens', () => {
  it('refuses a restore as a name too long, with the data and the folder unchanged', async () => {
    const folder = deepFolder(tempDir(), SQLITE_PATH_MAX - 30);
    const dbPath = join(folder, 'tierbook.sqlite');
    const backup = join(tempDir(), 'backup.sqlite');
    await app.call('backup:create', { path: backup });
    const opened = openApp({ dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
    try {
      await call(opened.dispatch, 'customers:create', { name: 'Kept' });
      const before = tableCounts(opened.db.$client);
      const names = readdirSync(folder).sort();
      const error = await call(opened.dispatch, 'backup:restore', { path: backup }).then(() => null, (e: unknown) => e as AppError);
      expect(error?.issues?.[0]).toMatchObject({ key: 'file_name_too_long' });
      expect(tableCounts(opened.db.$client)).toEqual(before);
      expect(readdirSync(folder).sort()).toEqual(names);
    } finally {
      opened.close();
    }
  });
});

describe('a name too long for the file system is named so, in both languages, and nothing changes', () => {
  const t = bothTranslators();

  it('says so of a backup to restore whose name the file system refuses, instead of "damaged" or "no such file"', async () => {
    const before = tableCounts(app.db.$client);
    const error = await refusal('backup:restore', { path: join(tempDir(), nameOf(256, '.sqlite')) });
    expect(error.issues?.[0]).toMatchObject({ path: ['path'], key: 'file_name_too_long' });
    expect(tableCounts(app.db.$client)).toEqual(before);
    expect(t.en('errors:issue.file_name_too_long', error.issues![0]!.params)).toMatch(/too long/);
    expect(t['zh-CN']('errors:issue.file_name_too_long', error.issues![0]!.params)).toMatch(/太长/);
  });

  it('makes a backup under a 255-byte name, which then restores', async () => {
    const folder = tempDir();
    const path = join(folder, nameOf(255, '.sqlite'));
    const made = await app.call('backup:create', { path });
    expect(made.path).toBe(path);
    expect(readdirSync(folder)).toEqual([nameOf(255, '.sqlite')]);
    const count = customers(app.db.$client);
    await app.call('customers:create', { name: 'Added after the backup' });
    await app.call('backup:restore', { path });
    expect(customers(app.db.$client)).toBe(count);
  });

  it('refuses a backup under a name the file system refuses, or in a folder deeper than SQLite writes, writing nothing', async () => {
    const folder = tempDir();
    for (const path of [join(folder, nameOf(256, '.sqlite')), join(deepFolder(folder, SQLITE_PATH_MAX - 10), 'b.sqlite')]) {
      const error = await refusal('backup:create', { path });
      expect(error.issues?.[0]).toMatchObject({ path: ['path'], key: 'file_name_too_long' });
    }
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [e.name]));
    expect(files(folder)).toEqual([]);
  });

  it('exports under a 255-byte name, and refuses a longer one as too long', async () => {
    const folder = tempDir();
    const path = join(folder, nameOf(255, '.csv'));
    await app.call('export:customers', { path, format: 'csv' });
    expect(readdirSync(folder)).toEqual([nameOf(255, '.csv')]);
    expect(statSync(path).size).toBeGreaterThan(0);
    const error = await refusal('export:customers', { path: join(folder, nameOf(256, '.csv')), format: 'csv' });
    expect(error.issues?.[0]).toMatchObject({ path: ['path'], key: 'file_name_too_long' });
    expect(readdirSync(folder)).toEqual([nameOf(255, '.csv')]);
  });

  it("writes an import's rejected rows under a 255-byte name, and refuses a longer one as too long, importing nothing", async () => {
    const folder = tempDir();
    const source = join(folder, 'in.csv');
    writeFileSync(source, 'Name,Phone\n李四,13800138001\n坏行,not-a-phone\n');
    const rejects = join(folder, nameOf(255, '.csv'));
    const done = await app.call('import:commit', { kind: 'customers', source: { path: source }, onError: 'skip', rejectsPath: rejects });
    expect(done).toMatchObject({ added: 1, rejected: 1, rejectsPath: rejects });
    expect(readFileSync(rejects, 'utf8')).toContain('not-a-phone');

    const before = tableCounts(app.db.$client);
    const error = await refusal('import:commit', { kind: 'customers', source: { path: source }, onError: 'skip', rejectsPath: join(folder, nameOf(256, '.csv')) });
    expect(error.issues?.[0]).toMatchObject({ path: ['rejectsPath'], key: 'file_name_too_long' });
    expect(tableCounts(app.db.$client)).toEqual(before);
    expect(readdirSync(folder).sort()).toEqual(['in.csv', nameOf(255, '.csv')].sort());
  });
});
