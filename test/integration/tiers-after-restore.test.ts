import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nextTurn } from '../../core/next-turn';
import { openApp } from '../../core/app';
import { fixedClock } from '../../core/context';
import { call } from '../../core/dispatch';
import { MIGRATIONS, openTestApp, type TestApp } from '../support/test-app';
import { tiersFromScratch } from '../support/tiers-from-scratch';

/**
 * A restore replaces every row under the tiers held in memory. What was computed before it — a full run's
 * cuts, the rows it read, a background run finishing late — must give way to the restored data: the
 * counts right after a restore are those of a run from scratch over the restored rows.
 */
const TODAY = '2026-11-23';

const fullFromScratch = (app: TestApp) => tiersFromScratch(app, TODAY);

/** The overview's counts of `scheme`, class by class, against a run from scratch over the same rows. */
async function expectCountsFromScratch(app: TestApp, scheme: 'rfm' | 'pyramid') {
  const overview = await app.call('segments:overview', { scheme });
  const scratch = fullFromScratch(app);
  const counts = Object.fromEntries(overview.classes.map((c) => [c.classKey, c.count]));
  expect(overview.classes.reduce((sum, c) => sum + c.count, 0)).toBe(scratch.customerIds.length);
  for (const [classKey, n] of Object.entries(scratch.schemes[scheme]!.counts)) expect(counts[classKey] ?? 0, `${scheme} ${classKey}`).toBe(n);
}

/** Live, unarchived customers, counted the plain way. */
const population = (app: TestApp) => app.db.$client.prepare(`SELECT count(*) FROM customers WHERE deleted_at IS NULL AND archived_at IS NULL`).pluck().get() as number;

describe('the tiers held in memory after a restore', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = openTestApp(TODAY);
    await app.call('workspace:loadDemo', { customers: 400 });
  });
  afterAll(() => app.cleanup());

  it('a background full run that finished before the restore does not lend its cuts to the restored rows', async () => {
    await app.call('segments:recompute', {});
    const target = join(app.dir, 'before-orders.sqlite');
    await app.call('backup:create', { path: target });
    // The customers with the fewest orders: large orders move them up, and the population's cuts with them.
    const buyers = app.db.$client
      .prepare(`SELECT c.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.deleted_at IS NULL WHERE c.deleted_at IS NULL AND c.archived_at IS NULL GROUP BY c.id ORDER BY count(o.id), c.id LIMIT 12`)
      .pluck()
      .all() as string[];
    for (const id of buyers) await app.call('orders:create', { customerId: id, orderDate: TODAY, currency: 'CNY', amount: '500000' });

    // The read after the writes places them on the old cuts and schedules the background full run: its timer is
    // fired here at once, and the run let finish, before the restore begins.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let placed;
    try {
      placed = await app.call('segments:overview', { scheme: 'rfm' });
      vi.runOnlyPendingTimers();
    } finally {
      vi.useRealTimers();
    }
    expect(placed.placedSince).toBe(buyers.length);
    for (let turn = 0; turn < 100_000 && (await app.call('segments:overview', { scheme: 'rfm' })).placedSince > 0; turn++) await nextTurn();
    expect((await app.call('segments:overview', { scheme: 'rfm' })).placedSince).toBe(0);

    await app.call('backup:restore', { path: target });
    await expectCountsFromScratch(app, 'rfm');
    await expectCountsFromScratch(app, 'pyramid');
  });

  it('a customer added after the backup is gone from the tiers once it is restored', async () => {
    await app.call('segments:overview', { scheme: 'rfm' });
    const target = join(app.dir, 'before-customer.sqlite');
    await app.call('backup:create', { path: target });
    const before = population(app);
    const added = (await app.call('customers:create', { name: 'Added after the backup', type: 'individual', contacts: [] })).customer.id;
    await app.call('orders:create', { customerId: added, orderDate: TODAY, currency: 'CNY', amount: '1200' });
    const withAdded = await app.call('segments:overview', { scheme: 'rfm' });
    expect(withAdded.classes.reduce((sum, c) => sum + c.count, 0)).toBe(before + 1);

    await app.call('backup:restore', { path: target });
    expect(population(app)).toBe(before);
    await expectCountsFromScratch(app, 'rfm');
    await expect(app.call('segments:explain', { customerId: added })).rejects.toThrow();
  });

  it('restored by another connection to the file (the CLI while the app runs), the tiers held here give way too', async () => {
    await app.call('segments:overview', { scheme: 'rfm' });
    const target = join(app.dir, 'before-customer-elsewhere.sqlite');
    await app.call('backup:create', { path: target });
    const before = population(app);
    const added = (await app.call('customers:create', { name: 'Added, then restored away elsewhere', type: 'individual', contacts: [] })).customer.id;
    await app.call('orders:create', { customerId: added, orderDate: TODAY, currency: 'CNY', amount: '900' });
    expect((await app.call('segments:overview', { scheme: 'rfm' })).classes.reduce((sum, c) => sum + c.count, 0)).toBe(before + 1);

    // Another app on the same file restores: this one learns of it only from the file.
    const elsewhere = openApp({ dbPath: app.dbPath, migrationsFolder: MIGRATIONS, appVersion: 'test', files: { mode: 'paths' }, clock: fixedClock(TODAY) });
    try {
      await call(elsewhere.dispatch, 'backup:restore', { path: target });
    } finally {
      elsewhere.close();
    }
    expect(population(app)).toBe(before);
    await expectCountsFromScratch(app, 'rfm');
    await expectCountsFromScratch(app, 'pyramid');
    await expect(app.call('segments:explain', { customerId: added })).rejects.toThrow();
  });
});
