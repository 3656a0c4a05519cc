import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { FileHandles, HANDLE_LIFETIME_MS } from '../../../core/files';

const keyOf = (run: () => unknown): string => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.issues![0]!.key;
  }
};

describe('FileHandles: what the main process remembers of the files the user chose', () => {
  it('hands out long random handles that say nothing about the path', () => {
    const handles = new FileHandles();
    // A path whose every part is long enough that random letters cannot spell it by chance.
    const path = '/home/lindqvist/quarterly-orders/客户.csv';
    const a = handles.register(path, 'import');
    const b = handles.register(path, 'import');
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(a).not.toBe(b);
    for (const part of ['lindqvist', 'quarterly', 'orders']) expect(a).not.toContain(part);
    expect(handles.resolve(a, 'import', ['source', 'handle'])).toBe(path);
  });

  it('binds a handle to its purpose: a file picked for a restore is not an import, a save target is not a backup', () => {
    const handles = new FileHandles();
    const restore = handles.register('/backups/old.sqlite', 'restore');
    const exportTo = handles.register('/home/li/out.xlsx', 'export');
    expect(keyOf(() => handles.resolve(restore, 'import', ['source', 'handle']))).toBe('handle_wrong_purpose');
    expect(keyOf(() => handles.resolve(exportTo, 'backup', ['handle']))).toBe('handle_wrong_purpose');
    expect(keyOf(() => handles.resolve(restore, 'restore', ['handle']))).toBe('accepted');
  });

  it('can be read many times until spent, and never after', () => {
    const handles = new FileHandles();
    const h = handles.register('/home/li/a.csv', 'import');
    handles.resolve(h, 'import', ['handle']);
    handles.resolve(h, 'import', ['handle']);
    handles.consume(h);
    expect(keyOf(() => handles.resolve(h, 'import', ['handle']))).toBe('handle_unknown');
  });

  it('refuses a handle it never issued, naming the field', () => {
    const handles = new FileHandles();
    try {
      handles.resolve('A'.repeat(32), 'export', ['rejectsHandle']);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).issues).toEqual([{ path: ['rejectsHandle'], key: 'handle_unknown' }]);
    }
  });

  it('expires a handle an hour after the user chose the file (clock injected)', () => {
    let now = 1_000_000;
    const handles = new FileHandles({ now: () => now });
    const h = handles.register('/home/li/a.csv', 'import');
    now += HANDLE_LIFETIME_MS - 1;
    expect(keyOf(() => handles.resolve(h, 'import', ['handle']))).toBe('accepted');
    now += 1;
    expect(keyOf(() => handles.resolve(h, 'import', ['handle']))).toBe('handle_unknown');
    // And it stays gone even if the clock went back.
    now -= 10_000;
    expect(keyOf(() => handles.resolve(h, 'import', ['handle']))).toBe('handle_unknown');
  });

  it('forgets expired handles as new ones arrive (a long session does not pile them up)', () => {
    let now = 0;
    const handles = new FileHandles({ now: () => now, lifetimeMs: 10 });
    const old = handles.register('/a', 'export');
    now = 20;
    handles.register('/b', 'export');
    now = 0; // were the expired grant still stored, this earlier clock would make it valid again
    expect(keyOf(() => handles.resolve(old, 'export', ['handle']))).toBe('handle_unknown');
  });
});
