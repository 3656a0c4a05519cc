import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDocs } from '../../core/sync/apply';
import type { FieldState, SyncDoc } from '../../core/sync/document';
import { formatHlc } from '../../core/sync/hlc';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Another laptop's merge arrives as two documents, the record of where the merged customer went and the customer's
 * deletion, which a large sync can apply in different batches, in either order. Whichever comes second, the rows
 * this laptop wrote on that customer meanwhile move on then: not only when one of them is written again.
 */
let app: TestApp;
let keep: string;
let dup: string;
let orderId: string;
let followUpId: string;
beforeEach(async () => {
  app = openTestApp();
  keep = (await app.call('customers:create', { name: 'Keep', contacts: [], tags: [] })).customer.id;
  dup = (await app.call('customers:create', { name: 'Keep bis', contacts: [], tags: [] })).customer.id;
  orderId = (await app.call('orders:create', { customerId: dup, orderDate: '2026-11-20', amount: '10', currency: 'CNY' })).id;
  followUpId = (await app.call('followups:create', { customerId: dup, channel: 'call', content: 'x' })).followUp.id;
});
afterEach(() => app.cleanup());

const mergedAt = '2026-11-22T09:00:00.000Z';
const stamp = formatHlc(Date.parse(mergedAt), 0, 'ana-laptop');
const doc = (id: string, table: string, values: Record<string, string | null>): SyncDoc => ({
  _id: `${table}:${id}`,
  table,
  fields: Object.fromEntries(Object.entries(values).map(([k, v]): [string, FieldState] => [k, { v, t: stamp, b: '', by: 'ana' }])),
});
const record = () =>
  doc('0190aaaa-0000-7000-8000-000000000001', 'customer_merge_moves', {
    id: '0190aaaa-0000-7000-8000-000000000001',
    created_at: mergedAt,
    updated_at: mergedAt,
    deleted_at: null,
    merge_id: '0190aaaa-0000-7000-8000-0000000000ff',
    row_table: 'customers',
    row_id: dup,
    from_customer_id: dup,
    into_customer_id: keep,
    previous_updated_at: mergedAt,
  });
const deletion = () => doc(dup, 'customers', { id: dup, deleted_at: mergedAt, updated_at: mergedAt });
const apply = (d: SyncDoc) => applyDocs(app.db, [d], [], () => new Date('2026-11-23T10:00:00.000Z'));
const customerOf = (table: string, id: string) => app.db.$client.prepare(`SELECT customer_id FROM ${table} WHERE id = ?`).pluck().get(id);

describe('a merge made on another laptop, arriving in two batches', () => {
  for (const [first, second] of [
    ['the record', 'the deletion'],
    ['the deletion', 'the record'],
  ] as const) {
    it(`moves the rows on when ${second} arrives after ${first}`, () => {
      const docs = { 'the record': record, 'the deletion': deletion };
      apply(docs[first]());
      expect(customerOf('orders', orderId)).toBe(dup);
      apply(docs[second]());
      expect(customerOf('orders', orderId)).toBe(keep);
      expect(customerOf('follow_ups', followUpId)).toBe(keep);
      // Each move is recorded with the merge and goes out with the next round.
      expect(app.db.$client.prepare(`SELECT row_table FROM customer_merge_moves WHERE row_table <> 'customers' ORDER BY row_table`).pluck().all()).toEqual(['follow_ups', 'orders']);
      expect(app.db.$client.prepare(`SELECT doc_id FROM sync_outbox WHERE doc_id IN (?, ?)`).pluck().all(`orders:${orderId}`, `follow_ups:${followUpId}`)).toHaveLength(2);
    });
  }

  it('moves nothing off a customer restored from the trash since and deleted again by hand', () => {
    apply(record());
    apply(doc(dup, 'customers', { id: dup, deleted_at: '2026-11-22T15:00:00.000Z', updated_at: '2026-11-22T15:00:00.000Z' }));
    expect(customerOf('orders', orderId)).toBe(dup);
    expect(customerOf('follow_ups', followUpId)).toBe(dup);
    expect(app.db.$client.prepare(`SELECT count(*) FROM customer_merge_moves WHERE row_table <> 'customers'`).pluck().get()).toBe(0);
  });
});
