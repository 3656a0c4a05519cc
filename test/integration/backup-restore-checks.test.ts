import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../core/app';
import { restoreFrom } from '../../core/backup';
import { call } from '../../core/dispatch';
import { tableCounts } from '../support/table-counts';
import { MIGRATIONS, openTestApp, tempDir, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 30, seed: 3 });
});
afterEach(() => app.cleanup());

const counts = tableCounts;

/** The journal rows a genuine file holds: each shipped migration's SQL hash and timestamp, as drizzle writes them. */
function shippedJournal(folder = MIGRATIONS): Array<{ hash: string; when: number }> {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string; when: number }> };
  return journal.entries.map((e) => ({ hash: createHash('sha256').update(readFileSync(join(folder, `${e.tag}.sql`))).digest('hex'), when: e.when }));
}

/**
 * A file that looks like TierBook from afar: every one of its table names, a migration journal in
 * drizzle's shape, a schema version — and other columns in every table.
 */
function imitation(path: string, options: { userVersion: number; journalRows: number }): string {
  const names = app.db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'`).pluck().all() as string[];
  const fake = new Database(path);
  for (const name of names) fake.exec(`CREATE TABLE "${name}" (id INTEGER PRIMARY KEY, payload TEXT); INSERT INTO "${name}" (payload) VALUES ('not yours')`);
  fake.exec('CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  for (const row of shippedJournal().slice(0, options.journalRows)) fake.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(row.hash, row.when);
  fake.pragma(`user_version = ${options.userVersion}`);
  fake.close();
  return path;
}

/** A genuine backup of the test app, then changed by `tamper` with plain SQL. */
async function tamperedBackup(name: string, tamper: string | ((file: Database.Database) => void)): Promise<string> {
  const path = join(app.dir, name);
  await app.call('backup:create', { path });
  const file = new Database(path);
  if (typeof tamper === 'string') file.exec(tamper);
  else tamper(file);
  file.close();
  return path;
}

/** Rebuilds contact_channels with its phone-format CHECK loosened, keeping its columns and indexes. */
function weakenPhoneCheck(file: Database.Database): void {
  const objects = file.prepare(`SELECT type, sql FROM sqlite_master WHERE tbl_name = 'contact_channels' AND sql IS NOT NULL`).all() as Array<{ type: string; sql: string }>;
  const table = objects.find((o) => o.type === 'table')!.sql;
  const weaker = table.replace(`GLOB '+[1-9]*'`, 'IS NOT NULL');
  expect(weaker).not.toBe(table);
  file.exec('DROP TABLE contact_channels');
  file.exec(weaker);
  for (const index of objects.filter((o) => o.type === 'index')) file.exec(index.sql);
}

const leftovers = () => readdirSync(app.dir).filter((n) => n.includes('.partial') || n.includes('.restore'));

describe('restore refuses files that only imitate TierBook, before anything is replaced', () => {
  it('refuses imitations, tampered histories and changed schemas with a clear message, and the live data stays as it was', async () => {
    const version = shippedJournal().length;
    const cases: Array<[string, string, string]> = [
      [imitation(join(app.dir, 'imitation-v0.sqlite'), { userVersion: 0, journalRows: 0 }), 'backup_schema_mismatch', 'not its schema'],
      [imitation(join(app.dir, 'imitation-current.sqlite'), { userVersion: version, journalRows: version }), 'backup_schema_mismatch', 'has columns'],
      [imitation(join(app.dir, 'imitation-no-history.sqlite'), { userVersion: version, journalRows: 0 }), 'backup_history_mismatch', 'lists 0 migrations'],
      [await tamperedBackup('tampered-hash.sqlite', `UPDATE __drizzle_migrations SET hash = 'deadbeef' WHERE rowid = 1`), 'backup_history_mismatch', 'is not one TierBook shipped'],
      // A timestamp in the future would make the migrator skip every later migration.
      [await tamperedBackup('tampered-time.sqlite', `UPDATE __drizzle_migrations SET created_at = 99999999999999`), 'backup_history_mismatch', 'is not one TierBook shipped'],
      [await tamperedBackup('extra-column.sqlite', `ALTER TABLE customers ADD COLUMN secret text`), 'backup_schema_mismatch', 'table customers has columns'],
      [await tamperedBackup('extra-trigger.sqlite', `CREATE TRIGGER wipe AFTER INSERT ON customers BEGIN DELETE FROM orders; END`), 'backup_schema_mismatch', 'trigger wipe'],
      [await tamperedBackup('missing-index.sqlite', `DROP INDEX contact_channels_lookup`), 'backup_schema_mismatch', 'no index contact_channels_lookup'],
      // Same columns, same indexes, one CHECK constraint weakened: data the app relies on could break it.
      [await tamperedBackup('weaker-check.sqlite', weakenPhoneCheck), 'backup_schema_mismatch', 'table contact_channels is defined differently'],
    ];
    const before = counts(app.db.$client);
    for (const [path, key, words] of cases) {
      await expect(app.call('backup:restore', { path }), path).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: ['path'], key }], message: expect.stringContaining(words) });
      expect(counts(app.db.$client), path).toEqual(before);
    }
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    // Nothing reached the point of replacing data: no safety backup was needed, no working copy is left.
    expect((await app.call('backup:list', {})).backups).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a folder or a FIFO as the file to restore, without waiting on the pipe', async () => {
    const before = counts(app.db.$client);
    const fifo = join(app.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const folder = join(app.dir, 'folder.sqlite');
    mkdirSync(folder);
    for (const path of [fifo, folder]) {
      await expect(app.call('backup:restore', { path }), path).rejects.toMatchObject({ code: 'invalid_input', issues: [{ key: 'backup_not_a_file' }] });
    }
    expect(counts(app.db.$client)).toEqual(before);
  });
});

