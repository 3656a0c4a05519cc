import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { removeStrayBackupFiles } from '../../core/backup';
import { tableCounts } from '../support/table-counts';
import type { AppError } from '../../shared/contract';
import { runCli } from '../support/cli';
import { MIGRATIONS, openTestApp, tempDir, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 30, seed: 3 });
});
afterEach(() => app.cleanup());

const counts = tableCounts;

/** Closes the app and opens the file afresh, as a restart would: the data must be whole and unchanged. */
function expectIntactAfterRestart(before: Record<string, number>) {
  app.close();
  const reopened = new Database(app.dbPath);
  try {
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts(reopened)).toEqual(before);
  } finally {
    reopened.close();
  }
}

const partialsIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((n) => n.includes('.partial')) : []);

describe('backup targets', () => {
  it('refuses the open database and its -wal, -shm and -journal, however they are named', async () => {
    const before = counts(app.db.$client);
    expect(existsSync(`${app.dbPath}-wal`)).toBe(true);
    const link = join(app.dir, 'link-to-db.sqlite');
    symlinkSync(app.dbPath, link);
    const hardLink = join(app.dir, 'hard-link.sqlite');
    linkSync(app.dbPath, hardLink);
    mkdirSync(join(app.dir, 'sub'));
    const spelledOtherwise = join(app.dir, 'sub', '..', '.', 'tierbook.sqlite');
    const linkedFolder = join(app.dir, 'same-folder');
    symlinkSync(app.dir, linkedFolder);

    const targets = [app.dbPath, `${app.dbPath}-wal`, `${app.dbPath}-shm`, `${app.dbPath}-journal`, link, hardLink, spelledOtherwise, join(linkedFolder, 'tierbook.sqlite'), join(linkedFolder, 'tierbook.sqlite-wal')];
    for (const path of targets) {
      await expect(app.call('backup:create', { path }), path).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['path'], key: 'backup_target_is_database' }],
        message: expect.stringContaining('is the open database'),
      });
    }
    expect(existsSync(`${app.dbPath}-journal`)).toBe(false);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(partialsIn(app.dir)).toEqual([]);
    // The app goes on working on the same data.
    expect((await app.call('customers:list', { limit: 1 })).total).toBe(30);
    expectIntactAfterRestart(before);
  });

  it('refuses a folder, a FIFO, and links (to a FIFO, to a file, or to nothing), leaving each as it was', async () => {
    const before = counts(app.db.$client);
    const folder = join(app.dir, 'a-folder');
    mkdirSync(folder);
    const fifo = join(app.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const toFifo = join(app.dir, 'link-to-pipe');
    symlinkSync(fifo, toFifo);
    const someFile = join(app.dir, 'notes.txt');
    writeFileSync(someFile, 'my notes');
    const toFile = join(app.dir, 'link-to-notes');
    symlinkSync(someFile, toFile);
    const dangling = join(app.dir, 'link-to-nothing');
    symlinkSync(join(app.dir, 'missing'), dangling);

    for (const path of [folder, fifo, toFifo, toFile, dangling]) {
      await expect(app.call('backup:create', { path }), path).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['path'], key: 'backup_not_a_file' }] });
    }
    expect(lstatSync(folder).isDirectory()).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(toFifo).isSymbolicLink()).toBe(true);
    expect(lstatSync(toFile).isSymbolicLink()).toBe(true);
    expect(readFileSync(someFile, 'utf8')).toBe('my notes');
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(existsSync(join(app.dir, 'missing'))).toBe(false);
    expect(partialsIn(app.dir)).toEqual([]);
    expectIntactAfterRestart(before);
  });

  it('writes a new file and replaces an existing regular file, each a whole database', async () => {
    const before = counts(app.db.$client);
    mkdirSync(join(app.dir, 'new', 'folder'), { recursive: true });
    const fresh = join(app.dir, 'new', 'folder', 'copy.sqlite');
    const existing = join(app.dir, 'old-copy.sqlite');
    writeFileSync(existing, 'an older file the user chose to overwrite');
    for (const path of [fresh, existing]) {
      const made = await app.call('backup:create', { path });
      expect(made).toMatchObject({ path, kind: 'manual' });
      expect(lstatSync(path).isFile()).toBe(true);
      const copy = new Database(path, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(counts(copy)).toEqual(before);
      copy.close();
    }
    // Backups hold customers' data: readable by the owner only.
    expect(lstatSync(fresh).mode & 0o077).toBe(0);
    expect(partialsIn(app.dir)).toEqual([]);
    expect(partialsIn(join(app.dir, 'new', 'folder'))).toEqual([]);
    expectIntactAfterRestart(before);
  });
  it('refuses a folder that is not there and makes none, as an export does; its own backups folder it makes', async () => {
    const folder = join(app.dir, 'missing', 'deeper');
    const path = join(folder, 'copy.sqlite');
    const refusal = await app.call('backup:create', { path }).catch((error: unknown) => error as AppError);
    expect(refusal).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['path'], key: 'write_folder_missing', params: { path, folder: expect.stringMatching(/missing\/deeper$/) } }],
      message: expect.stringMatching(/^\S+copy\.sqlite cannot be written: the folder \S+missing\/deeper does not exist; no backup was made \(choose a folder that exists\)\.$/),
    });
    expect(existsSync(join(app.dir, 'missing'))).toBe(false);
    // The command line says the same, and makes no folder either.
    expect(runCli(['backup', '--db', app.dbPath, '--to', path])).toMatchObject({ code: 2, stdout: '', stderr: `error: ${(refusal as AppError).message}\n` });
    expect(existsSync(join(app.dir, 'missing'))).toBe(false);
    // The backups folder beside the database is TierBook's own: a backup with no file chosen makes it.
    const here = await app.call('backup:create', {});
    expect(here.path.startsWith(join(app.dir, 'backups'))).toBe(true);
    expect(lstatSync(here.path).isFile()).toBe(true);
  });

  it('refuses a database another connection has open, and a name with a log or journal left beside it', async () => {
    const before = counts(app.db.$client);
    // Another workspace open in another program: renaming a backup over it left that program writing its
    // log into the new file's pages, and the file read as "malformed database schema" afterwards.
    const otherPath = join(app.dir, 'other.sqlite');
    const other = new Database(otherPath);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
    await expect(app.call('backup:create', { path: otherPath })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['path'], key: 'backup_target_in_use' }],
      message: expect.stringContaining('other.sqlite-wal is beside it'),
    });
    for (let i = 0; i < 50; i++) other.prepare('INSERT INTO notes (body) VALUES (?)').run(`later ${i} ${'x'.repeat(500)}`);
    other.close();
    const reopened = new Database(otherPath, { readonly: true });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(51);
    reopened.close();

    // A journal left by a crash would be rolled back into whatever file next takes the name; exports too.
    const leftJournal = join(app.dir, 'orders.csv');
    writeFileSync(`${leftJournal}-journal`, 'a hot journal');
    await expect(app.call('export:orders', { path: leftJournal })).rejects.toMatchObject({ issues: [{ path: ['path'], key: 'write_target_in_use' }] });
    expect(existsSync(leftJournal)).toBe(false);
    const leftLog = join(app.dir, 'gone.sqlite');
    writeFileSync(`${leftLog}-wal`, 'a log');
    await expect(app.call('backup:create', { path: leftLog })).rejects.toMatchObject({ issues: [{ key: 'backup_target_in_use' }] });
    expect(existsSync(leftLog)).toBe(false);
    expect(partialsIn(app.dir)).toEqual([]);
    expectIntactAfterRestart(before);
  });
});

