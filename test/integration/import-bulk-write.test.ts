import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../core/importing';
import { ORDERS_PER_INSERT, orderInserter } from '../../db/repos/order-imports';
import { beginBulkWrite, refreshAfterBulkWrite, withBulkInertTriggersDropped } from '../../db/repos/bulk-write';
import { batchOrdersStretch } from '../../db/repos/imports';
import { updateSyncState } from '../../core/sync/state';
import { expectedFollowUpTotals, expectedOrderTotals, storedTotals } from '../support/report-totals-expected';
import { openTestApp, type TestApp } from '../support/test-app';
import { foldedActivity, storedActivityRows } from '../support/activity-expected';

/**
 * Imports and their undo write in bulk mode (db/repos/bulk-write.ts): the report-totals triggers stand aside
 * and the touched customers' aggregates are recomputed before commit. Whatever the path, the stored totals
 * and customer figures must equal what plain SQL computes from the raw rows, every imported row must reach
 * the team outbox, and the flag must be off after every ending: success, refusal, cancel, error.
 */
let app: TestApp;
const phones = ['13800138000', '13900139000', '13700137000', '13600136000'];
const ids: string[] = [];
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('settings:update', { homeCountry: 'CN', baseCurrency: 'CNY' });
  ids.length = 0;
  for (const [i, phone] of phones.entries()) ids.push((await app.call('customers:create', { name: `客户${i}`, contacts: [{ kind: 'phone', value: phone }] })).customer.id);
  await app.call('fx:upsert', { currency: 'USD', rateDate: '2024-01-01', rate: 7.1 });
  // Orders and follow-ups from before the import, written one at a time through the app (the triggers keep their totals).
  await app.call('orders:create', { customerId: ids[0]!, orderDate: '2025-01-31', amount: '500.00', currency: 'CNY' });
  await app.call('orders:create', { customerId: ids[1]!, orderDate: '2025-02-01', amount: '123.45', currency: 'CNY' });
  await app.call('followups:create', { customerId: ids[2]!, occurredAt: '2025-01-31T23:30:00.000Z', channel: 'call', content: '老客户', satisfaction: 4 });
});
afterEach(() => app.cleanup());