describe('restore of an older version', () => {
  it('restores a backup from an earlier schema version and migrates it to this one', async () => {
    // A build that ships one more migration than this one: this app's backups are "older" to it.
    const dir = tempDir();
    try {
      const newer = join(dir, 'migrations');
      cpSync(MIGRATIONS, newer, { recursive: true });
      const journalPath = join(newer, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }> };
      const last = journal.entries.at(-1)!;
      const tag = `${String(journal.entries.length).padStart(4, '0')}_nickname`;
      journal.entries.push({ idx: journal.entries.length, version: last.version, when: last.when + 1000, tag, breakpoints: true });
      writeFileSync(journalPath, JSON.stringify(journal, null, 2));
      writeFileSync(join(newer, `${tag}.sql`), 'ALTER TABLE `customers` ADD `nickname` text;--> statement-breakpoint\nCREATE INDEX `customers_nickname` ON `customers` (`nickname`);');

      const older = join(app.dir, 'older.sqlite');
      await app.call('backup:create', { path: older });
      // Everything the backup holds, plus the newer build's own migration in the journal.
      const expected = { ...counts(app.db.$client), __drizzle_migrations: journal.entries.length };

      const upgraded = openApp({ dbPath: join(dir, 'tierbook.sqlite'), migrationsFolder: newer, appVersion: 'test', files: { mode: 'paths' } });
      try {
        await call(upgraded.dispatch, 'customers:create', { name: 'Only in the newer app' });
        const result = await restoreFrom(upgraded.db, join(dir, 'tierbook.sqlite'), older, newer);
        expect(result.restoredFrom).toBe(older);
        const client = upgraded.db.$client;
        expect(client.pragma('user_version', { simple: true })).toBe(journal.entries.length);
        expect(client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(journal.entries.length);
        expect((client.pragma('table_info(customers)') as Array<{ name: string }>).map((c) => c.name)).toContain('nickname');
        expect(counts(client)).toEqual(expected);
        expect((await call(upgraded.dispatch, 'customers:list', { search: 'Only in the newer app' })).total).toBe(0);
        expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
        // A file of this newer version still refuses an imitation claiming the older version.
        const fake = imitation(join(dir, 'imitation.sqlite'), { userVersion: journal.entries.length - 1, journalRows: journal.entries.length - 1 });
        await expect(restoreFrom(upgraded.db, join(dir, 'tierbook.sqlite'), fake, newer)).rejects.toMatchObject({ issues: [{ key: 'backup_schema_mismatch' }] });
        expect(counts(client)).toEqual(expected);
      } finally {
        upgraded.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('restore of a file with another page size', () => {
  it('restores a genuine backup written with 1 KiB pages into the 4 KiB-page live database', async () => {
    const path = join(app.dir, 'small-pages.sqlite');
    await app.call('backup:create', { path });
    const file = new Database(path);
    file.pragma('journal_mode = DELETE');
    file.pragma('page_size = 1024');
    file.exec('VACUUM');
    expect(file.pragma('page_size', { simple: true })).toBe(1024);
    file.close();
    const expected = counts(app.db.$client);
    await app.call('customers:create', { name: 'After the backup' });

    await app.call('backup:restore', { path });
    expect(counts(app.db.$client)).toEqual(expected);
    expect(app.db.$client.pragma('page_size', { simple: true })).toBe(4096);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('restore puts the previous data back when the replaced database fails', () => {
  async function setUp() {
    const path = join(app.dir, 'good.sqlite');
    await app.call('backup:create', { path });
    await app.call('customers:create', { name: 'After the backup' });
    return { path, before: counts(app.db.$client) };
  }

  it('when a step after the replacement throws', async () => {
    const { path, before } = await setUp();
    const failing = restoreFrom(app.db, app.dbPath, path, MIGRATIONS, new Date(), {
      afterReplace: () => {
        // The replacement really happened: the customer added after the backup is gone at this point.
        expect(app.db.$client.prepare(`SELECT count(*) FROM customers WHERE name = 'After the backup'`).pluck().get()).toBe(0);
        throw new Error('disk went away');
      },
    });
    await expect(failing).rejects.toMatchObject({ code: 'invalid_input', issues: [{ key: 'backup_restore_rolled_back' }], message: expect.stringContaining('disk went away') });
    expect(counts(app.db.$client)).toEqual(before);
    expect((await app.call('customers:list', { search: 'After the backup' })).total).toBe(1);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await app.call('backup:list', {})).backups.map((b) => b.kind)).toEqual(['before_restore']);
    expect(leftovers()).toEqual([]);
  });

  it('when the replaced database does not read back as this version', async () => {
    const { path, before } = await setUp();
    // Not a thrown error: the live file is left in a state the check after replacement must notice.
    const failing = restoreFrom(app.db, app.dbPath, path, MIGRATIONS, new Date(), { afterReplace: () => void app.db.$client.pragma('user_version = 0') });
    await expect(failing).rejects.toMatchObject({ issues: [{ key: 'backup_restore_rolled_back' }], message: expect.stringContaining('schema version 0') });
    expect(counts(app.db.$client)).toEqual(before);
    expect(app.db.$client.pragma('user_version', { simple: true })).toBe(shippedJournal().length);
    app.close();
    const reopened = new Database(app.dbPath);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts(reopened)).toEqual(before);
    reopened.close();
    expect(existsSync(app.dbPath)).toBe(true);
  });
});
