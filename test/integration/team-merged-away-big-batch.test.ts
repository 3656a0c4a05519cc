import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDocs } from '../../core/sync/apply';
import type { FieldState, SyncDoc } from '../../core/sync/document';
import { formatHlc } from '../../core/sync/hlc';
import { forwardFromMergedAway } from '../../core/sync/settle-merged-away';
import type { AppliedRow } from '../../core/sync/settle';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A laptop joining a big team applies orders, follow-ups and contacts in batches of thousands while the team holds
 * standing merges. The few rows of a batch written on a merged-away customer move on, wherever they are in the batch,
 * and which customers of the batch were merged away is asked once for the batch, not once per row.
 */
let app: TestApp;
let keep: string;
let away: string;
let chainStart: string;
let chainEnd: string;
let live: string[];
beforeEach(async () => {
  app = openTestApp();
  const create = async (name: string) => (await app.call('customers:create', { name, contacts: [], tags: [] })).customer.id;
  keep = await create('Keep');
  away = await create('Keep bis');
  await app.call('customers:merge', { keepId: keep, mergeIds: [away] });
  // A chain: chainStart went into middle, and middle into chainEnd.
  chainStart = await create('Chain 1');
  const middle = await create('Chain 2');
  chainEnd = await create('Chain 3');
  await app.call('customers:merge', { keepId: middle, mergeIds: [chainStart] });
  await app.call('customers:merge', { keepId: chainEnd, mergeIds: [middle] });
  live = [];
  for (let i = 0; i < 30; i++) live.push(await create(`Customer ${i}`));
});
afterEach(() => app.cleanup());

const at = '2026-11-22T09:00:00.000Z';
const stamp = formatHlc(Date.parse(at), 0, 'bo-laptop');
const doc = (table: string, values: Record<string, string | number | null>): SyncDoc => ({
  _id: `${table}:${String(values.id)}`,
  table,
  fields: Object.fromEntries(Object.entries(values).map(([k, v]): [string, FieldState] => [k, { v, t: stamp, b: '', by: 'bo' }])),
});
const id = (n: number) => `0190cccc-0000-7000-8000-${String(n).padStart(12, '0')}`;
const order = (n: number, customerId: string) =>
  doc('orders', {
    id: id(n), created_at: at, updated_at: at, deleted_at: null, customer_id: customerId, order_date: '2026-11-22', amount_minor: 1000, currency: 'CNY', fx_rate: 1,
    base_currency: 'CNY', base_amount_minor: 1000, note: null, order_number: null, kind: 'sale', return_of_order_id: null, cost_minor: null, base_cost_minor: null,
    unpaid_minor: 0, base_unpaid_minor: 0, payment_due_date: null, created_by: 'bo', updated_by: 'bo',
  });
const followUp = (n: number, customerId: string) =>
  doc('follow_ups', { id: id(n), created_at: at, updated_at: at, deleted_at: null, customer_id: customerId, occurred_at: at, channel: 'call', content: `call ${n}`, done: 0, created_by: 'bo', updated_by: 'bo' });
const contact = (n: number, customerId: string) => doc('contact_channels', { id: id(n), created_at: at, updated_at: at, deleted_at: null, customer_id: customerId, kind: 'wechat', value: `wx-${n}`, label: null });

/** 3,000 rows on live customers, orders then follow-ups then contacts, with `placed` put where asked. */
function batch(placed: Map<number, SyncDoc>): SyncDoc[] {
  const docs: SyncDoc[] = [];
  for (let n = 0; n < 3000; n++) {
    const customerId = live[n % live.length]!;
    docs.push(placed.get(n) ?? (n < 1800 ? order(n, customerId) : n < 2700 ? followUp(n, customerId) : contact(n, customerId)));
  }
  return docs;
}
const customerOf = (table: string, n: number) => app.db.$client.prepare(`SELECT customer_id FROM ${table} WHERE id = ?`).pluck().get(id(n));

describe('a big batch applied while the team holds standing merges', () => {
  it('moves on every row written on a merged-away customer, first, last or in between, and no other', () => {
    const placed = new Map<number, SyncDoc>([
      [0, order(0, away)],
      [1799, order(1799, chainStart)],
      [2250, followUp(2250, away)],
      [2999, contact(2999, chainStart)],
    ]);
    applyDocs(app.db, batch(placed), [], () => new Date('2026-11-23T10:00:00.000Z'));

    expect(customerOf('orders', 0)).toBe(keep);
    expect(customerOf('orders', 1799)).toBe(chainEnd);
    expect(customerOf('follow_ups', 2250)).toBe(keep);
    expect(customerOf('contact_channels', 2999)).toBe(chainEnd);
    // Each step recorded once (the chain's rows twice); every other row stays on the customer it was written on.
    const moves = app.db.$client.prepare(`SELECT row_table, row_id FROM customer_merge_moves WHERE row_table <> 'customers' ORDER BY row_id, created_at`).all();
    expect(moves).toHaveLength(6);
    const left = app.db.$client.prepare(`SELECT count(*) FROM orders WHERE id LIKE '0190cccc-%' AND customer_id IN (SELECT value FROM json_each(?))`).pluck();
    expect(left.get(JSON.stringify(live))).toBe(1798);
  });

  it('asks which customers were merged away once for the batch, whatever its size', () => {
    applyDocs(app.db, batch(new Map()), [], () => new Date('2026-11-23T10:00:00.000Z'));
    // The batch as applied: each row as it stands after its write.
    const applied: AppliedRow[] = ['orders', 'follow_ups', 'contact_channels'].flatMap((table) =>
      (app.db.$client.prepare(`SELECT * FROM ${table} WHERE id LIKE '0190cccc-%'`).all() as AppliedRow['values'][]).map((values) => ({ table, values })),
    );
    expect(applied).toHaveLength(3000);

    // The same file through a connection that reports each statement it runs.
    const statements: string[] = [];
    const watched = new Database(app.dbPath, { verbose: (sql) => statements.push(String(sql)) });
    try {
      watched.transaction(() => forwardFromMergedAway(watched, applied, [], '2026-11-23T10:00:00.000Z', 'bo', new Set()))();
    } finally {
      watched.close();
    }
    // Whether any merge stands, which of the batch's customers were merged away, and the transaction's own statements.
    expect(statements.length).toBeLessThan(10);
    expect(app.db.$client.prepare(`SELECT count(*) FROM customer_merge_moves WHERE row_table <> 'customers'`).pluck().get()).toBe(0);
  });
});
