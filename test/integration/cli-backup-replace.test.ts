import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { openTestApp } from '../support/test-app';

/**
 * `tierbook backup --to FILE` onto a file that was already there replaced it without a word, where the desktop save
 * dialog asks first. A command cannot ask: it refuses, naming the file and --replace, and writes nothing; with
 * --replace a regular file is replaced. Nothing that is not a regular file is replaced, --replace or not.
 */
let dir: string;
let db: string;

beforeAll(async () => {
  const app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 12, seed: 5 });
  app.close();
  dir = app.dir;
  db = app.dbPath;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Customers not in the trash, by plain SQL on the file. */
function liveCustomers(path: string): number {
  const raw = new Database(path, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
  } finally {
    raw.close();
  }
}

/** A file of the user's at `name`, in a folder of its own, with what it holds. */
function existingFile(name: string): { path: string; folder: string; bytes: Buffer } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const path = join(folder, 'copy.sqlite');
  writeFileSync(path, `last week's copy, kept on purpose (${name})`);
  return { path, folder, bytes: readFileSync(path) };
}

describe('backup --to a file that is already there', () => {
  it('is refused in English, naming the file and how to replace it on purpose; the file and its folder are as they were', () => {
    const { path, folder, bytes } = existingFile('en');
    const run = runCli(['backup', '--db', db, '--to', path, '--lang', 'en']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`error: --to names a file that is already there: ${path}; nothing was written (add --replace to replace it with the backup)\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual(['copy.sqlite']);
  });

  it('is refused in Chinese too', () => {
    const { path, bytes } = existingFile('zh');
    const run = runCli(['backup', '--db', db, '--to', path, '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`错误：--to 指定的文件已经存在：${path}；没有写入任何内容（要用备份替换它，加上 --replace）\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('with --replace, the file becomes a whole backup of the workspace', () => {
    const { path } = existingFile('replace');
    const run = runCli(['backup', '--db', db, '--to', path, '--replace', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Backed up to ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes\\)\\.\\n$`));
    expect(liveCustomers(path)).toBe(liveCustomers(db));
    expect(liveCustomers(path)).toBe(12);
  });

  it('the workspace itself is refused as the open database, not as a file to add --replace for', () => {
    const before = readFileSync(db);
    for (const target of [db, `${db}-wal`]) {
      const run = runCli(['backup', '--db', db, '--to', target, '--lang', 'en']);
      expect([run.code, run.stderr]).toEqual([2, `error: ${target} is the open database or one of its working files; a backup there would destroy it. Choose another file.\n`]);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a name where nothing is yet needs no --replace', () => {
    const folder = join(dir, 'fresh');
    mkdirSync(folder);
    const path = join(folder, 'copy.sqlite');
    expect(runCli(['backup', '--db', db, '--to', path]).code).toBe(0);
    expect(liveCustomers(path)).toBe(12);
  });

  it('never replaces a folder, a pipe or a link, with --replace or without', () => {
    const folder = join(dir, 'others');
    mkdirSync(folder);
    const subfolder = join(folder, 'a-folder');
    mkdirSync(subfolder);
    const fifo = join(folder, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const link = join(folder, 'link-to-notes');
    symlinkSync(notes, link);
    for (const target of [subfolder, fifo, link]) {
      for (const replace of [[], ['--replace']]) {
        const run = runCli(['backup', '--db', db, '--to', target, ...replace, '--lang', 'en']);
        expect([target, run.code, run.stderr]).toEqual([target, 2, `error: ${target} is not a regular file (a folder, link, device or pipe). Choose a file.\n`]);
      }
    }
    expect(lstatSync(subfolder).isDirectory()).toBe(true);
    expect(readdirSync(subfolder)).toEqual([]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    expect(existsSync(join(folder, 'copy.sqlite'))).toBe(false);
  });
});