const raw = () => app.db.$client;
const file = (name: string, lines: string[]) => {
  const path = join(app.dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};
const bulkActive = () => raw().prepare(`SELECT active FROM bulk_write WHERE id = 1`).pluck().get();

/** Orders over month edges, sales and returns, with and without cost, in two currencies: more rows than one INSERT holds. */
function ordersCsv(rows: number): string[] {
  const lines = ['手机,下单日期,订单金额,币种,成本,退货,备注'];
  const days = ['2024-12-31', '2025-01-01', '2025-01-31', '2025-02-01', '2025-02-28', '2025-03-01'];
  for (let i = 0; i < rows; i++) {
    const returned = i % 7 === 3;
    const cost = i % 3 === 0 ? String((i % 50) + 1) : '';
    lines.push(`${phones[i % phones.length]},${days[i % days.length]},${(i % 97) + 1}.${String(i % 100).padStart(2, '0')},${i % 5 === 0 ? 'USD' : 'CNY'},${cost},${returned ? '是' : '否'},第${i}行`);
  }
  return lines;
}

/** Every customer's order and follow-up figures as plain SQL computes them from the raw rows. */
function expectedFigures(): unknown[] {
  return raw()
    .prepare(
      `SELECT c.id,
         (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.kind = 'sale'),
         (SELECT coalesce(sum(o.base_amount_minor), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL),
         (SELECT max(o.order_date) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.kind = 'sale'),
         (SELECT max(f.occurred_at) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL),
         (SELECT min(f.next_contact_date) FROM follow_ups f WHERE f.customer_id = c.id AND f.deleted_at IS NULL AND f.done = 0)
       FROM customers c WHERE c.deleted_at IS NULL ORDER BY c.id`,
    )
    .raw()
    .all();
}
const storedFigures = () =>
  raw().prepare(`SELECT id, order_count, revenue_base_minor, last_order_date, last_contact_at, next_contact_date FROM customers WHERE deleted_at IS NULL ORDER BY id`).raw().all() as unknown[][];

function expectAggregatesMatchRawRows() {
  expect(storedTotals(raw(), 'order_month_totals')).toEqual(expectedOrderTotals(raw()));
  expect(storedTotals(raw(), 'follow_up_month_totals')).toEqual(expectedFollowUpTotals(raw()));
  expect(storedFigures()).toEqual(expectedFigures());
  const sorted = (m: Map<string, unknown>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  expect(sorted(storedActivityRows(raw()))).toEqual(sorted(foldedActivity(raw())));
}

describe('bulk writes: imports and their undo', () => {
  it('leaves month totals and customer figures equal to plain SQL over the raw rows after an orders import and after its undo', async () => {
    const rows = ORDERS_PER_INSERT * 2 + 37;
    const before = storedTotals(raw(), 'order_month_totals');
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('orders.csv', ordersCsv(rows)) }, linkBy: 'phone' });
    expect(result).toMatchObject({ added: rows, rejected: 0 });
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE import_batch_id = ?`).pluck().get(result.batchId)).toBe(rows);
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE import_batch_id = ? AND kind = 'return'`).pluck().get(result.batchId)).toBe(Array.from({ length: rows }, (_, i) => i % 7 === 3).filter(Boolean).length);
    expect(bulkActive()).toBe(0);
    expectAggregatesMatchRawRows();
    // Customer 0 gained rows in every month of the file: the import moved its totals.
    expect(storedTotals(raw(), 'order_month_totals').length).toBeGreaterThan(before.length);

    await app.call('import:undo', { batchId: result.batchId! });
    expect(bulkActive()).toBe(0);
    expectAggregatesMatchRawRows();
    expect(storedTotals(raw(), 'order_month_totals')).toEqual(before);
  });

  it('passes over the undone orders by their rowids only when the batch is one stretch of them, and counts the orders on either side', async () => {
    // Two customers with one order each in the file, its first and its last: found only at the stretch's ends.
    const first = (await app.call('customers:create', { name: '首行', contacts: [{ kind: 'phone', value: '13500135000' }] })).customer.id;
    const last = (await app.call('customers:create', { name: '末行', contacts: [{ kind: 'phone', value: '13400134000' }] })).customer.id;
    const lines = ordersCsv(ORDERS_PER_INSERT + 9);
    lines.splice(1, 0, '13500135000,2025-01-15,12.34,CNY,,否,首行');
    lines.push('13400134000,2025-02-15,56.78,CNY,,否,末行');
    const rows = lines.length - 1;
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('stretch.csv', lines) }, linkBy: 'phone' });
    expect(storedFigures().filter((f) => f[0] === first || f[0] === last).map((f) => f[2])).toEqual(first < last ? [1234, 5678] : [5678, 1234]);
    const batchId = result.batchId!;
    const stretch = batchOrdersStretch(raw(), batchId)!;
    const rowids = raw().prepare(`SELECT rowid FROM orders WHERE import_batch_id = ? ORDER BY rowid`).pluck().all(batchId) as number[];
    expect(stretch).toEqual({ first: rowids[0], last: rowids.at(-1) });
    expect(stretch.last - stretch.first + 1).toBe(rows);
    // Orders written just before and just after the batch, to customers it touched: their rowids border the stretch.
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE rowid = ? AND import_batch_id IS NULL AND customer_id = ?`).pluck().get(stretch.first - 1, ids[1])).toBe(1);
    const after = await app.call('orders:create', { customerId: ids[2]!, orderDate: '2025-01-31', amount: '31.00', currency: 'CNY' });
    expect(raw().prepare(`SELECT rowid FROM orders WHERE id = ?`).pluck().get(after.id)).toBe(stretch.last + 1);

    expect(await app.call('import:undo', { batchId })).toMatchObject({ ordersRemoved: rows, customersRemoved: 0, followUpsRemoved: 0 });
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE import_batch_id = ? AND deleted_at IS NULL`).pluck().get(batchId)).toBe(0);
    expectAggregatesMatchRawRows();
    expect(storedFigures().filter((f) => f[0] === first || f[0] === last).map((f) => f.slice(1, 4))).toEqual([[0, 0, null], [0, 0, null]]);
    expect(storedFigures().find((f) => f[0] === ids[2])).toEqual([ids[2], 1, 3100, '2025-01-31', '2025-01-31T23:30:00.000Z', null]);
  });

  it('reads every order again when a row that is not the batch\'s sits among its rowids', async () => {
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('gap.csv', ordersCsv(60)) }, linkBy: 'phone' });
    const batchId = result.batchId!;
    const middle = raw().prepare(`SELECT rowid, customer_id FROM orders WHERE import_batch_id = ? ORDER BY rowid LIMIT 1 OFFSET 30`).get(batchId) as { rowid: number; customer_id: string };
    // As if the row had come another way (rows renumbered, a sync): it stays live through the undo.
    raw().prepare(`UPDATE orders SET import_batch_id = NULL WHERE rowid = ?`).run(middle.rowid);
    expect(batchOrdersStretch(raw(), batchId)).toBeNull();
    await app.call('import:undo', { batchId });
    expect(raw().prepare(`SELECT deleted_at FROM orders WHERE rowid = ?`).pluck().get(middle.rowid)).toBeNull();
    expectAggregatesMatchRawRows();
    expect(raw().prepare(`SELECT count(*) FROM order_month_totals WHERE customer_id = ?`).pluck().get(middle.customer_id)).toBeGreaterThan(0);
  });

  it("reads every order again when a row of another batch sits among its rowids, and finds the stretch when the others' rows border it", async () => {
    const before = await app.call('import:commit', { kind: 'orders', source: { path: file('before.csv', ordersCsv(20)) }, linkBy: 'phone' });
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('among.csv', ordersCsv(60)) }, linkBy: 'phone' });
    const batchId = result.batchId!;
    const rowids = raw().prepare(`SELECT rowid FROM orders WHERE import_batch_id = ? ORDER BY rowid`).pluck().all(batchId) as number[];
    expect(raw().prepare(`SELECT import_batch_id FROM orders WHERE rowid = ?`).pluck().get(rowids[0]! - 1)).toBe(before.batchId);
    expect(batchOrdersStretch(raw(), batchId)).toEqual({ first: rowids[0], last: rowids.at(-1) });
    // As if a row of the earlier batch had come to sit among this one's (rows renumbered): it stays live through the undo.
    const middle = rowids[30]!;
    raw().prepare(`UPDATE orders SET import_batch_id = ? WHERE rowid = ?`).run(before.batchId, middle);
    expect(batchOrdersStretch(raw(), batchId)).toBeNull();
    expect(await app.call('import:undo', { batchId })).toMatchObject({ ordersRemoved: 59 });
    expect(raw().prepare(`SELECT deleted_at FROM orders WHERE rowid = ?`).pluck().get(middle)).toBeNull();
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE import_batch_id = ? AND deleted_at IS NULL`).pluck().get(before.batchId)).toBe(21);
    expectAggregatesMatchRawRows();
  });

  it('finds the customers of a batch that is a small part of the orders through the batch itself, and undoes it', async () => {
    // A large file kept, then a small one undone: the small batch's owners are read from its own rows.
    const kept = await app.call('import:commit', { kind: 'orders', source: { path: file('kept.csv', ordersCsv(400)) }, linkBy: 'phone' });
    const small = await app.call('import:commit', { kind: 'orders', source: { path: file('small.csv', ['手机,下单日期,订单金额', `${phones[3]},2025-07-01,70`, `${phones[2]},2025-07-02,80`]) }, linkBy: 'phone' });
    const stretch = batchOrdersStretch(raw(), small.batchId!)!;
    expect((stretch.last - stretch.first + 1) * 4).toBeLessThan(raw().prepare(`SELECT max(rowid) FROM orders`).pluck().get() as number);
    expect(await app.call('import:undo', { batchId: small.batchId! })).toMatchObject({ ordersRemoved: 2 });
    expectAggregatesMatchRawRows();
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE import_batch_id = ? AND deleted_at IS NULL`).pluck().get(kept.batchId)).toBe(400);
    expect(raw().prepare(`SELECT count(*) FROM order_month_totals WHERE month = ?`).pluck().get(2025 * 12 + 6)).toBe(0);
  });

  it('keeps the follow-up totals and next contact dates of a follow-ups import and its undo', async () => {
    const lines = ['手机,跟进时间,跟进方式,跟进内容,满意度,下次联系日期'];
    const instants = ['2025-01-31T15:30:00.000Z', '2025-01-31T23:59:59.999Z', '2025-02-01T00:10:00.000Z', '2025-03-15T08:00:00.000Z'];
    for (let i = 0; i < 260; i++) lines.push(`${phones[i % phones.length]},${instants[i % instants.length]},电话,第${i}次,${i % 3 === 0 ? '' : (i % 5) + 1},${i % 11 === 0 ? '2026-12-0' + ((i % 9) + 1) : ''}`);
    const result = await app.call('import:commit', { kind: 'followups', source: { path: file('followups.csv', lines) }, linkBy: 'phone' });
    expect(result).toMatchObject({ added: 260, rejected: 0 });
    expectAggregatesMatchRawRows();
    await app.call('import:undo', { batchId: result.batchId! });
    expectAggregatesMatchRawRows();
    expect(bulkActive()).toBe(0);
  });

  it('counts customers an orders file creates, and takes their totals away with them on undo', async () => {
    const count = 2100;
    const lines = ['客户名称,手机,下单日期,订单金额,退货'];
    for (let i = 0; i < count * 2; i++) lines.push(`新客户${i % count},159${String(i % count).padStart(8, '0')},2025-0${(i % 9) + 1}-15,${i + 1},${i % 13 === 0 ? '是' : ''}`);
    lines.push(`${'客户0'},${phones[0]},2025-04-30,9`);
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('new.csv', lines) }, unknownCustomers: 'create' });
    expect(result).toMatchObject({ added: count * 2 + 1, customersCreated: count });
    expectAggregatesMatchRawRows();
    await app.call('import:undo', { batchId: result.batchId! });
    expectAggregatesMatchRawRows();
    const created = raw().prepare(`SELECT id FROM customers WHERE import_batch_id = ?`).pluck().all(result.batchId) as string[];
    expect(created).toHaveLength(count);
    expect(raw().prepare(`SELECT count(*) FROM order_month_totals WHERE customer_id IN (${created.map(() => '?').join(', ')})`).pluck().get(...created)).toBe(0);
  });

  it('refuses a repeated order number within the rows not yet written, as it does one already stored', async () => {
    const lines = ['手机,订单号,下单日期,订单金额'];
    for (let i = 0; i < 20; i++) lines.push(`${phones[0]},NO-${i},2025-05-01,10`);
    lines.push(`${phones[1]},NO-3,2025-05-02,20`);
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('numbers.csv', lines) }, onError: 'skip' });
    expect(result).toMatchObject({ added: 20, rejected: 1 });
    expect(result.errors).toMatchObject([{ row: 22, reason: 'order_number_taken' }]);
    const again = await app.call('import:commit', { kind: 'orders', source: { path: file('numbers2.csv', [lines[0]!, `${phones[2]},NO-7,2025-05-03,30`]) }, onError: 'skip' });
    expect(again).toMatchObject({ added: 0, rejected: 1 });
    expectAggregatesMatchRawRows();
  });

  it('queues every imported order for the team, and queues them again when the import is undone', async () => {
    updateSyncState(raw(), { enqueue: 1, userName: '小王' });
    raw().prepare(`DELETE FROM sync_outbox`).run();
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('team.csv', ordersCsv(450)) }, linkBy: 'phone' });
    const imported = raw().prepare(`SELECT id FROM orders WHERE import_batch_id = ? ORDER BY id`).pluck().all(result.batchId) as string[];
    expect(imported).toHaveLength(450);
    const queued = () => raw().prepare(`SELECT row_id FROM sync_outbox WHERE table_name = 'orders' ORDER BY row_id`).pluck().all();
    expect(queued()).toEqual(imported);
    // Stamped with this laptop's person, as an order entered by hand is.
    expect(raw().prepare(`SELECT DISTINCT created_by FROM orders WHERE import_batch_id = ?`).pluck().all(result.batchId)).toEqual(['小王']);
    expectAggregatesMatchRawRows();

    raw().prepare(`DELETE FROM sync_outbox`).run();
    // Counted from the soft delete itself: the stamp each row gets from its trigger is not counted again.
    expect(await app.call('import:undo', { batchId: result.batchId! })).toMatchObject({ ordersRemoved: 450 });
    expect(queued()).toEqual(imported);
    expectAggregatesMatchRawRows();
  });

  it('turns bulk mode off and brings every trigger back after a refused all-or-nothing import, a cancelled one and one that fails mid-file', async () => {
    const allTriggers = () => raw().prepare(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY tbl_name, rowid`).raw().all();
    const triggersBefore = allTriggers();
    const bad = ordersCsv(500);
    bad[400] = `${phones[0]},not a date,12,CNY,,否,坏行`;
    await expect(app.call('import:commit', { kind: 'orders', source: { path: file('bad.csv', bad) }, onError: 'abort', linkBy: 'phone' })).rejects.toThrow();
    expect(bulkActive()).toBe(0);
    expect(allTriggers()).toEqual(triggersBefore);

    // Cancelled after its first batch was written, inside the transaction.
    const client = new Database(app.dbPath);
    try {
      const controller = new AbortController();
      const options = { kind: 'orders', source: { path: file('cancel.csv', ordersCsv(900)) }, onError: 'skip', linkBy: 'phone', duplicates: 'skip', unknownCustomers: 'reject', dryRun: false, batchSize: 100 } as const;
      let activeMidway: unknown = null;
      let ordersTriggersMidway: unknown[] = [];
      const midway = () => {
        activeMidway = client.prepare(`SELECT active FROM bulk_write`).pluck().get();
        ordersTriggersMidway = client.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'orders'`).pluck().all();
        controller.abort();
      };
      const cancelled = runImport(client, { ...options, signal: controller.signal, onProgress: midway }, '2026-11-23T00:00:00.000Z');
      await expect(cancelled).rejects.toThrow(/cancelled/);
      expect(activeMidway).toBe(1);
      // Inside the import's transaction the per-row triggers that could do nothing were set aside (outside a team: all four on insert).
      for (const name of ['sync_enqueue_orders_insert', 'identity_orders_insert', 'report_totals_order_insert', 'customer_activity_orders_insert']) expect(ordersTriggersMidway).not.toContain(name);
      expect(bulkActive()).toBe(0);
      expect(allTriggers()).toEqual(triggersBefore);

      // An error thrown by the database mid-file (a trigger refusing the 300th order) rolls the flag back with the rows.
      client.exec(`CREATE TEMP TRIGGER refuse_order BEFORE INSERT ON orders WHEN NEW.note = '第300行' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      await expect(runImport(client, { ...options, source: { path: file('fails.csv', ordersCsv(900)) } }, '2026-11-23T00:00:00.000Z')).rejects.toThrow(/disk on fire/);
      expect(bulkActive()).toBe(0);
      expect(client.inTransaction).toBe(false);
      client.exec(`DROP TRIGGER temp.refuse_order`);
      // A dry run ends in a rollback too.
      await runImport(client, { ...options, dryRun: true, source: { path: file('dry.csv', ordersCsv(300)) } }, '2026-11-23T00:00:00.000Z');
      expect(allTriggers()).toEqual(triggersBefore);
    } finally {
      client.close();
    }
    expect(raw().prepare(`SELECT count(*) FROM orders WHERE import_batch_id IS NOT NULL`).pluck().get()).toBe(0);
    expectAggregatesMatchRawRows();
  });

  it('cannot leave the flag on across a crash: a bulk write killed before commit takes the flag back, and the next write keeps its totals', async () => {
    const crashed = new Database(app.dbPath);
    crashed.exec('BEGIN IMMEDIATE');
    crashed.prepare(`UPDATE bulk_write SET active = 1 WHERE id = 1`).run();
    crashed.prepare(`INSERT INTO orders (id, created_at, updated_at, customer_id, order_date, amount_minor, currency, fx_rate, base_currency, base_amount_minor, kind)
      VALUES ('lost', '2026-01-01', '2026-01-01', ?, '2025-06-01', 100, 'CNY', 1, 'CNY', 100, 'sale')`).run(ids[3]);
    // The process dies: its connection goes without COMMIT.
    crashed.close();
    expect(bulkActive()).toBe(0);
    await app.call('orders:create', { customerId: ids[3]!, orderDate: '2025-06-01', amount: '7.77', currency: 'CNY' });
    expect(raw().prepare(`SELECT revenue_minor FROM order_month_totals WHERE customer_id = ? AND month = ?`).pluck().get(ids[3], 2025 * 12 + 5)).toBe(777);
    expectAggregatesMatchRawRows();
  });
});

describe('bulk write: the triggers that stand aside are dropped around an undo\'s soft delete', () => {
  /** Every trigger of the database: name, table and text, each table's in the order they were created (the order they fire in). */
  const triggers = () => raw().prepare(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY tbl_name, rowid`).raw().all();
  const standingAside = (table: string) =>
    raw().prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%(SELECT active FROM bulk_write WHERE id = 1) IS NOT 1%'`).pluck().all(table);

  it('drops only the triggers whose WHEN cannot hold while the write runs, and leaves every trigger as it was after an undo', async () => {
    expect(standingAside('orders')).toEqual(expect.arrayContaining(['report_totals_order_update', 'customer_activity_orders_update', 'customer_activity_orders_insert']));
    const before = triggers();
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('orders.csv', ordersCsv(300)) }, linkBy: 'phone' });
    /** The orders triggers present while a bulk write runs, under the given team-sync state. */
    const presentDuring = (state: { enqueue: 0 | 1; userName: string | null }) =>
      raw().transaction(() => {
        updateSyncState(raw(), state);
        beginBulkWrite(raw());
        const during = withBulkInertTriggersDropped(raw(), ['orders'], () => triggers().map((row) => (row as string[])[0]));
        expect(triggers()).toEqual(before);
        raw().prepare(`UPDATE bulk_write SET active = 0 WHERE id = 1`).run();
        return during;
      })();
    // Outside a team the outbox and identity triggers could do nothing either: dropped with the bulk ones.
    const alone = presentDuring({ enqueue: 0, userName: null });
    for (const name of ['report_totals_order_update', 'customer_activity_orders_update', 'sync_enqueue_orders_update', 'identity_orders_update']) expect(alone).not.toContain(name);
    // Follow-ups' own triggers were not asked for.
    expect(alone).toContain('customer_activity_follow_ups_update');
    // In a team they keep running: every row is still queued for sync and signed with the member's name.
    const inTeam = presentDuring({ enqueue: 1, userName: '小王' });
    expect(inTeam).toContain('sync_enqueue_orders_update');
    expect(inTeam).toContain('identity_orders_update');
    expect(inTeam).not.toContain('report_totals_order_update');
    // Queuing with no name yet: the outbox runs, the identity triggers cannot.
    const unnamed = presentDuring({ enqueue: 1, userName: null });
    expect(unnamed).toContain('sync_enqueue_orders_update');
    expect(unnamed).not.toContain('identity_orders_update');
    updateSyncState(raw(), { enqueue: 0, userName: null });
    await app.call('import:undo', { batchId: result.batchId! });
    expect(triggers()).toEqual(before);
    expectAggregatesMatchRawRows();
    // The triggers are back and working: a single order written after the undo keeps its customer's figures.
    await app.call('orders:create', { customerId: ids[2]!, orderDate: '2025-07-01', amount: '8.88', currency: 'CNY' });
    expectAggregatesMatchRawRows();
  });

  it('brings the triggers back when the write throws, and refuses outside a bulk write', () => {
    const before = triggers();
    expect(() =>
      raw().transaction(() => {
        beginBulkWrite(raw());
        withBulkInertTriggersDropped(raw(), ['orders', 'follow_ups', 'customers'], () => {
          throw new Error('the write failed');
        });
      })(),
    ).toThrow('the write failed');
    expect(triggers()).toEqual(before);
    expect(bulkActive()).toBe(0);
    expect(() => withBulkInertTriggersDropped(raw(), ['orders'], () => 1)).toThrow(/only inside a bulk write/);
    expect(() => raw().transaction(() => withBulkInertTriggersDropped(raw(), ['orders'], () => 1))()).toThrow(/only inside a bulk write/);
    expect(triggers()).toEqual(before);
  });
});

