import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileHandles } from '../../core/files';
import type { Result } from '../../shared/contract';
import { openTestApp, tempDir, type TestApp } from '../support/test-app';
import { cli } from '../support/cli';

/**
 * Electron's file access through dispatch, as the IPC transport calls it: every file channel takes only a
 * handle the main process registered for the user's choice, for its purpose, and refuses a raw path.
 */
let app: TestApp;
let handles: FileHandles;
let home: string; // where the user keeps their files: not beside the database
const CSV = 'Name,Phone\n李四,13800138001\n坏行,not-a-phone\n';

beforeAll(() => {
  handles = new FileHandles();
  app = openTestApp('2026-11-23', { files: { mode: 'handles', handles } });
  home = tempDir();
  writeFileSync(join(home, 'customers.csv'), CSV);
});
afterAll(() => app.cleanup());

async function outcome(channel: string, input: unknown): Promise<Result<Record<string, unknown>>> {
  return (await app.dispatch(channel, input)) as Result<Record<string, unknown>>;
}
async function refusedWith(channel: string, input: unknown): Promise<string | undefined> {
  const result = await outcome(channel, input);
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error.issues?.[0]?.key;
}
async function value(channel: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await outcome(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

describe('file channels in Electron take dialog handles, never paths', () => {
  it('import:preview: a raw path is refused; an import handle reads (again and again), a restore handle does not', async () => {
    expect(await refusedWith('import:preview', { kind: 'customers', source: { path: join(home, 'customers.csv') } })).toBe('path_not_allowed');
    const h = handles.register(join(home, 'customers.csv'), 'import');
    expect(await value('import:preview', { kind: 'customers', source: { handle: h } })).toMatchObject({ fileName: 'customers.csv', added: 1, rejected: 1 });
    expect(await value('import:preview', { kind: 'customers', source: { handle: h } })).toMatchObject({ added: 1 });
    const forRestore = handles.register(join(home, 'customers.csv'), 'restore');
    expect(await refusedWith('import:preview', { kind: 'customers', source: { handle: forRestore } })).toBe('handle_wrong_purpose');
    expect(await refusedWith('import:preview', { kind: 'customers', source: { handle: 'x'.repeat(32) } })).toBe('handle_unknown');
  });

  it('import:commit: a raw path or rejects path is refused without spending the handle; a commit spends it', async () => {
    const h = handles.register(join(home, 'customers.csv'), 'import');
    expect(await refusedWith('import:commit', { kind: 'customers', source: { path: join(home, 'customers.csv') }, onError: 'skip' })).toBe('path_not_allowed');
    expect(await refusedWith('import:commit', { kind: 'customers', source: { handle: h }, onError: 'skip', rejectsPath: join(home, 'rejects.csv') })).toBe('path_not_allowed');
    // All-or-nothing with a bad row: refused, nothing written, and the user may try again with the same choice.
    expect(await refusedWith('import:commit', { kind: 'customers', source: { handle: h }, onError: 'abort' })).toBe('import_rows_rejected');
    expect(existsSync(join(home, 'rejects.csv'))).toBe(false);

    const rejects = handles.register(join(home, 'rejects.csv'), 'export');
    const done = await value('import:commit', { kind: 'customers', source: { handle: h }, onError: 'skip', rejectsHandle: rejects });
    expect(done).toMatchObject({ added: 1, rejected: 1, rejectsPath: join(home, 'rejects.csv') });
    expect(readFileSync(join(home, 'rejects.csv'), 'utf8')).toContain('not-a-phone');
    expect(await refusedWith('import:commit', { kind: 'customers', source: { handle: h }, onError: 'skip' })).toBe('handle_unknown');
    expect(await refusedWith('import:commit', { kind: 'customers', source: { handle: handles.register(join(home, 'customers.csv'), 'import') }, onError: 'skip', rejectsHandle: rejects })).toBe('handle_unknown');
  });

  it.each(['export:customers', 'export:orders', 'export:followUps'])('%s: a raw path is refused; a save handle writes the chosen file once', async (channel) => {
    const target = join(home, `export-${channel.split(':')[1]}.csv`);
    expect(await refusedWith(channel, { path: target })).toBe('path_not_allowed');
    expect(existsSync(target)).toBe(false);
    expect(await refusedWith(channel, { handle: handles.register(target, 'backup') })).toBe('handle_wrong_purpose');
    const h = handles.register(target, 'export');
    expect(await value(channel, { handle: h })).toMatchObject({ path: target, format: 'csv' });
    expect(existsSync(target)).toBe(true);
    expect(await refusedWith(channel, { handle: h })).toBe('handle_unknown');
    expect(await refusedWith(channel, { handle: h, path: target })).toBe('invalid_value'); // one target, not two
    // No path at all still means the exports folder beside the database (the app's own place).
    expect(await value(channel, {})).toMatchObject({ path: expect.stringContaining(join(app.dir, 'exports')) });
  });

  it('backup:create: a raw path is refused; a save handle backs up to the chosen file once', async () => {
    const target = join(home, 'my-backup.sqlite');
    expect(await refusedWith('backup:create', { path: target })).toBe('path_not_allowed');
    const h = handles.register(target, 'backup');
    expect(await value('backup:create', { handle: h })).toMatchObject({ path: target, name: 'my-backup.sqlite' });
    expect(await refusedWith('backup:create', { handle: h })).toBe('handle_unknown');
    expect(await value('backup:create', {})).toMatchObject({ path: expect.stringContaining(join(app.dir, 'backups')) });
  });

  it('backup:restore: a raw path is refused; an open handle for restore restores once; a listed backup by name', async () => {
    const backup = join(home, 'my-backup.sqlite');
    expect(await refusedWith('backup:restore', { path: backup })).toBe('path_not_allowed');
    expect(await refusedWith('backup:restore', { handle: handles.register(backup, 'import') })).toBe('handle_wrong_purpose');
    await value('customers:create', { name: '赵六' });
    const count = async () => ((await value('customers:list', {})) as { total: number }).total;
    expect(await count()).toBe(2);
    const manual = (await value('backup:create', {})) as { name: string };

    const h = handles.register(backup, 'restore');
    expect(await value('backup:restore', { handle: h })).toMatchObject({ restoredFrom: backup });
    expect(await count()).toBe(1);
    expect(await refusedWith('backup:restore', { handle: h })).toBe('handle_unknown');

    // The backup list's rows restore by name: the file is looked up in the backups folder.
    expect(await value('backup:restore', { name: manual.name })).toMatchObject({ restoredFrom: expect.stringContaining(join('backups', manual.name)) });
    expect(await count()).toBe(2);
    expect(await refusedWith('backup:restore', { name: `../${'x'}.sqlite` })).toBe('path_outside_folder');
  });
});

// The CLI as a user runs it: the local user names real files wherever they keep them.
describe('the CLI keeps real paths', () => {
  it('imports, writes rejects, exports, backs up and restores with files in a folder of the user’s choosing', () => {
    const db = join(tempDir(), 'cli.sqlite');
    const files = tempDir();
    writeFileSync(join(files, 'in.csv'), CSV);
    const imported = cli('import', 'customers', join(files, 'in.csv'), '--db', db, '--on-error', 'skip', '--rejects', join(files, 'bad.csv'), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(readFileSync(join(files, 'bad.csv'), 'utf8')).toContain('not-a-phone');
    const exported = cli('export', 'customers', join(files, 'out.csv'), '--db', db, '--json');
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: join(files, 'out.csv'), rows: 1 });
    expect(cli('backup', '--db', db, '--to', join(files, 'copy.sqlite')).code).toBe(0);
    const raw = new Database(db);
    raw.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type) VALUES ('later', 'n', 'n', 'Later', 'individual')`).run();
    raw.close();
    const restored = cli('restore', '--db', db, '--from', join(files, 'copy.sqlite'), '--json');
    expect(restored.code, restored.stderr).toBe(0);
    const check = new Database(db, { readonly: true });
    expect(check.prepare(`SELECT name FROM customers`).pluck().all()).toEqual(['李四']);
    check.close();
  });
});
