import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('workspace:loadDemo', { customers: 20, seed: 5 });
});
afterEach(() => app.cleanup());

const ROWS = 20_000;

describe('a large import in progress', () => {
  it('reports rows and bytes while it streams, and a cancel leaves the database exactly as before', async () => {
    const path = join(app.dir, 'big.csv');
    const lines = ['Name,Company,Phone'];
    for (let i = 0; i < ROWS; i++) lines.push(`Buyer ${i},Firm ${i % 300},+1 415 ${String(5550000 + i).padStart(7, '0')}`);
    writeFileSync(path, lines.join('\n'));
    const before = app.db.$client.prepare(`SELECT count(*) AS customers, (SELECT count(*) FROM contact_channels) AS contacts, (SELECT count(*) FROM import_batches) AS batches FROM customers`).get();

    const running = app.call('import:commit', { kind: 'customers', source: { path }, jobId: 'job-1' }).then(
      () => 'finished',
      (error: { issues?: Array<{ key: string }> }) => error.issues?.[0]?.key,
    );
    let progress = await app.call('import:progress', { jobId: 'job-1' });
    while (progress.running && progress.rows < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      progress = await app.call('import:progress', { jobId: 'job-1' });
    }
    expect(progress).toMatchObject({ running: true, totalBytes: Buffer.byteLength(lines.join('\n')) });
    expect(progress.rows).toBeGreaterThanOrEqual(3000);
    expect(progress.rows).toBeLessThan(ROWS);
    expect(progress.bytesRead).toBeGreaterThan(0);
    expect(progress.rowsPerSecond).toBeGreaterThan(0);

    expect(await app.call('import:cancel', { jobId: 'job-1' })).toEqual({ cancelled: true });
    expect(await running).toBe('import_aborted');
    expect(await app.call('import:progress', { jobId: 'job-1' })).toMatchObject({ running: false });
    expect(await app.call('import:cancel', { jobId: 'job-1' })).toEqual({ cancelled: false });
    const after = app.db.$client.prepare(`SELECT count(*) AS customers, (SELECT count(*) FROM contact_channels) AS contacts, (SELECT count(*) FROM import_batches) AS batches FROM customers`).get();
    expect(after).toEqual(before);
    expect(app.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
