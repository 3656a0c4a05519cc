import Database from 'better-sqlite3';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileHandles } from '../../core/files';
import { tableCounts } from '../support/table-counts';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Every file the app writes to a path the caller chose (exports, the report workbook, a chart picture, an
 * import's rejected rows) is checked before its first byte, as a backup's target is: never the open database
 * or its working files, the file being imported, a folder, a device or a missing folder.
 */
let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 30, seed: 3 });
});
afterEach(() => app.cleanup());

/** The database file opened afresh: still a whole SQLite database with the same rows. */
function expectDatabaseIntact(before: Record<string, number>) {
  const reopened = new Database(app.dbPath, { readonly: true });
  try {
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableCounts(reopened)).toEqual(before);
  } finally {
    reopened.close();
  }
}

const partialsIn = (folder: string) => readdirSync(folder).filter((n) => n.includes('.partial'));

/** The database's own files, a hard link to it, a folder, a device and a path in a missing folder, with the key each is refused by. */
function badTargets(): Array<[string, string]> {
  const hardLink = join(app.dir, 'linked.csv');
  linkSync(app.dbPath, hardLink);
  mkdirSync(join(app.dir, 'folder.csv'));
  return [
    [app.dbPath, 'write_target_is_database'],
    [`${app.dbPath}-wal`, 'write_target_is_database'],
    [`${app.dbPath}-shm`, 'write_target_is_database'],
    [`${app.dbPath}-journal`, 'write_target_is_database'],
    [hardLink, 'write_target_is_database'],
    [join(app.dir, 'folder.csv'), 'write_target_not_a_file'],
    ['/dev/null', 'write_target_not_a_file'],
    [join(app.dir, 'no-such-folder', 'out.csv'), 'write_folder_missing'],
  ];
}

describe('files the app writes are checked before anything is written', () => {
  it('exports (CSV and .xlsx, every kind) refuse the database, its working files, folders, devices and missing folders', async () => {
    const before = tableCounts(app.db.$client);
    for (const [path, key] of badTargets()) {
      for (const channel of ['export:customers', 'export:orders', 'export:orderLines', 'export:followUps'] as const) {
        for (const format of ['csv', 'xlsx'] as const) {
          await expect(app.call(channel, { path, format }), `${channel} ${format} ${path}`).rejects.toMatchObject({
            code: 'invalid_input',
            issues: [{ path: ['path'], key, params: { path } }],
          });
        }
      }
    }
    expect(existsSync(`${app.dbPath}-journal`)).toBe(false);
    expect(existsSync(join(app.dir, 'no-such-folder'))).toBe(false);
    expect(readdirSync(join(app.dir, 'folder.csv'))).toEqual([]);
    expect((await app.call('customers:list', { limit: 1 })).total).toBe(30);
    expectDatabaseIntact(before);
    // The ordinary neighbour: a new file beside the database.
    const out = await app.call('export:customers', { path: join(app.dir, 'customers.csv') });
    expect(out.rows).toBe(30);
    expect(readFileSync(join(app.dir, 'customers.csv'), 'utf8').split('\n').length).toBe(32);
  });

  it('the report workbook refuses the database and the rest, and writes a new file', async () => {
    // The first report fills the report caches and the default service policies: counted after it.
    await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', period: 'month' });
    const before = tableCounts(app.db.$client);
    for (const [path, key] of badTargets()) {
      await expect(app.call('reports:export-xlsx', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', path }), path).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['path'], key }],
        message: expect.stringContaining(path),
      });
    }
    expectDatabaseIntact(before);
    const out = await app.call('reports:export-xlsx', { scheme: 'pyramid', from: '2026-01-01', to: '2026-04-30', path: join(app.dir, 'report.xlsx') });
    expect(readFileSync(out.path).subarray(0, 2).toString()).toBe('PK');
  });

  it('a chart picture saved through a dialog handle that names the database is refused', async () => {
    app.cleanup();
    const handles = new FileHandles();
    app = openTestApp('2026-11-23', { files: { mode: 'handles', handles } });
    await app.call('workspace:loadDemo', { customers: 5, seed: 3 });
    const before = tableCounts(app.db.$client);
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
    await expect(app.call('charts:save-png', { image: png, name: 'chart.png', handle: handles.register(app.dbPath, 'export') })).rejects.toMatchObject({
      issues: [{ path: ['handle'], key: 'write_target_is_database' }],
    });
    expectDatabaseIntact(before);
    const ok = await app.call('charts:save-png', { image: png, name: 'chart.png', handle: handles.register(join(app.dir, 'chart.png'), 'export') });
    expect(ok.bytes).toBe(Buffer.from(png, 'base64').length);
  });

  it('an import refuses a rejects file that is the database, the file imported, a folder or in a missing folder, before writing anything', async () => {
    const source = join(app.dir, 'orders.csv');
    const text = 'Customer,Phone,Date,Amount,Currency\n王五,13700137000,2026-01-05,12.50,CNY\n王五,13700137000,2026-13-45,10,CNY\n';
    writeFileSync(source, text);
    const before = tableCounts(app.db.$client);
    const input = { kind: 'orders' as const, source: { path: source }, onError: 'skip' as const, unknownCustomers: 'create' as const, dateOrder: 'ymd' as const };
    const targets: Array<[string, string]> = [...badTargets(), [source, 'write_target_is_source'], [join(app.dir, '.', 'orders.csv'), 'write_target_is_source']];
    for (const [rejectsPath, key] of targets) {
      await expect(app.call('import:commit', { ...input, rejectsPath }), rejectsPath).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['rejectsPath'], key }],
      });
    }
    expect(readFileSync(source, 'utf8')).toBe(text);
    expect(partialsIn(app.dir)).toEqual([]);
    expectDatabaseIntact(before);
    // A rejects file beside the source: the valid row goes in, the bad one to the file, and no partial file is left.
    const rejectsPath = join(app.dir, 'rejects.csv');
    const done = await app.call('import:commit', { ...input, rejectsPath });
    expect([done.added, done.rejected, done.rejectsPath]).toEqual([1, 1, rejectsPath]);
    expect(readFileSync(rejectsPath, 'utf8')).toContain('2026-13-45');
    expect(partialsIn(app.dir)).toEqual([]);
    expect(app.db.$client.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(before.orders! + 1);
  });
});
