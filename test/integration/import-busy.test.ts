import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_WRITE_WAIT_MS } from '../../core/app';
import { forkImportWorker } from '../../core/importing';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

/** A write through dispatch, as any transport makes it, with how long the caller was kept waiting. */
async function timedCreate(t: TestApp, name: string) {
  const started = Date.now();
  const result = await t.dispatch('customers:create', { name });
  return { result, ms: Date.now() - started };
}

describe('writes while another connection writes', () => {
  it('fail after a short wait with `busy`, not `internal`, save nothing, and work once the lock is gone', async () => {
    const t = (app = openTestApp());
    const other = new Database(t.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const { result, ms } = await timedCreate(t, 'Blocked');
      // The renderer says it from the issue: another TierBook process is writing, nothing was changed, try again.
      expect(result).toMatchObject({ ok: false, error: { code: 'busy', issues: [{ path: [], key: 'database_busy' }] } });
      // At most the app's short wait, not the 5 s a connection waits by default: the event loop (Electron's
      // main process) stays responsive. (A write inside a transaction that has already read is refused at once.)
      expect(ms).toBeLessThan(APP_WRITE_WAIT_MS + 1500);
      // A statement that writes straight away waits for the lock, but only the app's short wait.
      const started = Date.now();
      expect(() => t.db.$client.prepare('UPDATE import_batches SET added = added').run()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(APP_WRITE_WAIT_MS - 50);
      expect(Date.now() - started).toBeLessThan(APP_WRITE_WAIT_MS + 1500);
      // Reading is never blocked (WAL).
      expect(await t.dispatch('customers:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect((await timedCreate(t, 'Saved')).result).toMatchObject({ ok: true, value: { customer: { name: 'Saved' } } });
    expect(t.db.$client.prepare('SELECT name FROM customers').pluck().all()).toEqual(['Saved']);
  });

  it('during a long import in the worker, a save answers `busy` at once; once the import has ended it is saved', async () => {
    const t = (app = openTestApp('2026-11-23', { importWorker: forkImportWorker() }));
    const path = join(t.dir, 'long.csv');
    const lines = ['Name,Company,Phone'];
    for (let i = 0; i < 40_000; i++) lines.push(`Buyer ${i},Firm ${i % 300},+1 415 ${String(5550000 + i).padStart(7, '0')}`);
    writeFileSync(path, lines.join('\n'));

    const importing = t.dispatch('import:commit', { kind: 'customers', source: { path }, jobId: 'long' });
    let progress = await t.call('import:progress', { jobId: 'long' });
    while (progress.rows < 1000 && progress.running !== false) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await t.call('import:progress', { jobId: 'long' });
    }
    // Progress is reported after a batch is written: the worker holds the write transaction now.
    expect(progress).toMatchObject({ running: true });
    expect(progress.rows).toBeLessThan(40_000);

    const during = await timedCreate(t, 'During the import');
    expect(during.result).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(during.ms).toBeLessThan(APP_WRITE_WAIT_MS + 1500);
    expect(await t.dispatch('customers:list', {})).toMatchObject({ ok: true, value: { total: 0 } });

    await t.call('import:cancel', { jobId: 'long' });
    expect(await importing).toMatchObject({ ok: false, error: { issues: [{ key: 'import_aborted' }] } });
    expect((await timedCreate(t, 'After the import')).result).toMatchObject({ ok: true });
    expect(t.db.$client.prepare('SELECT name FROM customers').pluck().all()).toEqual(['After the import']);
  });

  it('an import in the worker that cannot get the write lock answers `busy` too and writes nothing', async () => {
    const t = (app = openTestApp('2026-11-23', { importWorker: forkImportWorker() }));
    writeFileSync(join(t.dir, 'small.csv'), 'Name\nSmall one\n');
    const other = new Database(t.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      // The worker waits its own 5 s for the lock, then its SQLITE_BUSY crosses the process boundary by code.
      const result = await t.dispatch('import:commit', { kind: 'customers', source: { path: join(t.dir, 'small.csv') } });
      expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(t.db.$client.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    expect(await t.call('import:commit', { kind: 'customers', source: { path: join(t.dir, 'small.csv') } })).toMatchObject({ added: 1 });
  });
});
