import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/table-counts';
import { tempDir } from '../support/test-app';
import { cli } from '../support/cli';
import { holdWriteLock, type WriteLockHolder } from '../support/write-lock-holder';

const BUSY = 'error: Another TierBook process (an import, the app or a command) is writing to this file; nothing was changed. Try again when it finishes.\n';

let dir: string;
let db: string;
let holder: WriteLockHolder | undefined;
beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'shared.sqlite');
  expect(cli('demo', '--db', db, '--customers', '40', '--seed', '3').code).toBe(0);
  // What a first Today and team status write once per file (the shipped service policies, this laptop's sync
  // row) is there before another process writes, as it is on any file the app has shown.
  expect(cli('today', '--db', db).code).toBe(0);
  expect(cli('team', 'status', '--db', db).code).toBe(0);
});
afterEach(async () => {
  await holder?.release();
  holder = undefined;
});

const countsOf = (file: string) => {
  const raw = new Database(file, { readonly: true });
  try {
    return tableCounts(raw);
  } finally {
    raw.close();
  }
};

describe('the CLI while another process is writing the same file', () => {
  it('reads, lists Today and makes a backup as usual: opening an up-to-date file writes nothing', async () => {
    holder = await holdWriteLock(db);
    const list = cli('customers', 'list', '--db', db, '--limit', '2', '--json');
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { total: number }).total).toBe(40);
    const today = cli('today', '--db', db, '--limit', '1');
    expect(today.stderr).toBe('');
    expect(today.code).toBe(0);
    expect(cli('team', 'status', '--db', db)).toMatchObject({ code: 0, stdout: 'not in a team\n' });
    const copy = join(dir, 'during.sqlite');
    const backup = cli('backup', '--db', db, '--to', copy);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    await holder.release();
    // The copy is whole and holds the committed data (the writer's change was not committed yet).
    const copied = new Database(copy, { readonly: true });
    try {
      expect(copied.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copied.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(40);
    } finally {
      copied.close();
    }
  });

  it('refuses a write or a restore with a clear line instead of "database is locked", changing nothing', async () => {
    const copy = join(dir, 'before.sqlite');
    expect(cli('backup', '--db', db, '--to', copy).code).toBe(0);
    const before = countsOf(db);
    const backups = join(dir, 'backups');
    const backupsBefore = existsSync(backups) ? readdirSync(backups) : [];
    holder = await holdWriteLock(db);
    expect(cli('customers', 'add', '--db', db, '--name', 'Written meanwhile')).toMatchObject({ code: 1, stdout: '', stderr: BUSY });
    expect(cli('restore', '--db', db, '--from', copy)).toMatchObject({ code: 1, stderr: BUSY });
    await holder.release();
    expect(countsOf(db)).toEqual(before);
    // No backup of the current data was kept for a restore that never began.
    expect(existsSync(backups) ? readdirSync(backups) : []).toEqual(backupsBefore);
    // Once the other process is done, the same commands go through.
    expect(cli('customers', 'add', '--db', db, '--name', 'Written after').code).toBe(0);
    expect(cli('restore', '--db', db, '--from', copy).code).toBe(0);
    expect(countsOf(db).customers).toBe(40);
  });

  it('says so when opening the file has something to write (a new settings row) and the lock stays taken', async () => {
    const other = join(dir, 'needs-a-write.sqlite');
    expect(cli('backup', '--db', db, '--to', other).code).toBe(0);
    const raw = new Database(other);
    raw.pragma('journal_mode = WAL');
    raw.prepare('DELETE FROM settings').run();
    raw.close();
    holder = await holdWriteLock(other);
    const run = cli('customers', 'list', '--db', other);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: Another TierBook process (an import, the app or a command) is writing to ${other}; nothing was changed. Try again when it finishes.\n`);
    await holder.release();
    expect(countsOf(other).settings).toBe(0);
    expect(cli('customers', 'list', '--db', other, '--limit', '1').code).toBe(0);
    expect(countsOf(other).settings).toBe(1);
  });

  it('says so when a task a migration left is still to do (search keys made again) and the lock stays taken', async () => {
    const other = join(dir, 'task-left.sqlite');
    expect(cli('backup', '--db', db, '--to', other).code).toBe(0);
    const raw = new Database(other);
    raw.pragma('journal_mode = WAL');
    raw.prepare(`INSERT INTO maintenance_tasks (name) VALUES ('search_keys_folded')`).run();
    raw.close();
    holder = await holdWriteLock(other);
    expect(cli('customers', 'list', '--db', other)).toMatchObject({
      code: 1,
      stderr: `error: Another TierBook process (an import, the app or a command) is writing to ${other}; nothing was changed. Try again when it finishes.\n`,
    });
    await holder.release();
    expect(countsOf(other).maintenance_tasks).toBe(1);
    expect(cli('customers', 'list', '--db', other, '--limit', '1').code).toBe(0);
    expect(countsOf(other).maintenance_tasks).toBe(0);
  });
});
