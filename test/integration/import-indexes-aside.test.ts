import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../core/importing';
import type { ImportOptions } from '../../core/importing/types';
import { INDEXES_ASIDE_MIN_ROWS, SCATTERED_ORDER_INDEXES, setIndexesAside, worthSettingIndexesAside } from '../../db/repos/indexes-aside';
import { expectedOrderTotals, storedTotals } from '../support/report-totals-expected';
import { foldedActivity, storedActivityRows } from '../support/activity-expected';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A large orders import makes the customer and date indexes of `orders` again once at the end instead of
 * taking each order in place (db/repos/indexes-aside.ts). Whatever happens, the table must come out with the
 * indexes, statistics and data it would have had otherwise, and no other connection may ever miss them.
 */
let app: TestApp;
const phones = ['13800138000', '13900139000', '13700137000'];
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  await app.call('settings:update', { homeCountry: 'CN', baseCurrency: 'CNY' });
  for (const [i, phone] of phones.entries()) {
    const { customer } = await app.call('customers:create', { name: `客户${i}`, contacts: [{ kind: 'phone', value: phone }] });
    await app.call('orders:create', { customerId: customer.id, orderDate: `2025-0${i + 1}-15`, amount: '100.00', currency: 'CNY' });
  }
  // Statistics as the demo leaves them: dropping an index deletes its rows, which must come back.
  app.db.$client.exec('ANALYZE');
});
afterEach(() => app.cleanup());

const raw = () => app.db.$client;
const NOW = '2026-11-23T00:00:00.000Z';

