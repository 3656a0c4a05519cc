import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_LIMIT, followChanges, followPopulationInSteps, loadAll, type Loaded } from '../../core/segmentation/loaded';
import { engineConfigFor, segmentationFor } from '../../core/segmentation/state';
import { fixedClock, type HandlerContext } from '../../core/context';
import { runSteps } from '../../shared/domain/steps';
import { activityOf, segmentActivity } from '../../shared/segmentation';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * When customers join the population (added, restored, unarchived) or leave it (archived, deleted), the
 * tiers held in memory are laid out again from what they hold plus the rows that changed
 * (core/segmentation/loaded.ts followPopulationInSteps) instead of reading everyone again. Held here to:
 * the result is exactly a full read of the database as it is now — the same customers in the same order,
 * the same positions, the same columns — whatever mix of joins, departures and edits came in between.
 */
const TODAY = '2026-11-23';

type Change =
  | { kind: 'add'; name: string; id?: string }
  | { kind: 'archive' | 'unarchive' | 'delete' | 'restore' | 'order' | 'rename'; pick: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0) }),
  // Ids of other writers (a sync peer, an old import) need not be this app's: beyond ASCII too, where
  // SQLite's order (UTF-8 bytes) and JavaScript's < disagree.
  fc.record({
    kind: fc.constant('add' as const),
    name: fc.constant('Raw'),
    id: fc.constantFrom('0', 'zzzz', '~', 'é', '\uFFFD', '\u{1F600}', 'Ω-1', '\u{10000}').chain((prefix) => fc.nat(99_999).map((n) => `${prefix}${n}`)),
  }),
  fc.record({ kind: fc.constantFrom('archive' as const, 'unarchive' as const, 'delete' as const, 'restore' as const, 'order' as const, 'rename' as const), pick: fc.nat() }),
);

let app: TestApp;
beforeAll(async () => {
  app = openTestApp(TODAY);
  await app.call('workspace:loadDemo', { customers: 120 });
});
afterAll(() => app.cleanup());

const ids = (where: string) => app.db.$client.prepare(`SELECT id FROM customers WHERE ${where} ORDER BY id`).pluck().all() as string[];

