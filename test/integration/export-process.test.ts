/**
 * Exports run in the import worker's process (core/importing/worker: `export`), on a read-only connection of
 * their own: reading and sorting every order of a 100k-customer book held the app's main process for 2-3 s. The
 * CSV files a worker writes are byte for byte those the same export writes in-process; its refusals come back as the
 * same errors; a worker that dies is an export that wrote nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forkImportWorker, inlineImportRunner, type WorkerLauncher } from '../../core/importing';
import { DYING_WORKER_SCRIPT, failure } from '../support/app-error';
import { openTestApp, tempDir, type TestApp } from '../support/test-app';

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

/** The app with workers started by `launcher`, counting them. */
function open(launcher: WorkerLauncher = forkImportWorker()) {
  const started = { count: 0 };
  app = openTestApp('2026-11-23', {
    importWorker: () => {
      started.count++;
      return launcher();
    },
  });
  return { t: app, started };
}


describe('exports in a worker process', () => {
  it('write, each in a worker of its own, the very files the export writes in-process, for every kind (and a spreadsheet)', async () => {
    const { t, started } = open();
    await t.call('workspace:loadDemo', { customers: 60, seed: 11 });
    await t.call('segments:recompute', {});
    const inline = inlineImportRunner(t.db.$client);
    const kinds = [
      ['customers', 'export:customers'],
      ['orders', 'export:orders'],
      ['orderLines', 'export:orderLines'],
      ['followUps', 'export:followUps'],
    ] as const;
    for (const [kind, channel] of kinds) {
      // Every kind as CSV, compared byte for byte; the spreadsheet writer once (each export is a worker's start).
      for (const format of kind === 'customers' ? (['csv', 'xlsx'] as const) : (['csv'] as const)) {
        const before = started.count;
        const viaWorker = join(t.dir, `${kind}-worker.${format}`);
        const result = await t.call(channel, { path: viaWorker, language: 'en' });
        expect(started.count).toBe(before + 1);
        expect(result).toMatchObject({ path: viaWorker, format });
        const here = join(t.dir, `${kind}-here.${format}`);
        const same = await inline.exportFile(t.dbPath, kind, here, { language: 'en', format });
        expect(result.rows).toBe(same.rows);
        expect(result.classesAsOf).toBe(same.classesAsOf);
        if (format === 'csv') expect(readFileSync(viaWorker, 'utf8')).toBe(readFileSync(here, 'utf8'));
        else expect(readFileSync(viaWorker).byteLength).toBeGreaterThan(0);
      }
    }
    // Counted another way: the customers' CSV holds a line per live customer and its header.
    const lines = readFileSync(join(t.dir, 'customers-worker.csv'), 'utf8').trim().split('\n');
    const live = t.db.$client.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL`).pluck().get() as number;
    expect(lines.length).toBe(live + 1);
  });

  it('one tier and the list\'s own rows, as in-process', async () => {
    const { t } = open();
    await t.call('workspace:loadDemo', { customers: 60, seed: 12 });
    await t.call('segments:recompute', {});
    const counts = await t.call('segments:overview', { scheme: 'pyramid' });
    const tier = counts.classes.find((c) => c.count > 0)!;
    const path = join(t.dir, 'tier.csv');
    const result = await t.call('export:customers', { path, scheme: 'pyramid', classKey: tier.classKey, language: 'zh-CN' });
    expect(result.rows).toBe(tier.count);
    const here = join(t.dir, 'tier-here.csv');
    await inlineImportRunner(t.db.$client).exportFile(t.dbPath, 'customers', here, { language: 'zh-CN', classFilter: { scheme: 'pyramid', classKey: tier.classKey } });
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(here, 'utf8'));
  });

  it('refusals come back as the errors of the in-process export', async () => {
    const { t } = open();
    await t.call('workspace:loadDemo', { customers: 20, seed: 13 });
    // The database itself as the target: refused before anything is written.
    const refused = await failure(t.call('export:orders', { path: t.dbPath, format: 'csv' }));
    const here = await failure(inlineImportRunner(t.db.$client).exportFile(t.dbPath, 'orders', t.dbPath, { language: 'zh-CN', format: 'csv' }));
    expect(refused.code).toBe(here.code);
    expect(refused.issues).toEqual(here.issues);
    expect(refused.message).toBe(here.message);
    // A scheme with no tiers computed yet.
    const noTiers = await failure(t.call('export:customers', { path: join(t.dir, 'x.csv'), scheme: 'pyramid', classKey: 'gold' }));
    expect(noTiers.issues?.[0]).toMatchObject({ key: 'export_scheme_unknown' });
  });

  it('a worker that dies is an export that wrote nothing, and the next export works', async () => {
    const dir = tempDir();
    const script = join(dir, 'dying-worker.cjs');
    writeFileSync(script, DYING_WORKER_SCRIPT);
    const working = forkImportWorker();
    const dying = forkImportWorker({ script, execArgv: [], cwd: dir });
    let launch = dying;
    const { t } = open(() => launch());
    await t.call('workspace:loadDemo', { customers: 20, seed: 14 });
    const path = join(t.dir, 'orders.csv');
    const crashed = await failure(t.call('export:orders', { path, format: 'csv' }));
    expect(crashed.code).toBe('invalid_input');
    expect(crashed.issues?.[0]).toMatchObject({ path: ['path'], key: 'export_worker_crashed', params: { reason: 'exit code 134' } });
    expect(crashed.message).toContain('No file was written');
    expect(crashed.message).toContain('JavaScript heap out of memory');
    expect(existsSync(path)).toBe(false);
    launch = working;
    expect((await t.call('export:orders', { path, format: 'csv' })).rows).toBe(t.db.$client.prepare(`SELECT count(*) FROM orders WHERE deleted_at IS NULL`).pluck().get());
  });
});
