import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, cli } from '../support/cli';
import { ROOT, tempDir } from '../support/test-app';

/**
 * A database the user may read but not write. Permissions do not bind root, so when the tests run as root the
 * command runs as the unprivileged "nobody" user instead; otherwise as the user running the tests.
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function cliAsUser(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A backup of a read-only database used to loop for ever; past this the run is killed and the test fails.
    timeout: 60_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
let source: string;
beforeAll(() => {
  // The test run's own temp folder is closed to other users: as root, one "nobody" can reach, removed after.
  dir = asRoot ? mkdtempSync('/tmp/tierbook-read-only-') : tempDir();
  // Readable (and enterable) by the user the command runs as; only what each test locks is locked.
  chmodSync(dir, 0o755);
  source = join(dir, 'source.sqlite');
  expect(cli('demo', '--db', source, '--customers', '20', '--seed', '5').code).toBe(0);
});

afterAll(() => {
  if (asRoot) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the demo database in a folder of its own that the command's user may write. */
function copyIn(name: string): { folder: string; db: string } {
  const folder = join(dir, name);
  mkdirSync(folder);
  chmodSync(folder, 0o777);
  const db = join(folder, 'book.sqlite');
  copyFileSync(source, db);
  chmodSync(db, 0o666);
  return { folder, db };
}

describe('a database this user cannot write', () => {
  it('a read-only file (chmod 444): a backup is refused at once with the reason, and the file is left as it was', () => {
    const { folder, db } = copyIn('locked-file');
    chmodSync(db, 0o444);
    const before = readFileSync(db);
    const run = cliAsUser('backup', '--db', db, '--to', join(folder, 'copy.sqlite'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${db} cannot be written (book.sqlite is read-only); TierBook saves to its database as you work, so it was not opened and nothing was changed. Allow writing to it, or copy it into a folder of yours and open the copy.\n`,
    );
    expect(readFileSync(db).equals(before)).toBe(true);
    // No half-made backup, and no -wal or -shm made beside the database.
    expect(readdirSync(folder)).toEqual(['book.sqlite']);
  });

  it('a save to a read-only file is refused with the same reason, never "attempt to write a readonly database"', () => {
    const { folder, db } = copyIn('locked-save');
    chmodSync(db, 0o444);
    const run = cliAsUser('customers', 'add', '--db', db, '--name', '王五');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${db} cannot be written (book.sqlite is read-only)`);
    expect(readdirSync(folder)).toEqual(['book.sqlite']);
  });

  it('a folder where SQLite cannot make its working files is named as read-only, not as "not a database file"', () => {
    const { folder, db } = copyIn('locked-folder');
    chmodSync(folder, 0o555);
    try {
      const run = cliAsUser('customers', 'list', '--db', db);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: ${db} cannot be written (its folder ${folder} is read-only); TierBook saves to its database as you work, so it was not opened and nothing was changed. Allow writing to it, or copy it into a folder of yours and open the copy.\n`,
      );
      expect(readdirSync(folder)).toEqual(['book.sqlite']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('a backup --to a read-only folder is refused as a named place that cannot be written: exit 2, the reason in either language', () => {
    const { db } = copyIn('backup-to-locked');
    const locked = join(dir, 'locked-backups');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const target = join(locked, 'copy.sqlite');
    try {
      const en = cliAsUser('backup', '--db', db, '--to', target, '--lang', 'en');
      expect(en.code).toBe(2);
      expect(en.stderr).toBe(`error: ${target} cannot be written: the folder ${locked} does not allow writing (permission denied); nothing was written. Choose a folder you may write to.\n`);
      const zh = cliAsUser('backup', '--db', db, '--to', target, '--lang', 'zh-CN');
      expect(zh.code).toBe(2);
      expect(zh.stderr).toBe(`错误：--to：无法写入：文件夹 ${locked} 不允许写入（没有写入权限），没有写入任何内容。请选择一个你可以写入的文件夹\n`);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('the same file made writable again opens as before', () => {
    const { db } = copyIn('unlocked');
    const run = cliAsUser('customers', 'list', '--db', db, '--limit', '1', '--json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { total: number }).total).toBe(20);
  });
});

describe('a database opened through a symbolic link', () => {
  it('SQLite writes beside the file the link names: a link to a database in a read-only folder is refused naming that folder', () => {
    const { folder: lockedFolder, db } = copyIn('linked-locked');
    const { folder: linkFolder } = copyIn('link-from-writable');
    const link = join(linkFolder, 'link.sqlite');
    symlinkSync(db, link);
    chmodSync(lockedFolder, 0o555);
    try {
      const run = cliAsUser('customers', 'list', '--db', link);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: ${link} cannot be written (its folder ${lockedFolder} is read-only); TierBook saves to its database as you work, so it was not opened and nothing was changed. Allow writing to it, or copy it into a folder of yours and open the copy.\n`,
      );
      expect(readdirSync(lockedFolder)).toEqual(['book.sqlite']);
    } finally {
      chmodSync(lockedFolder, 0o755);
    }
  });

  it('a link kept in a read-only folder to a database in a writable one opens, its working files beside the database', () => {
    const { folder: dbFolder, db } = copyIn('linked-writable');
    const linkFolder = join(dir, 'link-from-locked');
    mkdirSync(linkFolder);
    const link = join(linkFolder, 'link.sqlite');
    symlinkSync(db, link);
    chmodSync(linkFolder, 0o555);
    try {
      const run = cliAsUser('customers', 'list', '--db', link, '--limit', '1', '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { total: number }).total).toBe(20);
      expect(readdirSync(linkFolder)).toEqual(['link.sqlite']);
      expect(readdirSync(dbFolder)).toContain('book.sqlite');
    } finally {
      chmodSync(linkFolder, 0o755);
    }
  });
});