async function apply(c: Change): Promise<void> {
  const client = app.db.$client;
  if (c.kind === 'add') {
    if (c.id === undefined) await app.call('customers:create', { name: c.name, contacts: [] });
    else if (!client.prepare(`SELECT 1 FROM customers WHERE id = ?`).get(c.id)) {
      const now = '2026-11-20T08:00:00.000Z';
      client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type, sort_name) VALUES (?, ?, ?, ?, 'individual', ?)`).run(c.id, now, now, c.name, c.name);
    }
    return;
  }
  const from = (list: string[]) => list[c.pick % Math.max(1, list.length)];
  if (c.kind === 'archive' || c.kind === 'order' || c.kind === 'rename') {
    const id = from(ids(`deleted_at IS NULL AND archived_at IS NULL`));
    if (!id) return;
    if (c.kind === 'archive') await app.call('customers:archive', { id, archived: true });
    else if (c.kind === 'rename') await app.call('customers:update', { id, customer: { name: `Renamed ${c.pick}` } });
    else await app.call('orders:create', { customerId: id, orderDate: '2026-11-20', amount: '12.50', currency: 'CNY' });
  } else if (c.kind === 'unarchive') {
    const id = from(ids(`deleted_at IS NULL AND archived_at IS NOT NULL`));
    if (id) await app.call('customers:archive', { id, archived: false });
  } else if (c.kind === 'delete') {
    const id = from(ids(`deleted_at IS NULL`));
    if (id) await app.call('customers:delete', { id });
  } else {
    const id = from(ids(`deleted_at IS NOT NULL`));
    if (id) await app.call('customers:restore', { id });
  }
}

/** Every customer's columns, position by position, however the table holds them. */
const columnsByPosition = (loaded: Loaded) => loaded.customers.map((_, i) => activityOf(loaded.activities, i));

describe('following a changed population', () => {
  it('gives exactly a full read of the database as it is now', async () => {
    let populationMoved = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        const before = loadAll(app.db);
        for (const c of changes) await apply(c);
        const followed = runSteps(followPopulationInSteps(app.db, before));
        const full = loadAll(app.db);
        expect(followed).not.toBeNull();
        expect(followed!.customers).toEqual(full.customers);
        expect(followed!.indexOf).toEqual(full.indexOf);
        expect(followed!.rev).toBe(full.rev);
        expect(columnsByPosition(followed!)).toEqual(columnsByPosition(full));
        // The customer-by-customer path refuses exactly when someone joined or left.
        const moved = followed!.customers.length !== before.customers.length || followed!.customers.some((c) => !before.indexOf.has(c.id));
        if (moved) {
          populationMoved++;
          expect(followChanges(app.db, before)).toBeNull();
          // Laid out again, the columns are one table, as a full read's.
          expect(followed!.activities).toEqual(full.activities);
        }
      }),
      { numRuns: 40 },
    );
    // The generator must have moved the population often, or the property says little.
    expect(populationMoved).toBeGreaterThan(20);
  });

  it('lays out a held state whose changed customers sit beside the columns, as the app holds it after writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), async (changes, buyers) => {
        // Orders followed customer by customer first: their columns are kept beside everyone's (ActivityTable.changed).
        const live = ids(`deleted_at IS NULL AND archived_at IS NULL`);
        const read = loadAll(app.db);
        for (const pick of buyers) await app.call('orders:create', { customerId: live[pick % live.length]!, orderDate: '2026-11-21', amount: '8.00', currency: 'CNY' });
        const held = followChanges(app.db, read)!.loaded;
        expect(held.activities.changed.size).toBeGreaterThan(0);
        for (const c of changes) await apply(c);
        const followed = runSteps(followPopulationInSteps(app.db, held));
        const full = loadAll(app.db);
        expect(followed!.customers).toEqual(full.customers);
        expect(followed!.indexOf).toEqual(full.indexOf);
        expect(columnsByPosition(followed!)).toEqual(columnsByPosition(full));
      }),
      { numRuns: 25 },
    );
  });

  it('is null when more rows changed than can be followed one by one, so a full read follows', () => {
    const before = loadAll(app.db);
    const insert = app.db.$client.prepare(`INSERT INTO customers (id, created_at, updated_at, name, type, sort_name) VALUES (?, ?, ?, ?, 'individual', ?)`);
    const now = '2026-11-21T08:00:00.000Z';
    app.db.transaction(() => {
      for (let k = 0; k < FOLLOW_LIMIT; k++) insert.run(`bulk-${String(k).padStart(4, '0')}`, now, now, `Bulk ${k}`, `Bulk ${k}`);
    });
    // FOLLOW_LIMIT rows since: still followed, and equal to a full read.
    const atLimit = runSteps(followPopulationInSteps(app.db, before));
    expect(atLimit?.customers).toEqual(loadAll(app.db).customers);
    insert.run('bulk-one-more', now, now, 'Bulk one more', 'Bulk one more');
    expect(runSteps(followPopulationInSteps(app.db, before))).toBeNull();
  });

  it('leaves the tiers equal to a recompute from scratch after a customer is added', async () => {
    const ctx = { db: app.db, clock: fixedClock(TODAY) } as unknown as HandlerContext;
    const held = segmentationFor(ctx, TODAY);
    const added = (await app.call('customers:create', { name: 'Newcomer', contacts: [] })).customer.id;
    const followed = segmentationFor(ctx, TODAY);
    expect(followed).not.toBe(held);
    expect(followed.result.customerIds).toContain(added);
    // A recompute from scratch: the same rows read in full, and the engine run on them.
    const full = loadAll(app.db);
    const scratch = segmentActivity(full.customers, full.activities, engineConfigFor(app.db, TODAY)).result;
    expect(followed.customers).toEqual(full.customers);
    expect(followed.result.customerIds).toEqual(scratch.customerIds);
    expect(followed.result.classKeys).toEqual(scratch.classKeys);
    expect(followed.result.schemes).toEqual(scratch.schemes);
  });
});
