/**
 * A backup's copy made in the import worker's process (core/backup/copy.ts copyFromFile), on a read-only
 * connection of its own, every page in one step: the copy's last step syncs it to disk, which held the app's
 * process for 450-580 ms at 100k customers. The copy is one snapshot of the database, whole and standing alone,
 * while the app goes on writing; a worker that cannot copy leaves the backup to the app, which makes it.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forkImportWorker, type WorkerLauncher } from '../../core/importing';
import { openTestApp, tempDir, type TestApp } from '../support/test-app';

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

function open(launcher: WorkerLauncher = forkImportWorker()) {
  const started: string[] = [];
  app = openTestApp('2026-11-23', {
    importWorker: () => {
      const worker = launcher();
      const send = worker.send.bind(worker);
      worker.send = (message) => {
        started.push(message.type);
        send(message);
      };
      return worker;
    },
  });
  return { t: app, started };
}

/** What a copy holds, read with plain SQL: the live rows, and whether its totals agree with its own orders. */
function contents(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      customers: db.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL`).pluck().get() as number,
      orders: db.prepare(`SELECT count(*) FROM orders WHERE deleted_at IS NULL`).pluck().get() as number,
      revenue: db.prepare(`SELECT total(base_amount_minor) FROM orders WHERE deleted_at IS NULL`).pluck().get() as number,
      // Kept by triggers in the same transactions as the orders: equal in any one snapshot.
      totalsRevenue: db.prepare(`SELECT total(revenue_minor) FROM order_month_totals`).pluck().get() as number,
      figures: db.prepare(`SELECT total(revenue_base_minor) FROM customers`).pluck().get() as number,
      check: db.pragma('quick_check', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('a backup copied in the worker', () => {
  it('is made there, whole, standing alone, and equal to the database it copied', async () => {
    const { t, started } = open();
    await t.call('workspace:loadDemo', { customers: 80, seed: 5 });
    const path = join(t.dir, 'copy.sqlite');
    const made = await t.call('backup:create', { path });
    expect(started).toEqual(['copy']);
    expect(made.path).toBe(path);
    const copy = contents(path);
    expect(copy).toEqual({ ...contents(t.dbPath), check: 'ok', journal: 'delete' });
    expect(copy.orders).toBeGreaterThan(0);
  });

  it('is one snapshot while the app writes orders beside it', async () => {
    const { t } = open();
    await t.call('workspace:loadDemo', { customers: 120, seed: 6 });
    const before = contents(t.dbPath).orders;
    const customer = (await t.call('customers:list', { limit: 1 })).rows[0]!.id;
    const path = join(t.dir, 'during.sqlite');
    const backup = t.call('backup:create', { path });
    let written = 0;
    let done = false;
    void backup.finally(() => (done = true));
    while (!done) {
      await t.call('orders:create', { customerId: customer, orderDate: '2026-11-20', amount: `${10 + written}.00`, currency: 'CNY' });
      written++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await backup;
    const copy = contents(path);
    expect(copy.check).toBe('ok');
    expect(copy.orders).toBeGreaterThanOrEqual(before);
    expect(copy.orders).toBeLessThanOrEqual(before + written);
    // Whatever it caught of the writes, it caught whole: each order with its totals and its customer's figures.
    expect(copy.totalsRevenue).toBe(copy.revenue);
    expect(copy.figures).toBeCloseTo(copy.revenue, 6);
  });

  it('is made by the app when the worker dies, as good as the worker\'s', async () => {
    const dir = tempDir();
    const script = join(dir, 'dying-worker.cjs');
    writeFileSync(script, `process.exit(134);`);
    const { t, started } = open(forkImportWorker({ script, execArgv: [], cwd: dir }));
    await t.call('workspace:loadDemo', { customers: 40, seed: 7 });
    const path = join(t.dir, 'fallback.sqlite');
    await t.call('backup:create', { path });
    expect(started).toEqual(['copy']);
    expect(contents(path)).toEqual({ ...contents(t.dbPath), check: 'ok', journal: 'delete' });
  });
});
