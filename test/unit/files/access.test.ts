import { realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { FileHandles, fileAccess } from '../../../core/files';
import { tempDir } from '../../support/test-app';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = tempDir();
  dbPath = join(dir, 'tierbook.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const keyOf = (run: () => unknown): string => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.issues![0]!.key;
  }
};

describe('file access by transport', () => {
  it('paths (the CLI): any path as given; no handles', () => {
    const files = fileAccess({ mode: 'paths' }, dbPath);
    expect(files.toRead({ path: '/home/li/客户.csv' }, 'import', ['source', 'path']).path).toBe('/home/li/客户.csv');
    expect(files.toWrite({ path: '/home/li/out.xlsx' }, 'export', ['path'])).toBe('/home/li/out.xlsx');
    expect(keyOf(() => files.toWrite({ handle: 'A'.repeat(32) }, 'export', ['handle']))).toBe('handle_unknown');
  });

  it('confined (the bridge): each purpose inside its own folder beside the database', () => {
    const files = fileAccess({ mode: 'confined' }, dbPath);
    const real = realpathSync(dir);
    expect(files.toRead({ path: 'a.csv' }, 'import', ['source', 'path']).path).toBe(join(real, 'imports', 'a.csv'));
    expect(files.toRead({ path: 'b.sqlite' }, 'restore', ['path']).path).toBe(join(real, 'backups', 'b.sqlite'));
    expect(files.toWrite({ path: 'c.xlsx' }, 'export', ['path'])).toBe(join(real, 'exports', 'c.xlsx'));
    expect(files.toWrite({ path: 'd.sqlite' }, 'backup', ['path'])).toBe(join(real, 'backups', 'd.sqlite'));
    // A file of one folder is not reachable from another purpose's: an export cannot overwrite a backup.
    expect(keyOf(() => files.toWrite({ path: '../backups/d.sqlite' }, 'export', ['path']))).toBe('path_outside_folder');
    expect(keyOf(() => files.toRead({ path: dbPath }, 'import', ['source', 'path']))).toBe('path_outside_folder');
    expect(keyOf(() => files.toRead({ handle: 'A'.repeat(32) }, 'import', ['source', 'handle']))).toBe('handle_unknown');
  });

  it('handles (Electron): a path is refused; a save handle is spent on use; an open handle when the read succeeded', () => {
    const handles = new FileHandles();
    const files = fileAccess({ mode: 'handles', handles }, dbPath);
    expect(keyOf(() => files.toRead({ path: '/home/li/a.csv' }, 'import', ['source', 'path']))).toBe('path_not_allowed');
    expect(keyOf(() => files.toWrite({ path: 'out.xlsx' }, 'export', ['path']))).toBe('path_not_allowed');

    const save = handles.register('/home/li/out.xlsx', 'export');
    expect(files.toWrite({ handle: save }, 'export', ['handle'])).toBe('/home/li/out.xlsx');
    expect(keyOf(() => files.toWrite({ handle: save }, 'export', ['handle']))).toBe('handle_unknown');

    const open = handles.register('/home/li/a.csv', 'import');
    const first = files.toRead({ handle: open }, 'import', ['source', 'handle']);
    expect(files.toRead({ handle: open }, 'import', ['source', 'handle']).path).toBe('/home/li/a.csv'); // a preview again
    first.used();
    expect(keyOf(() => files.toRead({ handle: open }, 'import', ['source', 'handle']))).toBe('handle_unknown');
  });

  it('a backup by name is in the backups folder, whichever the transport', () => {
    const real = realpathSync(dir);
    for (const files of [fileAccess({ mode: 'paths' }, dbPath), fileAccess({ mode: 'confined' }, dbPath), fileAccess({ mode: 'handles', handles: new FileHandles() }, dbPath)]) {
      expect(files.toRead({ name: 'manual-2026-11-23.sqlite' }, 'restore', ['name']).path).toBe(join(real, 'backups', 'manual-2026-11-23.sqlite'));
      expect(keyOf(() => files.toRead({ name: '../tierbook.sqlite' }, 'restore', ['name']))).toBe('path_outside_folder');
    }
  });
});
