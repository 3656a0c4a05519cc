import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAutomaticBackups } from '../../core/backup';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 30, seed: 3 });
});
afterEach(() => app.cleanup());

/** Every row of every data table, for row-for-row comparison. */
function dump(client: Database.Database) {
  const tables = client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  // customer_activity's rev is a change counter that a restore lifts on purpose (below): its content is compared.
  const rowsOf = (t: string) => (t === 'customer_activity' ? `SELECT customer_id, orders, follow_ups FROM customer_activity ORDER BY 1` : `SELECT * FROM "${t}" ORDER BY 1`);
  return Object.fromEntries(tables.map((t) => [t, client.prepare(rowsOf(t)).all()]));
}

describe('backups', () => {
  it('backs up while the app is open and restores row for row, keeping the replaced data as a backup first', async () => {
    // Payments are rows of their own: the backup holds them, and the restore brings back what the order owes.
    const owner = (await app.call('customers:list', { limit: 1 })).rows[0]!;
    const sale = await app.call('orders:create', { customerId: owner.id, orderDate: '2026-11-20', amount: '100', currency: 'CNY', payment: { status: 'unpaid' } });
    await app.call('orders:record-payment', { id: sale.id, amount: '30' });
    const target = join(app.dir, 'copy.sqlite');
    const backup = await app.call('backup:create', { path: target });
    expect(backup).toMatchObject({ path: target, kind: 'manual' });
    expect(backup.bytes).toBeGreaterThan(10_000);
    const before = dump(app.db.$client);

    const victim = (await app.call('customers:list', { limit: 1 })).rows[0]!;
    await app.call('customers:delete', { id: victim.id });
    await app.call('customers:create', { name: 'After the backup' });
    expect(dump(app.db.$client)).not.toEqual(before);

    const revBefore = app.db.$client.prepare(`SELECT max(rev) FROM customer_activity`).pluck().get() as number;
    const restored = await app.call('backup:restore', { path: target });
    // Every restored activity row is newer than anything this process saw, so tiers held in memory are read again.
    expect(app.db.$client.prepare(`SELECT min(rev) FROM customer_activity`).pluck().get() as number).toBeGreaterThan(revBefore);
    expect(restored.restoredFrom).toBe(target);
    expect(restored.safetyBackup.kind).toBe('before_restore');
    expect(existsSync(restored.safetyBackup.path)).toBe(true);
    // The app's own connection sees the restored data at once.
    expect(dump(app.db.$client)).toEqual(before);
    expect((await app.call('customers:list', { search: 'After the backup' })).total).toBe(0);
    expect((await app.call('order-payments:list', { orderId: sale.id })).payments.map((p) => p.amountMinor)).toEqual([3000]);
    expect(app.db.$client.prepare(`SELECT unpaid_minor FROM orders WHERE id = ?`).pluck().get(sale.id)).toBe(10000 - 3000);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');

    // The safety copy holds what was replaced, so the restore itself can be undone.
    const safety = new Database(restored.safetyBackup.path, { readonly: true });
    expect(safety.prepare(`SELECT count(*) FROM customers WHERE name = 'After the backup'`).pluck().get()).toBe(1);
    safety.close();
    expect((await app.call('backup:list', {})).backups.map((b) => b.kind)).toEqual(['before_restore']);
  });

  it('a backup is one file read alone, and a restore leaves nothing beside the file it read', async () => {
    const target = join(app.dir, 'alone.sqlite');
    await app.call('backup:create', { path: target });
    // Journal mode in the header (bytes 18-19): 1 is the rollback journal, 2 is WAL.
    const header = (path: string) => [...readFileSync(path).subarray(18, 20)];
    expect(header(target)).toEqual([1, 1]);
    const beside = (path: string) => readdirSync(app.dir).filter((name) => name.startsWith(`${basename(path)}-`));
    const reader = new Database(target, { readonly: true });
    expect(reader.pragma('journal_mode', { simple: true })).toBe('delete');
    reader.close();
    expect(beside(target)).toEqual([]);

    // A file in WAL mode, as a copy of a live database or a backup made before this version is.
    const walFile = join(app.dir, 'wal-mode.sqlite');
    await app.call('backup:create', { path: walFile });
    const toWal = new Database(walFile);
    toWal.pragma('journal_mode = WAL');
    toWal.close();
    expect(header(walFile)).toEqual([2, 2]);
    expect(beside(walFile)).toEqual([]);
    const customers = app.db.$client.prepare(`SELECT count(*) FROM customers`).pluck().get() as number;
    await app.call('customers:create', { name: 'Gone with the restore' });
    await app.call('backup:restore', { path: walFile });
    expect(app.db.$client.prepare(`SELECT count(*) FROM customers`).pluck().get()).toBe(customers);
    expect(beside(walFile)).toEqual([]);
    expect(header(walFile)).toEqual([2, 2]);
    await app.call('backup:restore', { path: target });
    expect(beside(target)).toEqual([]);
  });

  it('keeps the safety copy of every restore, even two restores within the same second', async () => {
    const target = join(app.dir, 'copy.sqlite');
    await app.call('backup:create', { path: target });
    await app.call('customers:create', { name: 'Only in the first safety copy' });
    const first = await app.call('backup:restore', { path: target });
    const second = await app.call('backup:restore', { path: target });
    // The test clock is fixed, so both restores happen "in the same second".
    expect(second.safetyBackup.path).not.toBe(first.safetyBackup.path);
    const kept = new Database(first.safetyBackup.path, { readonly: true });
    expect(kept.prepare(`SELECT count(*) FROM customers WHERE name = 'Only in the first safety copy'`).pluck().get()).toBe(1);
    kept.close();
    const listed = (await app.call('backup:list', {})).backups.filter((b) => b.kind === 'before_restore').map((b) => b.path);
    expect(listed.sort()).toEqual([first.safetyBackup.path, second.safetyBackup.path].sort());
  });

  it('refuses a corrupt, a foreign and a newer file with a clear message, and changes nothing', async () => {
    const before = dump(app.db.$client);
    const garbage = join(app.dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    await expect(app.call('backup:restore', { path: garbage })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ key: 'backup_unreadable' }] });

    const foreign = join(app.dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1)');
    other.close();
    await expect(app.call('backup:restore', { path: foreign })).rejects.toMatchObject({ issues: [{ key: 'backup_not_tierbook' }], message: expect.stringContaining('is not a TierBook database') });

    const corrupt = join(app.dir, 'corrupt.sqlite');
    await app.call('backup:create', { path: corrupt });
    const damage = new Database(corrupt);
    // Break the customers index so the file opens but fails the integrity check.
    damage.pragma('writable_schema = ON');
    const rootpage = damage.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'customers_live_name'`).pluck().get() as number;
    damage.pragma('writable_schema = OFF');
    damage.close();
    const fd = (await import('node:fs')).openSync(corrupt, 'r+');
    (await import('node:fs')).writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, (rootpage - 1) * 4096);
    (await import('node:fs')).closeSync(fd);
    await expect(app.call('backup:restore', { path: corrupt })).rejects.toMatchObject({ issues: [{ key: expect.stringMatching(/^backup_(corrupt|unreadable)$/) }] });

    const newer = join(app.dir, 'newer.sqlite');
    await app.call('backup:create', { path: newer });
    const bump = new Database(newer);
    bump.pragma('user_version = 999');
    bump.close();
    await expect(app.call('backup:restore', { path: newer })).rejects.toMatchObject({ issues: [{ key: 'backup_too_new' }] });
    await expect(app.call('backup:restore', { path: join(app.dir, 'nope.sqlite') })).rejects.toMatchObject({ code: 'not_found', issues: [{ key: 'file_not_found' }] });

    expect(dump(app.db.$client)).toEqual(before);
    expect((await app.call('backup:list', {})).backups).toEqual([]);
  });

  it('keeps one automatic backup a day with rotation: 7 daily and 4 weekly', async () => {
    const folder = join(app.dir, 'backups');
    const start = new Date(2026, 0, 1, 9, 0, 0);
    for (let day = 0; day < 40; day++) {
      const at = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, 9);
      const first = await runAutomaticBackups(app.db.$client, app.dbPath, at);
      expect(first.created.length).toBeGreaterThanOrEqual(1);
      // Starting the app twice the same day makes no second backup.
      expect((await runAutomaticBackups(app.db.$client, app.dbPath, new Date(at.getTime() + 3600_000))).created).toEqual([]);
    }
    const files = readdirSync(folder).sort();
    expect(files.filter((f) => f.startsWith('tierbook-daily-'))).toEqual(
      ['2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-07', '2026-02-08', '2026-02-09'].map((d) => `tierbook-daily-${d}.sqlite`),
    );
    // Weeks start on Monday; the last four weeks' first start-ups were those Mondays (2026-02-09 is one too).
    expect(files.filter((f) => f.startsWith('tierbook-weekly-'))).toEqual(['2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'].map((d) => `tierbook-weekly-${d}.sqlite`));
    expect(files.filter((f) => !f.startsWith('tierbook-daily-') && !f.startsWith('tierbook-weekly-'))).toEqual([]);
    const latest = new Database(join(folder, 'tierbook-daily-2026-02-09.sqlite'), { readonly: true });
    expect(latest.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(latest.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(30);
    latest.close();
  });
});