describe('bulk write: month totals rewritten only where they differ', () => {
  it('puts right every column of a staged customer\'s month, drops a month without orders, and leaves other customers alone', async () => {
    const result = await app.call('import:commit', { kind: 'orders', source: { path: file('months.csv', ordersCsv(120)) }, linkBy: 'phone' });
    expect(result.added).toBe(120);
    const client = raw();
    const expected = storedTotals(client, 'order_month_totals');
    expect(expected).toEqual(expectedOrderTotals(client));
    const columns = ['revenue_minor', 'sales', 'returns', 'costed_revenue_minor', 'cost_minor', 'costed', 'last_sale'] as const;
    const staged = [ids[0]!, ids[1]!, ids[2]!];
    const months = client.prepare(`SELECT month, customer_id FROM order_month_totals WHERE customer_id IN (?, ?, ?) ORDER BY customer_id, month`).raw().all(...staged) as [number, string][];
    expect(months.length).toBeGreaterThanOrEqual(columns.length);
    // One column wrong in each of seven months of the staged customers, a month that has no orders, and a wrong unstaged month.
    columns.forEach((column, i) => {
      const [month, customerId] = months[i]!;
      client.prepare(`UPDATE order_month_totals SET ${column} = ${column === 'last_sale' ? `'1999-01-01'` : `${column} + 1`} WHERE month = ? AND customer_id = ?`).run(month, customerId);
    });
    client.prepare(`INSERT INTO order_month_totals (month, customer_id, revenue_minor, sales, returns, costed_revenue_minor, cost_minor, costed, last_sale) VALUES (?, ?, 1, 1, 0, 0, 0, 0, '2001-01-01')`).run(2001 * 12, ids[0]);
    client.prepare(`UPDATE order_month_totals SET sales = sales + 5 WHERE customer_id = ?`).run(ids[3]);
    const unstaged = storedTotals(client, 'order_month_totals').filter((row) => row[1] === ids[3]);

    client.transaction(() => refreshAfterBulkWrite(app.db, staged))();
    const after = storedTotals(client, 'order_month_totals');
    expect(after.filter((row) => row[1] !== ids[3])).toEqual(expected.filter((row) => row[1] !== ids[3]));
    expect(after.filter((row) => row[1] === ids[3])).toEqual(unstaged);
  });
});

