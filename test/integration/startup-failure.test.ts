import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, DatabaseReadOnlyError, knownSchemaVersion, MigrationError, openDatabase } from '../../db/open';
import { startupFailureText } from '../../core/startup-failure';
import { MIGRATIONS, tempDir } from '../support/test-app';

/**
 * The desktop app's error box when its database cannot be opened, in the system's language: the refusals
 * db/open.ts makes of real files, worded in Chinese as well as in English (the database's own language setting
 * cannot be read then).
 */
const refusal = (open: () => unknown): unknown => {
  try {
    open();
  } catch (error) {
    return error;
  }
  throw new Error('the open was not refused');
};

describe('the start-up error box', () => {
  it('words each refusal of a real file in Chinese, with the file named, and in English as db/open.ts says it', () => {
    const dir = tempDir();
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all, just some words long enough to fill a header and more '.repeat(20));
    const other = join(dir, 'other.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    const future = join(dir, 'future.sqlite');
    openDatabase(future, MIGRATIONS).$client.close();
    const newer = new Database(future);
    newer.pragma(`user_version = ${knownSchemaVersion(MIGRATIONS) + 5}`);
    newer.close();

    const cases: Array<[string, string]> = [
      [folder, `${folder} 是文件夹，不是数据库文件，文件保持原样。请选择一个 TierBook 数据库，或一个新文件名来新建。`],
      [text, `${text} 不是数据库文件，文件保持原样。请选择一个 TierBook 数据库，或一个新文件名来新建。`],
      [other, `${other} 是其他软件的数据库，不是 TierBook 的，文件保持原样。请选择一个 TierBook 数据库，或一个新文件名来新建。`],
      [future, `这个数据库由更新版本的 TierBook 写入（数据结构版本 ${knownSchemaVersion(MIGRATIONS) + 5}，本软件最高认识 ${knownSchemaVersion(MIGRATIONS)}）。请先更新 TierBook 再打开它。`],
    ];
    for (const [file, zh] of cases) {
      const error = refusal(() => openDatabase(file, MIGRATIONS));
      expect(startupFailureText(error, 'zh-CN', file)).toEqual({ title: 'TierBook 无法打开数据库', detail: `${file}\n\n${zh}` });
      expect(startupFailureText(error, 'en', file)).toEqual({ title: 'TierBook cannot open its database', detail: `${file}\n\n${(error as Error).message}` });
    }
  });

  it('words a read-only file or folder, a busy file and a failed upgrade in Chinese', () => {
    const file = '/data/店铺/tierbook.sqlite';
    expect(startupFailureText(new DatabaseReadOnlyError(file, 'tierbook.sqlite is read-only', { kind: 'file', name: 'tierbook.sqlite' }), 'zh-CN', file).detail).toBe(
      `${file}\n\n${file} 无法写入（tierbook.sqlite 是只读的）。TierBook 边用边保存，所以没有打开它，也没有改动任何内容。请允许写入它，或把它复制到你自己的文件夹后打开副本。`,
    );
    expect(startupFailureText(new DatabaseReadOnlyError(file, 'its folder is read-only', { kind: 'folder', folder: '/data/店铺' }), 'zh-CN', file).detail).toContain('（它所在的文件夹 /data/店铺 是只读的）');
    expect(startupFailureText(new DatabaseBusyError(file, new Error('database is locked')), 'zh-CN', file).detail).toBe(
      `${file}\n\n另一个 TierBook 进程（导入、软件本身或命令行）正在写入 ${file}，没有改动任何内容。请等它完成后再打开。`,
    );
    const failed = new MigrationError(new Error('wrapped', { cause: new Error('no such table: orders\nCREATE TABLE …') }));
    expect(startupFailureText(failed, 'zh-CN', file).detail).toBe(`${file}\n\n数据库无法升级，已保持原样，没有改动任何内容：no such table: orders`);
  });

  it('says an unforeseen failure with its own message, and a failure to start with its stack', () => {
    const odd = new Error('EACCES: permission denied, open profile');
    expect(startupFailureText(odd, 'zh-CN', 'x.sqlite').detail).toBe('x.sqlite\n\n打开时出错：EACCES: permission denied, open profile');
    expect(startupFailureText(odd, 'zh-CN', 'x.sqlite', 'start')).toEqual({ title: 'TierBook 启动失败', detail: odd.stack });
    expect(startupFailureText('plain', 'en', 'x.sqlite', 'start')).toEqual({ title: 'TierBook failed to start', detail: 'plain' });
  });
});