function ordersFile(name: string, rows: number): string {
  const lines = ['手机,下单日期,订单金额,币种,备注'];
  for (let i = 0; i < rows; i++) lines.push(`${phones[i % phones.length]},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 90) + 10}.50,CNY,第${i}行`);
  const path = join(app.dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

const options = (path: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
  kind: 'orders', source: { path }, onError: 'skip', linkBy: 'phone', duplicates: 'skip', unknownCustomers: 'reject', dryRun: false, batchSize: 100, ...more,
});

/** The orders table's indexes by name with their SQL, and ANALYZE's rows of them (sqlite_stat4's samples as hex). */
function ordersIndexes(client: Database.Database) {
  return {
    indexes: client.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'orders' ORDER BY name`).all(),
    stat1: client.prepare(`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'orders' ORDER BY idx`).all(),
    stat4: client.prepare(`SELECT idx, neq, nlt, ndlt, hex(sample) AS sample FROM sqlite_stat4 WHERE tbl = 'orders' ORDER BY idx, nlt`).all(),
  };
}
const hasCustomerIndex = (client: Database.Database) => client.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'orders_customer_date'`).pluck().get() === 1;

function expectDataSound(client: Database.Database) {
  expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(storedTotals(client, 'order_month_totals')).toEqual(expectedOrderTotals(client));
  const sorted = (m: Map<string, unknown>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  expect(sorted(storedActivityRows(client))).toEqual(sorted(foldedActivity(client)));
  const plan = client.prepare(`EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = ? ORDER BY order_date`).all('x') as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX orders_customer_date');
}

describe('a large orders import sets the scattered indexes aside and makes them again', () => {
  it('drops them inside its own transaction only, and commits the same indexes, statistics and sums it would have otherwise', async () => {
    const before = ordersIndexes(raw());
    const client = new Database(app.dbPath);
    try {
      const seen: { importer: boolean; others: boolean }[] = [];
      const result = await runImport(client, { ...options(ordersFile('big.csv', 1000)), indexesAsideFromRows: 1, onProgress: () => seen.push({ importer: hasCustomerIndex(client), others: hasCustomerIndex(raw()) }) }, NOW);
      expect(result).toMatchObject({ added: 1000, rejected: 0 });
      // Gone for the importer from its first batch on; there all along for every other connection.
      expect(seen.length).toBeGreaterThan(5);
      expect(seen.every((s) => !s.importer && s.others)).toBe(true);
      expect(ordersIndexes(raw())).toEqual(before);
      expectDataSound(raw());
      // The undo reads the batch's customers through the index made again.
      await app.call('import:undo', { batchId: result.batchId! });
      expectDataSound(raw());
    } finally {
      client.close();
    }
  });

  it('leaves them as they were after a cancelled import, a refused all-or-nothing import and a dry run', async () => {
    const before = ordersIndexes(raw());
    const client = new Database(app.dbPath);
    try {
      const controller = new AbortController();
      let droppedMidway = false;
      const cancelled = runImport(client, { ...options(ordersFile('cancel.csv', 900)), indexesAsideFromRows: 1, signal: controller.signal, onProgress: () => ((droppedMidway ||= !hasCustomerIndex(client)), controller.abort()) }, NOW);
      await expect(cancelled).rejects.toThrow(/cancelled/);
      expect(droppedMidway).toBe(true);
      expect(ordersIndexes(client)).toEqual(before);

      const path = ordersFile('bad.csv', 900);
      writeFileSync(path, `${(await import('node:fs')).readFileSync(path, 'utf8')}\n${phones[0]},not a date,12,CNY,坏行`);
      await expect(runImport(client, { ...options(path), onError: 'abort', indexesAsideFromRows: 1 }, NOW)).rejects.toThrow();
      expect(ordersIndexes(client)).toEqual(before);

      const dry = await runImport(client, { ...options(ordersFile('dry.csv', 900)), dryRun: true, indexesAsideFromRows: 1 }, NOW);
      expect(dry.added).toBe(900);
      expect(ordersIndexes(client)).toEqual(before);
    } finally {
      client.close();
    }
    expect(raw().prepare(`SELECT count(*) FROM orders`).pluck().get()).toBe(3);
    expectDataSound(raw());
  });

  it('keeps them in place for a file small against the table or under the least size', async () => {
    const client = new Database(app.dbPath);
    try {
      const seen: boolean[] = [];
      // 300 rows against 3 orders, but under the least size that is worth a rebuild (the default).
      await runImport(client, { ...options(ordersFile('small.csv', 300)), onProgress: () => seen.push(hasCustomerIndex(client)) }, NOW);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every(Boolean)).toBe(true);
    } finally {
      client.close();
    }
    expectDataSound(raw());
  });
});

describe('setIndexesAside and the rule that calls it', () => {
  it('sets aside a file of at least the least size and a quarter of the table', () => {
    expect(worthSettingIndexesAside(1_000_000, 840_000)).toBe(true);
    expect(worthSettingIndexesAside(210_000, 840_000)).toBe(true);
    expect(worthSettingIndexesAside(209_999, 840_000)).toBe(false);
    expect(worthSettingIndexesAside(INDEXES_ASIDE_MIN_ROWS - 1, 0)).toBe(false);
    expect(worthSettingIndexesAside(INDEXES_ASIDE_MIN_ROWS, 0)).toBe(true);
    expect(worthSettingIndexesAside(10, 40, 10)).toBe(true);
    expect(worthSettingIndexesAside(10, 41, 10)).toBe(false);
  });

  it('refuses outside a transaction, names only indexes that exist, and makes them again once', () => {
    const client = raw();
    expect(() => setIndexesAside(client, SCATTERED_ORDER_INDEXES)).toThrow(/transaction/);
    const before = ordersIndexes(client);
    client.exec('BEGIN');
    try {
      const aside = setIndexesAside(client, [...SCATTERED_ORDER_INDEXES, 'no_such_index']);
      expect(aside.names).toEqual(['orders_customer_date', 'orders_date']);
      expect(hasCustomerIndex(client)).toBe(false);
      aside.restore();
      aside.restore();
      expect(ordersIndexes(client)).toEqual(before);
    } finally {
      client.exec('COMMIT');
    }
    expect(ordersIndexes(client)).toEqual(before);
    expectDataSound(client);
  });
});