describe('bulk write: orders added in stretches', () => {
  it('adds inserted orders stretch by stretch, recomputes staged customers, and matches plain SQL either way', async () => {
    const client = raw();
    client.exec('BEGIN IMMEDIATE');
    try {
      const bulk = beginBulkWrite(client, { ordersPerAddition: 7 });
      const inserter = orderInserter(client, (first, last) => bulk.insertedOrders(first, last));
      const days = ['2025-01-31', '2025-02-01', '2025-02-28', '2024-12-31'];
      const row = (i: number) => ({
        id: `bulk-${String(i).padStart(4, '0')}`, now: '2026-11-23T00:00:00.000Z', batch: null as unknown as string, customerId: ids[i % ids.length]!, date: days[i % days.length]!,
        amountMinor: i % 5 === 0 ? -(i + 1) : i + 1, currency: 'CNY', rate: 1, base: 'CNY', baseAmountMinor: i % 5 === 0 ? -(i + 1) : i + 1, note: null, orderNumber: null,
        kind: i % 5 === 0 ? ('return' as const) : ('sale' as const), costMinor: i % 3 === 0 ? (i % 5 === 0 ? -1 : 1) : null, baseCostMinor: i % 3 === 0 ? (i % 5 === 0 ? -1 : 1) : null,
        unpaidMinor: 0, baseUnpaidMinor: 0, dueDate: null,
      });
      for (let i = 0; i < ORDERS_PER_INSERT + 30; i++) inserter.add(row(i));
      inserter.flush();
      // A write in between that is not a plain insert: its customer is staged and recomputed instead.
      client.prepare(`UPDATE orders SET deleted_at = '2026-11-23T00:00:00.000Z' WHERE customer_id = ? AND order_date = '2025-01-31' AND id NOT LIKE 'bulk-%'`).run(ids[0]);
      bulk.touch([ids[0]!]);
      for (let i = ORDERS_PER_INSERT + 30; i < ORDERS_PER_INSERT + 45; i++) inserter.add(row(i));
      inserter.flush();
      bulk.finish(app.db);
      client.exec('COMMIT');
    } finally {
      if (client.inTransaction) client.exec('ROLLBACK');
    }
    expect(bulkActive()).toBe(0);
    expect(client.prepare(`SELECT count(*) FROM orders WHERE id LIKE 'bulk-%'`).pluck().get()).toBe(ORDERS_PER_INSERT + 45);
    expectAggregatesMatchRawRows();
  });
});
