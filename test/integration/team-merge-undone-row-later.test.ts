import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDocs } from '../../core/sync/apply';
import type { FieldState, SyncDoc } from '../../core/sync/document';
import { formatHlc } from '../../core/sync/hlc';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Another laptop moved an order on under a merge, and the merge was undone; this laptop learns of the move and the
 * undo before the order itself arrives (documents of one push can reach it in separate batches, the records first).
 * Not holding the order, it leaves the record of the move standing; when the order arrives on the customer the
 * undone merge kept, it goes back to the customer it was written on.
 */
let app: TestApp;
let keep: string;
let dup: string;
beforeEach(async () => {
  app = openTestApp();
  keep = (await app.call('customers:create', { name: 'Keep', contacts: [], tags: [] })).customer.id;
  dup = (await app.call('customers:create', { name: 'Keep bis', contacts: [], tags: [] })).customer.id;
});
afterEach(() => app.cleanup());

const mergedAt = '2026-11-22T09:00:00.000Z';
const movedAt = '2026-11-22T10:00:00.000Z';
const undoneAt = '2026-11-22T11:00:00.000Z';
const MERGE = '0190dddd-0000-7000-8000-0000000000ff';
const ORDER = '0190dddd-0000-7000-8000-0000000000c1';
const doc = (id: string, table: string, at: string, values: Record<string, string | number | null>): SyncDoc => ({
  _id: `${table}:${id}`,
  table,
  fields: Object.fromEntries(Object.entries(values).map(([k, v]): [string, FieldState] => [k, { v, t: formatHlc(Date.parse(at), 0, 'ana-laptop'), b: '', by: 'ana' }])),
});
const record = (id: string, values: Record<string, string | null>) =>
  doc(id, 'customer_merge_moves', values.deleted_at ?? values.created_at!, { id, updated_at: values.deleted_at ?? values.created_at!, merge_id: MERGE, ...values });
/** The merge's record of the customer it took away, retired by its undo. */
const undoneMerge = () =>
  record('0190dddd-0000-7000-8000-000000000001', { created_at: mergedAt, deleted_at: undoneAt, row_table: 'customers', row_id: dup, from_customer_id: dup, into_customer_id: keep, previous_updated_at: mergedAt });
/** The order moved on under it, by a laptop that had not heard of the undo. */
const moved = () =>
  record('0190dddd-0000-7000-8000-000000000002', { created_at: movedAt, deleted_at: null, row_table: 'orders', row_id: ORDER, from_customer_id: dup, into_customer_id: keep, previous_updated_at: movedAt });
const order = () =>
  doc(ORDER, 'orders', movedAt, {
    id: ORDER, created_at: movedAt, updated_at: movedAt, deleted_at: null, customer_id: keep, order_date: '2026-11-22', amount_minor: 5500, currency: 'CNY', fx_rate: 1,
    base_currency: 'CNY', base_amount_minor: 5500, note: null, order_number: null, kind: 'sale', return_of_order_id: null, cost_minor: null, base_cost_minor: null,
    unpaid_minor: 0, base_unpaid_minor: 0, payment_due_date: null, created_by: 'bo', updated_by: 'bo',
  });
const apply = (docs: SyncDoc[]) => applyDocs(app.db, docs, [], () => new Date('2026-11-23T10:00:00.000Z'));
const standing = () => app.db.$client.prepare(`SELECT row_table FROM customer_merge_moves WHERE deleted_at IS NULL ORDER BY row_table`).pluck().all();

describe('an order moved on under a merge undone meanwhile, arriving after both', () => {
  it('goes back to the customer it was written on when it arrives', () => {
    apply([undoneMerge(), moved()]);
    // The order is not here: the record of its move stays standing for the laptop that will hold it.
    expect(standing()).toEqual(['orders']);

    apply([order()]);
    expect(app.db.$client.prepare(`SELECT customer_id FROM orders WHERE id = ?`).pluck().get(ORDER)).toBe(dup);
    expect(standing()).toEqual([]);
    // Both changes go out with the next round.
    expect(app.db.$client.prepare(`SELECT doc_id FROM sync_outbox WHERE table_name IN ('orders', 'customer_merge_moves') ORDER BY doc_id`).pluck().all()).toEqual([
      'customer_merge_moves:0190dddd-0000-7000-8000-000000000002',
      `orders:${ORDER}`,
    ]);
  });
});
