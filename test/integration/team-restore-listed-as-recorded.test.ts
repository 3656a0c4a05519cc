import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDocs } from '../../core/sync/apply';
import { restoredSaleId } from '../../core/sync/conflicts';
import type { FieldState, SyncDoc } from '../../core/sync/document';
import { formatHlc } from '../../core/sync/hlc';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * Two laptops bring back the same deleted sale, each before it saw the other's restore, each knowing a different
 * return of it: their records of the restore are one record (named by the sale and the delete), whose fields settle
 * as any row's do. Every laptop lists the restore as that record says, the laptops that made it too: listed as each
 * had made it, who recorded the return would differ from laptop to laptop.
 */
let app: TestApp;
let customerId: string;
let saleId: string;
beforeEach(async () => {
  app = openTestApp();
  customerId = (await app.call('customers:create', { name: '周敏', contacts: [], tags: [] })).customer.id;
  saleId = (await app.call('orders:create', { customerId, orderDate: '2026-11-20', amount: '100', currency: 'CNY' })).id;
  await app.call('orders:delete', { id: saleId });
});
afterEach(() => app.cleanup());

const doc = (table: string, at: string, by: string, values: Record<string, string | number | null>): SyncDoc => ({
  _id: `${table}:${String(values.id)}`,
  table,
  fields: Object.fromEntries(Object.entries(values).map(([k, v]): [string, FieldState] => [k, { v, t: formatHlc(Date.parse(at), 0, `${by}-laptop`), b: '', by }])),
});
const returnBy = (by: string, id: string, at: string) =>
  doc('orders', at, by, {
    id, created_at: at, updated_at: at, deleted_at: null, customer_id: customerId, order_date: '2026-11-22', amount_minor: -1000, currency: 'CNY', fx_rate: 1,
    base_currency: 'CNY', base_amount_minor: -1000, note: null, order_number: null, kind: 'return', return_of_order_id: saleId, cost_minor: null, base_cost_minor: null,
    unpaid_minor: 0, base_unpaid_minor: 0, payment_due_date: null, created_by: by, updated_by: by,
  });
const listed = async () => (await app.call('team:conflicts', { customerId })).conflicts.map((c) => ({ field: c.field, keptBy: c.keptBy, keptAt: c.keptAt }));

describe('one restore of a sale made on two laptops, each knowing another return', () => {
  it('is listed as the record the team holds says, here too', async () => {
    const deletedAt = app.db.$client.prepare(`SELECT deleted_at FROM orders WHERE id = ?`).pluck().get(saleId) as string;
    // bo's return arrives: this laptop brings the sale back and lists it as made here (the return bo recorded).
    applyDocs(app.db, [returnBy('bo', '0190eeee-0000-7000-8000-0000000000b1', '2026-11-22T08:00:00.000Z')], [], () => new Date('2026-11-23T10:00:00.000Z'));
    expect(await listed()).toEqual([{ field: `orders:${saleId}.deleted_at`, keptBy: 'bo', keptAt: '2026-11-22T08:00:00.000Z' }]);

    // chen brought it back too, knowing only her return; her record of the restore is the later and stands.
    const id = restoredSaleId(saleId, deletedAt);
    const chenAt = '2026-11-24T09:00:00.000Z';
    const record = doc('restored_sales', chenAt, 'chen', {
      id, created_at: chenAt, updated_at: chenAt, deleted_at: null, order_id: saleId, customer_id: customerId, sale_deleted_at: deletedAt, deleted_by: null,
      returned_by: 'chen', returned_at: '2026-11-22T09:00:00.000Z',
    });
    applyDocs(app.db, [returnBy('chen', '0190eeee-0000-7000-8000-0000000000c1', '2026-11-22T09:00:00.000Z'), record], [], () => new Date('2026-11-24T10:00:00.000Z'));
    expect(app.db.$client.prepare(`SELECT returned_by FROM restored_sales WHERE id = ?`).pluck().get(id)).toBe('chen');
    // Listed as the record says, as every laptop that only received it lists it.
    expect(await listed()).toEqual([{ field: `orders:${saleId}.deleted_at`, keptBy: 'chen', keptAt: '2026-11-22T09:00:00.000Z' }]);
  });
});
