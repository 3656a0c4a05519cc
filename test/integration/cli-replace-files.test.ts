import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { openTestApp } from '../support/test-app';

/**
 * The command line's writes to a file the user names (a backup, an export, the report's workbook, an import's rejected
 * rows) replaced a file already there without a word, where the desktop save dialog asks first. They refuse it, naming
 * the file and --replace, and write nothing; --replace replaces it; a new name needs no flag.
 * Nothing that is not a regular file is replaced, --replace or not.
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

/** One number from the workspace by plain SQL. */
function count(sql: string): number {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(sql).pluck().get() as number;
  } finally {
    raw.close();
  }
}

/** A file of the user's named `file`, in a folder of its own, with what it holds. */
function existingFile(folderName: string, file: string): { path: string; folder: string; bytes: Buffer } {
  const folder = join(dir, folderName);
  mkdirSync(folder);
  const path = join(folder, file);
  writeFileSync(path, `kept on purpose (${folderName})`);
  return { path, folder, bytes: readFileSync(path) };
}

const freshFolder = (name: string) => {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
};

describe('export onto a file that is already there', () => {
  it('is refused for every export, in English, naming the file and --replace; the file and its folder are as they were', () => {
    for (const [kind, file] of [['customers', 'c.csv'], ['orders', 'o.xlsx'], ['order-lines', 'l.csv'], ['followups', 'f.xlsx']] as const) {
      const { path, folder, bytes } = existingFile(`en-${kind}`, file);
      const run = runCli(['export', kind, path, '--db', db, '--lang', 'en']);
      expect([kind, run.code, run.stdout, run.stderr]).toEqual([kind, 2, '', `error: the file to export to is already there: ${path}; nothing was written (add --replace to replace it with the export)\n`]);
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(readdirSync(folder)).toEqual([file]);
    }
  });

  it('is refused in Chinese too', () => {
    const { path, bytes } = existingFile('zh-export', 'c.csv');
    const run = runCli(['export', 'customers', path, '--db', db, '--lang', 'zh-CN']);
    expect([run.code, run.stderr]).toEqual([2, `错误：要导出到的文件已经存在：${path}；没有写入任何内容（要用导出的内容替换它，加上 --replace）\n`]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('with --replace the file becomes the export, the same as one written to a new name without a flag', () => {
    const { path } = existingFile('replace-export', 'c.csv');
    const replaced = runCli(['export', 'customers', path, '--db', db, '--replace', '--lang', 'en', '--json']);
    expect([replaced.code, replaced.stderr]).toEqual([0, '']);
    const fresh = join(freshFolder('new-export'), 'c.csv');
    const written = runCli(['export', 'customers', fresh, '--db', db, '--lang', 'en', '--json']);
    expect([written.code, written.stderr]).toEqual([0, '']);
    expect(readFileSync(path).equals(readFileSync(fresh))).toBe(true);
    // Every customer (archived ones too, not the trash) is a line after the header, as the export said.
    const rows = (JSON.parse(replaced.stdout) as { rows: number }).rows;
    expect(rows).toBe(count('SELECT count(*) FROM customers WHERE deleted_at IS NULL'));
    expect(readFileSync(path, 'utf8').trimEnd().split('\n').length).toBe(rows + 1);
  });

  it('never replaces a link or a pipe, with --replace or without', () => {
    const folder = freshFolder('others-export');
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const link = join(folder, 'link.csv');
    symlinkSync(notes, link);
    const fifo = join(folder, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    for (const target of [link, fifo]) {
      for (const replace of [[], ['--replace']]) {
        const run = runCli(['export', 'customers', target, '--db', db, ...replace, '--lang', 'en']);
        expect([target, run.code, run.stderr]).toEqual([target, 2, `error: ${target} is not a regular file (a folder, link, device or pipe). Choose a file.\n`]);
      }
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });
});

describe('report --xlsx onto a file that is already there', () => {
  // Up to today: a report reaching today stores today's tiers first, so a refusal must come before it.
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const report = (path: string, ...more: string[]) => runCli(['report', '--db', db, '--scheme', 'pyramid', '--from', '2026-01-01', '--to', today, '--xlsx', path, ...more]);

  it('is refused in both languages, naming the file and --replace; the file is as it was and the workspace unwritten', () => {
    const { path, folder, bytes } = existingFile('report', 'r.xlsx');
    const runs = count('SELECT count(*) FROM segment_runs');
    const en = report(path, '--lang', 'en');
    expect([en.code, en.stdout, en.stderr]).toEqual([2, '', `error: --xlsx names a file that is already there: ${path}; nothing was written (add --replace to replace it with the workbook)\n`]);
    const zh = report(path, '--lang', 'zh-CN');
    expect([zh.code, zh.stderr]).toEqual([2, `错误：--xlsx 指定的文件已经存在：${path}；没有写入任何内容（要用报表工作簿替换它，加上 --replace）\n`]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual(['r.xlsx']);
    expect(count('SELECT count(*) FROM segment_runs')).toBe(runs);
  });

  it('with --replace the file becomes the workbook; a new name needs no flag', async () => {
    const { path } = existingFile('replace-report', 'r.xlsx');
    const replaced = report(path, '--replace', '--lang', 'en', '--json');
    expect([replaced.code, replaced.stderr]).toEqual([0, '']);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const said = (JSON.parse(replaced.stdout) as { exported: { path: string; sheets: string[] } }).exported;
    expect(said.path).toBe(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(said.sheets);
    expect(said.sheets.length).toBeGreaterThan(0);
    const fresh = join(freshFolder('new-report'), 'r.xlsx');
    expect(report(fresh).code).toBe(0);
    await new ExcelJS.Workbook().xlsx.readFile(fresh);
  });

  it('never replaces a link, with --replace or without', () => {
    const folder = freshFolder('others-report');
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const link = join(folder, 'link.xlsx');
    symlinkSync(notes, link);
    for (const replace of [[], ['--replace']]) {
      const run = report(link, ...replace, '--lang', 'en');
      expect([run.code, run.stderr]).toEqual([2, `error: ${link} is not a regular file (a folder, link, device or pipe). Choose a file.\n`]);
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });
});

describe('import --rejects onto a file that is already there', () => {
  /** A file of two customers, one with a phone that is no phone (the row rejected). */
  const source = (folder: string) => {
    const path = join(folder, 'in.csv');
    writeFileSync(path, ['客户名称,手机', '替换测试甲,13800001000', '替换测试乙,12'].join('\n'));
    return path;
  };
  const imported = () => count(`SELECT count(*) FROM customers WHERE name LIKE '替换测试%'`);

  it('is refused in both languages, naming the file and --replace; nothing is imported and the file is as it was', () => {
    const { path, folder, bytes } = existingFile('rejects', 'bad.csv');
    const input = source(folder);
    const batches = count('SELECT count(*) FROM import_batches');
    const en = runCli(['import', 'customers', input, '--db', db, '--rejects', path, '--lang', 'en']);
    expect([en.code, en.stdout, en.stderr]).toEqual([2, '', `error: --rejects names a file that is already there: ${path}; nothing was imported (add --replace to replace it with the rejected rows)\n`]);
    const zh = runCli(['import', 'customers', input, '--db', db, '--rejects', path, '--lang', 'zh-CN']);
    expect([zh.code, zh.stderr]).toEqual([2, `错误：--rejects 指定的文件已经存在：${path}；没有导入任何数据（要用被拒绝的行替换它，加上 --replace）\n`]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['bad.csv', 'in.csv']);
    expect([count('SELECT count(*) FROM import_batches'), imported()]).toEqual([batches, 0]);
  });

  it('a dry run, which writes no rejects file, is not refused for one', () => {
    const { path, folder, bytes } = existingFile('rejects-dry', 'bad.csv');
    const run = runCli(['import', 'customers', source(folder), '--db', db, '--rejects', path, '--dry-run', '--json']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(imported()).toBe(0);
  });

  it('with --replace the file holds the rejected row; a new name needs no flag', () => {
    const { path, folder } = existingFile('rejects-replace', 'bad.csv');
    const input = source(folder);
    const run = runCli(['import', 'customers', input, '--db', db, '--rejects', path, '--replace', '--json']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toMatchObject({ added: 1, rejected: 1, rejectsPath: path });
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    expect(lines.length).toBe(2);
    expect(lines[0]).toMatch(/^Row,客户名称,手机,Errors$/);
    expect(lines[1]).toMatch(/^3,替换测试乙,12,/);
    expect(imported()).toBe(1);
    // The same file again, its rows now there (skipped as duplicates, the bad one rejected again), to a new name.
    const fresh = join(freshFolder('rejects-new'), 'bad.csv');
    const again = runCli(['import', 'customers', input, '--db', db, '--rejects', fresh, '--json']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(readFileSync(fresh, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/)[1]).toMatch(/^3,替换测试乙,12,/);
  });

  it('the file being imported is refused as that, not as a file to add --replace for', () => {
    const folder = freshFolder('rejects-source');
    const input = source(folder);
    const bytes = readFileSync(input);
    const run = runCli(['import', 'customers', input, '--db', db, '--rejects', input, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${input} is the file being imported`);
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  it('never replaces a link, with --replace or without', () => {
    const folder = freshFolder('rejects-link');
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const link = join(folder, 'link.csv');
    symlinkSync(notes, link);
    for (const replace of [[], ['--replace']]) {
      const run = runCli(['import', 'customers', source(folder), '--db', db, '--rejects', link, ...replace, '--lang', 'en']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${link} is not a regular file (a folder, link, device or pipe). Choose a file.`);
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });
});

/** Customers not in the trash, by plain SQL on the file. */
function liveCustomers(path: string): number {
  const raw = new Database(path, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM customers WHERE deleted_at IS NULL').pluck().get() as number;
  } finally {
    raw.close();
  }
}

describe('backup --to a file that is already there', () => {
  it('is refused in English, naming the file and how to replace it on purpose; the file and its folder are as they were', () => {
    const { path, folder, bytes } = existingFile('backup-en', 'copy.sqlite');
    const run = runCli(['backup', '--db', db, '--to', path, '--lang', 'en']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`error: --to names a file that is already there: ${path}; nothing was written (add --replace to replace it with the backup)\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual(['copy.sqlite']);
  });

  it('is refused in Chinese too', () => {
    const { path, bytes } = existingFile('backup-zh', 'copy.sqlite');
    const run = runCli(['backup', '--db', db, '--to', path, '--lang', 'zh-CN']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`错误：--to 指定的文件已经存在：${path}；没有写入任何内容（要用备份替换它，加上 --replace）\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('with --replace, the file becomes a whole backup of the workspace', () => {
    const { path } = existingFile('backup-replace', 'copy.sqlite');
    const run = runCli(['backup', '--db', db, '--to', path, '--replace', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Backed up to ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ bytes\\)\\.\\n$`));
    expect(liveCustomers(path)).toBe(liveCustomers(db));
    expect(liveCustomers(path)).toBeGreaterThan(0);
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
    const path = join(freshFolder('backup-fresh'), 'copy.sqlite');
    expect(runCli(['backup', '--db', db, '--to', path]).code).toBe(0);
    expect(liveCustomers(path)).toBe(liveCustomers(db));
  });

  it('never replaces a folder, a pipe or a link, with --replace or without', () => {
    const folder = freshFolder('backup-others');
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
