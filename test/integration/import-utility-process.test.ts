import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestApp, ROOT, type TestApp } from '../support/test-app';

/**
 * Electron's utilityProcess, played by a Node child process with the same surface (test/support/utility-process-fork.ts):
 * electron/import-process.ts runs for real against it, and so does the worker entry's Electron branch
 * (process.parentPort, see the shim).
 */
const forks = vi.hoisted(() => [] as Array<{ script: string; options: { execArgv?: string[]; serviceName?: string } }>);
vi.mock('electron', async () => {
  const { forkUtilityProcess } = await import('../support/utility-process-fork');
  return {
    utilityProcess: {
      fork(script: string, args: string[], options: { execArgv?: string[]; serviceName?: string }) {
        forks.push({ script, options });
        return forkUtilityProcess(script, args, options);
      },
    },
  };
});

const { utilityImportWorker } = await import('../../electron/import-process');

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

describe('imports in an Electron utility process', () => {
  it('start the shipped worker bundle with the heap cap, import, report progress, and survive a crash', async () => {
    const t = (app = openTestApp('2026-11-23', { importWorker: utilityImportWorker() }));
    const path = join(t.dir, 'customers.csv');
    const lines = ['Name,Phone'];
    for (let i = 0; i < 20_000; i++) lines.push(`Buyer ${i},+1 415 ${String(5550000 + i).padStart(7, '0')}`);
    writeFileSync(path, lines.join('\n'));

    const small = join(t.dir, 'small.csv');
    writeFileSync(small, 'Name\nAda\nGrace\n');
    expect(await t.call('import:commit', { kind: 'customers', source: { path: small } })).toMatchObject({ added: 2 });
    expect(forks[0]).toMatchObject({ script: join(ROOT, 'dist', 'main', 'import-worker.cjs'), options: { execArgv: ['--max-old-space-size=2048'] } });

    const running = t.call('import:commit', { kind: 'customers', source: { path }, jobId: 'electron' }).then(
      () => null,
      (error: { issues?: Array<{ key: string; params?: Record<string, unknown> }> }) => error.issues?.[0],
    );
    let progress = await t.call('import:progress', { jobId: 'electron' });
    while (progress.rows < 1000 && progress.running !== false) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await t.call('import:progress', { jobId: 'electron' });
    }
    expect(progress.running).toBe(true);
    process.kill(t.importRunner.workers()[0]!, 'SIGKILL');
    expect(await running).toEqual({ path: ['source'], key: 'import_worker_crashed', params: { reason: 'exit code 137' } });
    expect(t.db.$client.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(2);
    expect(t.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