describe('start-up clean-up', () => {
  const ours = [
    'backups/tierbook-manual-2026-11-20-101500.sqlite.0123456789abcdef.partial',
    'backups/tierbook-manual-2026-11-20-101500.sqlite.0123456789abcdef.partial-journal',
    'backups/tierbook-daily-2026-11-19.sqlite.partial',
    'tierbook.sqlite.restore.fedcba9876543210.partial',
    'tierbook.sqlite.restore.fedcba9876543210.partial-journal',
    'tierbook.sqlite.restore.fedcba9876543210.partial-wal',
  ];
  const notOurs = [
    'tierbook.sqlite-journal',
    'tierbook.sqlite-wal',
    'tierbook.sqlite-shm',
    'other.sqlite-journal',
    'notes.partial',
    'other.sqlite.restore.fedcba9876543210.partial',
    'backups/tierbook-manual-2026-11-20-101500.sqlite',
    'backups/holiday.partial',
  ];

  it('removes only the temp files of killed backups and restores, never a journal of the database', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'backups'));
    for (const name of [...ours, ...notOurs]) writeFileSync(join(dir, name), 'left behind');
    try {
      const removed = removeStrayBackupFiles(join(dir, 'tierbook.sqlite'));
      expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual([...ours].sort());
      for (const name of ours) expect(existsSync(join(dir, name)), name).toBe(false);
      for (const name of notOurs) expect(readFileSync(join(dir, name), 'utf8'), name).toBe('left behind');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs when the app opens', async () => {
    const before = counts(app.db.$client);
    app.close();
    const strays = ours;
    mkdirSync(join(app.dir, 'backups'), { recursive: true });
    for (const name of strays) writeFileSync(join(app.dir, name), 'left behind');
    const reopened = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' } });
    try {
      for (const name of strays) expect(existsSync(join(app.dir, name)), name).toBe(false);
      expect(counts(reopened.db.$client)).toEqual(before);
    } finally {
      reopened.close();
    }
  });
});
