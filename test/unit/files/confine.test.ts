import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { confine } from '../../../core/files';
import { tempDir } from '../../support/test-app';

let root: string;
let folder: string;
let elsewhere: string;
beforeEach(() => {
  root = tempDir();
  folder = join(root, 'exports');
  elsewhere = tempDir(); // another temp folder: the "outside" a caller must not reach
  mkdirSync(folder);
  writeFileSync(join(elsewhere, 'secret.txt'), 'not yours');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

/** The issue key (and field) a refusal carries, or the path when accepted. */
function judge(given: string): string {
  try {
    return confine(folder, given, ['path']);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toEqual(['path']);
    return `refused:${error.issues![0]!.key}`;
  }
}

describe('confine: a caller’s path kept inside one folder', () => {
  it('takes a file name, a sub-folder path, and the folder’s own full path to a file, as real paths inside it', () => {
    const real = realpathSync(folder);
    expect(judge('customers.xlsx')).toBe(join(real, 'customers.xlsx'));
    expect(judge('2026/customers.csv')).toBe(join(real, '2026', 'customers.csv'));
    expect(judge(join(folder, 'a.csv'))).toBe(join(real, 'a.csv'));
    expect(judge('./x/../b.csv')).toBe(join(real, 'b.csv')); // `..` that stays inside is just a spelling
    expect(judge('..hidden.csv')).toBe(join(real, '..hidden.csv')); // a name that starts with two dots is still a name
  });

  it('refuses `..` out of the folder, absolute paths elsewhere, and the folder itself', () => {
    expect(judge('../tierbook.sqlite')).toBe('refused:path_outside_folder');
    expect(judge('a/../../tierbook.sqlite')).toBe('refused:path_outside_folder');
    expect(judge(join(elsewhere, 'secret.txt'))).toBe('refused:path_outside_folder');
    expect(judge(join(folder, '..', 'exports-evil', 'x'))).toBe('refused:path_outside_folder');
    expect(judge(folder)).toBe('refused:path_outside_folder');
    expect(judge('.')).toBe('refused:path_outside_folder');
  });

  it('names the folder in the refusal so the message can say where files belong', () => {
    try {
      confine(folder, '../x', ['source', 'path']);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).issues).toEqual([{ path: ['source', 'path'], key: 'path_outside_folder', params: { folder } }]);
    }
  });

  it('does not URL-decode: %2e%2e and %2f are literal characters of a name inside the folder', () => {
    const real = realpathSync(folder);
    expect(judge('%2e%2e/secret.txt')).toBe(join(real, '%2e%2e', 'secret.txt'));
    expect(judge('..%2f..%2fsecret.txt')).toBe(join(real, '..%2f..%2fsecret.txt'));
    expect(judge('%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toBe(join(real, '%2e%2e%2f%2e%2e%2fetc%2fpasswd'));
  });

  it('refuses a NUL byte, which would cut the name short in C', () => {
    expect(judge('ok.csv\0../../secret.txt')).toBe('refused:path_not_allowed');
  });

  it('refuses a symlink in the folder that leads out of it: to a file, to a folder, or dangling', () => {
    symlinkSync(join(elsewhere, 'secret.txt'), join(folder, 'link-file'));
    symlinkSync(elsewhere, join(folder, 'link-dir'));
    symlinkSync(join(elsewhere, 'not-yet.txt'), join(folder, 'dangling'));
    expect(judge('link-file')).toBe('refused:path_outside_folder');
    expect(judge('link-dir/secret.txt')).toBe('refused:path_outside_folder');
    expect(judge('link-dir/new/deeper.csv')).toBe('refused:path_outside_folder');
    expect(judge('dangling')).toBe('refused:path_outside_folder'); // writing through it would create a file outside
  });

  it('accepts a symlink that stays inside the folder, resolved to its target', () => {
    writeFileSync(join(folder, 'real.csv'), 'a,b\n');
    symlinkSync(join(folder, 'real.csv'), join(folder, 'alias.csv'));
    expect(judge('alias.csv')).toBe(join(realpathSync(folder), 'real.csv'));
  });

  it('takes the folder’s real path as the boundary when the folder itself is a symlink (the user may move it)', () => {
    const linked = join(root, 'linked-exports');
    symlinkSync(elsewhere, linked);
    expect(confine(linked, 'secret.txt', ['path'])).toBe(join(realpathSync(elsewhere), 'secret.txt'));
    expect(() => confine(linked, join(root, 'exports', 'x'), ['path'])).toThrow(AppError);
  });

  it('creates the folder when it does not exist yet', () => {
    expect(confine(join(root, 'imports'), 'a.csv', ['path'])).toBe(join(realpathSync(root), 'imports', 'a.csv'));
  });
});
