import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forkImportWorker, importWorkerCommand } from '../../core/importing';
import { IMPORT_WORKER_HEAP_MB } from '../../core/importing/worker/launcher';
import { DYING_WORKER_SCRIPT, failure } from '../support/app-error';
import { openTestApp, ROOT, tempDir, type TestApp } from '../support/test-app';
import { walIndexHeader } from '../support/wal-index';
// @ts-expect-error -- a plain .mjs module of the build script, without type declarations
import { importWorkerBuild } from '../../scripts/import-worker-build.mjs';

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

function open(launcher = forkImportWorker()): TestApp {
  app = openTestApp('2026-11-23', { importWorker: launcher });
  return app;
}

function customersCsv(dir: string, rows: number, name = 'customers.csv'): string {
  const lines = ['Name,Company,Phone'];
  for (let i = 0; i < rows; i++) lines.push(`Buyer ${i},Firm ${i % 300},+1 415 ${String(5550000 + i).padStart(7, '0')}`);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

function counts(t: TestApp) {
  return t.db.$client.prepare('SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM contact_channels) AS contacts, (SELECT count(*) FROM import_batches) AS batches').get();
}


/** Polls import:progress until the import reports at least `rows` rows (it is then inside its transaction). */
async function waitForRows(t: TestApp, jobId: string, rows: number) {
  let progress = await t.call('import:progress', { jobId });
  const deadline = Date.now() + 30_000;
  while (progress.rows < rows && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    progress = await t.call('import:progress', { jobId });
  }
  return progress;
}

describe('imports in a worker process', () => {
  it('previews without writing and commits one batch, like the in-process import', async () => {
    const t = open();
    expect(t.importRunner.kind).toBe('process');
    const path = customersCsv(t.dir, 500);
    const preview = await t.call('import:preview', { kind: 'customers', source: { path } });
    expect(preview).toMatchObject({ dryRun: true, rowsTotal: 500, added: 500, rejected: 0, batchId: null, headers: ['Name', 'Company', 'Phone'] });
    expect(counts(t)).toEqual({ customers: 0, contacts: 0, batches: 0 });

    const committed = await t.call('import:commit', { kind: 'customers', source: { path } });
    expect(committed).toMatchObject({ dryRun: false, rowsTotal: 500, added: 500 });
    expect(committed.batchId).toEqual(expect.any(String));
    expect(counts(t)).toEqual({ customers: 500, contacts: 500, batches: 1 });
    expect(t.db.$client.prepare('SELECT name FROM customers WHERE name = ?').pluck().get('Buyer 499')).toBe('Buyer 499');
    // The worker remembered the mapping in the same database the app reads.
    expect((await t.call('import:preview', { kind: 'customers', source: { path } })).mappingSource).toBe('remembered');
    expect(t.importRunner.workers()).toEqual([]);
  });

  it('imports uploaded bytes handed to the worker in the message', async () => {
    const t = open();
    const csv = '客户名称,手机\n张三,13800138000\n李四,13900139000\n';
    const result = await t.call('import:commit', { kind: 'customers', source: { base64: Buffer.from(csv).toString('base64'), fileName: '客户.csv' } });
    expect(result).toMatchObject({ fileName: '客户.csv', rowsTotal: 2, added: 2 });
    expect(t.db.$client.prepare('SELECT name FROM customers ORDER BY name').pluck().all()).toEqual(['张三', '李四'].sort());
  });

  it('turns the worker’s whole-file failures back into the same errors as before', async () => {
    const t = open();
    const missing = await failure(t.call('import:commit', { kind: 'customers', source: { path: join(t.dir, 'nope.csv') } }));
    expect(missing.code).toBe('not_found');
    expect(missing.issues?.[0]).toMatchObject({ key: 'file_not_found', params: { path: join(t.dir, 'nope.csv') } });

    writeFileSync(join(t.dir, 'empty.csv'), '');
    const empty = await failure(t.call('import:preview', { kind: 'customers', source: { path: join(t.dir, 'empty.csv') } }));
    expect(empty.issues?.[0]).toMatchObject({ path: ['source'], key: 'import_empty_file' });

    writeFileSync(join(t.dir, 'bad.csv'), 'Name,Phone\nGood,+14155550100\n,+14155550101\n');
    const rejected = await failure(t.call('import:commit', { kind: 'customers', source: { path: join(t.dir, 'bad.csv') }, onError: 'abort' }));
    expect(rejected.issues?.[0]).toMatchObject({ key: 'import_rows_rejected', params: { rejected: 1, total: 2 } });
    expect(counts(t)).toEqual({ customers: 0, contacts: 0, batches: 0 });
  });

  it('reports progress by job id, and a cancel leaves the database exactly as before', async () => {
    const t = open();
    await t.call('workspace:loadDemo', { customers: 20, seed: 5 });
    const before = counts(t);
    const path = customersCsv(t.dir, 30_000);
    const running = failure(t.call('import:commit', { kind: 'customers', source: { path }, jobId: 'job-1' }));
    const progress = await waitForRows(t, 'job-1', 2000);
    expect(progress).toMatchObject({ running: true });
    expect(progress.rows).toBeGreaterThanOrEqual(2000);
    expect(progress.rows).toBeLessThan(30_000);
    expect(progress.bytesRead).toBeGreaterThan(0);
    expect(await t.call('import:cancel', { jobId: 'job-1' })).toEqual({ cancelled: true });
    expect((await running).issues?.[0]?.key).toBe('import_aborted');
    expect(await t.call('import:progress', { jobId: 'job-1' })).toMatchObject({ running: false });
    expect(counts(t)).toEqual(before);
    expect(t.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('undoes a batch in a worker of its own; an unknown batch and a second undo come back as the errors the app shows', async () => {
    const t = open();
    await t.call('workspace:loadDemo', { customers: 20, seed: 5 });
    const live = () => t.db.$client.prepare(`SELECT (SELECT count(*) FROM customers WHERE deleted_at IS NULL) AS customers, (SELECT count(*) FROM contact_channels k JOIN customers c ON c.id = k.customer_id WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL) AS contacts`).get();
    const before = live();
    const committed = await t.call('import:commit', { kind: 'customers', source: { path: customersCsv(t.dir, 300) } });
    expect(committed.added).toBe(300);

    const undoing = t.call('import:undo', { batchId: committed.batchId! });
    // The undo's transaction runs in another process: its pid is seen while it runs.
    const seen = new Set<number>();
    let settled = false;
    void undoing.finally(() => (settled = true));
    while (!settled) {
      for (const pid of t.importRunner.workers()) seen.add(pid);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await undoing).toEqual({ batchId: committed.batchId, customersRemoved: 300, customersRestored: 0, ordersRemoved: 0, followUpsRemoved: 0 });
    expect(seen.size).toBe(1);
    expect([...seen][0]).not.toBe(process.pid);
    expect(live()).toEqual(before);
    expect(t.db.$client.prepare(`SELECT status FROM import_batches WHERE id = ?`).pluck().get(committed.batchId)).toBe('undone');
    expect(t.importRunner.workers()).toEqual([]);

    const again = await failure(t.call('import:undo', { batchId: committed.batchId! }));
    expect(again).toMatchObject({ code: 'conflict' });
    expect(again.issues?.[0]).toMatchObject({ path: ['batchId'], key: 'import_already_undone' });
    expect(await failure(t.call('import:undo', { batchId: 'no-such-batch' }))).toMatchObject({ code: 'not_found' });
    expect(live()).toEqual(before);
  });

  it('copies its commit into the database itself after answering, for an import and for its undo, then ends', async () => {
    const t = open();
    for (const step of ['import', 'undo'] as const) {
      const batchId = step === 'import' ? null : (t.db.$client.prepare(`SELECT id FROM import_batches`).pluck().get() as string);
      if (step === 'import') await t.call('import:commit', { kind: 'customers', source: { path: customersCsv(t.dir, 2000) } });
      else await t.call('import:undo', { batchId: batchId! });
      await t.importRunner.settled();
      // The worker's connection checkpoints nothing at commit (fewer than SQLite's 1,000 pages would not have been
      // either): every frame was copied by the worker after its answer, none is left for the app's next commit.
      const wal = walIndexHeader(t.dbPath);
      expect(wal.frames).toBeGreaterThan(0);
      expect(wal.backfilled).toBe(wal.frames);
      expect(t.importRunner.workers()).toEqual([]);
    }
    expect(counts(t)).toMatchObject({ customers: 2000, batches: 1 });
    expect((await t.call('customers:list', {})).total).toBe(0);
  });

  it('a worker that dies during an undo is reported as an undo that did nothing, and the next undo works', async () => {
    const dir = tempDir();
    const script = join(dir, 'dying-worker.cjs');
    writeFileSync(script, DYING_WORKER_SCRIPT);
    const working = forkImportWorker();
    const dying = forkImportWorker({ script, execArgv: [], cwd: dir });
    let launch = working;
    const t = open(() => launch());
    const committed = await t.call('import:commit', { kind: 'customers', source: { path: customersCsv(t.dir, 40) } });
    launch = dying;
    const crashed = await failure(t.call('import:undo', { batchId: committed.batchId! }));
    expect(crashed.code).toBe('invalid_input');
    expect(crashed.issues?.[0]).toMatchObject({ path: ['batchId'], key: 'undo_worker_crashed', params: { reason: 'exit code 134' } });
    expect(crashed.message).toContain('Nothing was undone');
    expect(crashed.message).toContain('JavaScript heap out of memory');
    expect(counts(t)).toEqual({ customers: 40, contacts: 40, batches: 1 });
    expect((await t.call('customers:list', {})).total).toBe(40);
    launch = working;
    expect(await t.call('import:undo', { batchId: committed.batchId! })).toMatchObject({ customersRemoved: 40 });
    expect((await t.call('customers:list', {})).total).toBe(0);
  });

  it('a worker killed with SIGKILL mid-import gives a clear error; the app runs on, the database is unchanged and the next import works', async () => {
    const t = open();
    await t.call('workspace:loadDemo', { customers: 20, seed: 5 });
    const before = counts(t);
    const path = customersCsv(t.dir, 30_000);
    const running = failure(t.call('import:commit', { kind: 'customers', source: { path }, jobId: 'doomed' }));
    await waitForRows(t, 'doomed', 1000);
    const [pid] = t.importRunner.workers();
    expect(pid).toEqual(expect.any(Number));
    expect(pid).not.toBe(process.pid);
    process.kill(pid!, 'SIGKILL');

    const crashed = await running;
    expect(crashed.code).toBe('invalid_input');
    expect(crashed.issues?.[0]).toMatchObject({ path: ['source'], key: 'import_worker_crashed', params: { reason: 'signal SIGKILL' } });
    expect(t.importRunner.workers()).toEqual([]);
    expect(counts(t)).toEqual(before);
    expect(t.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.db.$client.pragma('foreign_key_check')).toEqual([]);

    // The app's own connection writes at once: the killed worker's lock went with it.
    await t.call('customers:create', { name: 'After the crash' });
    const next = await t.call('import:commit', { kind: 'customers', source: { path: customersCsv(t.dir, 50, 'small.csv') } });
    expect(next.added).toBe(50);
    expect(counts(t)).toMatchObject({ customers: (before as { customers: number }).customers + 51, batches: (before as { batches: number }).batches + 1 });
  });

  it('a worker that dies on its own (out of memory, exit code ≠ 0) is reported with the reason and its last words', async () => {
    const dir = tempDir();
    const script = join(dir, 'dying-worker.cjs');
    // What V8 does at its heap limit: a line on stderr, then abort (exit code 134).
    writeFileSync(script, DYING_WORKER_SCRIPT);
    const t = open(forkImportWorker({ script, execArgv: [], cwd: dir }));
    const path = customersCsv(t.dir, 10);
    const crashed = await failure(t.call('import:commit', { kind: 'customers', source: { path } }));
    expect(crashed.issues?.[0]).toMatchObject({ key: 'import_worker_crashed', params: { reason: 'exit code 134' } });
    expect(crashed.message).toContain('JavaScript heap out of memory');
    expect(counts(t)).toEqual({ customers: 0, contacts: 0, batches: 0 });
    expect((await t.call('customers:list', {})).total).toBe(0);
  });

  it('starts workers with the heap cap, so a runaway file ends in the worker and not in the swap', async () => {
    const dir = tempDir();
    const script = join(dir, 'heap-reporting-worker.cjs');
    writeFileSync(script, `process.stderr.write('Error: heap limit ' + Math.round(require('v8').getHeapStatistics().heap_size_limit / 1048576) + ' MB\\n'); process.exit(3);`);
    const t = open(forkImportWorker({ script, execArgv: [], cwd: dir }));
    const crashed = await failure(t.call('import:preview', { kind: 'customers', source: { path: customersCsv(t.dir, 1) } }));
    const limit = Number(/heap limit (\d+) MB/.exec(crashed.message)?.[1]);
    expect(limit).toBeGreaterThanOrEqual(IMPORT_WORKER_HEAP_MB);
    expect(limit).toBeLessThan(IMPORT_WORKER_HEAP_MB + 256);
  });

  it('runs the bundled worker that ships in dist/main (better-sqlite3 loaded from outside the bundle)', async () => {
    const dir = tempDir();
    const outfile = join(dir, 'import-worker.cjs');
    await build({ ...importWorkerBuild, absWorkingDir: ROOT, outfile, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } });
    // Outside the repository the bundle finds better-sqlite3 as the packaged app does: beside it in node_modules.
    const t = open(forkImportWorker({ script: outfile, execArgv: [], cwd: dir, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } }));
    const path = customersCsv(t.dir, 200);
    expect(await t.call('import:commit', { kind: 'customers', source: { path } })).toMatchObject({ rowsTotal: 200, added: 200 });
    expect(counts(t)).toEqual({ customers: 200, contacts: 200, batches: 1 });
  });

  it('starts the TypeScript entry when running from source and the bundle when running from dist', () => {
    const command = importWorkerCommand();
    expect(command.script).toBe(join(ROOT, 'core', 'importing', 'worker', 'entry.ts'));
    expect(command.execArgv).toEqual(['--import', 'tsx']);
  });
});
