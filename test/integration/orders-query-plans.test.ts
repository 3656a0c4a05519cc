import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageIdsQuery } from '../../db/repos/customers';
import { OVERDUE_PAYMENTS_SQL } from '../../db/repos/today';
import { ORPHAN_RETURNS_SQL } from '../../core/importing/undo';
import { customerListInputSchema } from '../../shared/contract/customers';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = openTestApp();
  const id = (await app.call('customers:create', { name: 'x' })).customer.id;
  await app.call('orders:create', { customerId: id, orderDate: '2026-11-01', currency: 'CNY', amount: '5', payment: { status: 'unpaid', dueDate: '2026-11-02' } });
});
afterAll(() => app.cleanup());

const plan = (sql: string, ...params: unknown[]) =>
  (app.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

/** What owes money is found from the partial index of unpaid sales, and returns by the sale they return. */
describe('query plans of balances', () => {
  it('filters the customer list by "owes money" through the unpaid index and the returns index', () => {
    for (const payment of ['owes', 'overdue'] as const) {
      const input = { ...customerListInputSchema.parse({ payment }), today: '2026-11-23' };
      const query = pageIdsQuery(app.db, input, '').toSQL();
      const detail = plan(query.sql, ...query.params);
      expect(detail).toContain('orders_unpaid');
      expect(detail).toContain('orders_return_of');
    }
  });
  it('reads Today’s overdue payments from the unpaid index', () => {
    const detail = plan(OVERDUE_PAYMENTS_SQL, '2026-11-23');
    expect(detail).toContain('orders_unpaid');
    expect(detail).toContain('orders_return_of');
  });
  it('sums a sale’s returns through the returns index', () => {
    expect(plan(`SELECT sum(amount_minor) FROM orders WHERE return_of_order_id = ? AND deleted_at IS NULL`, 'x')).toContain('USING INDEX orders_return_of');
  });
  it('sums a page of sales’ returns and finds an undone batch’s orphaned returns through the returns index', () => {
    const page = plan(`SELECT return_of_order_id, sum(amount_minor) FROM orders WHERE return_of_order_id IN (?, ?, ?) AND deleted_at IS NULL GROUP BY return_of_order_id`, 'a', 'b', 'c');
    expect(page).toContain('USING INDEX orders_return_of');
    const orphans = () => plan(ORPHAN_RETURNS_SQL, { batch: 'b' }).split('\n');
    const expected = ['SEARCH r USING INDEX orders_return_of (return_of_order_id>?)', 'CORRELATED SCALAR SUBQUERY 1', 'SEARCH s USING INDEX sqlite_autoindex_orders_1 (id=?)'];
    expect(orphans()).toEqual(expected);
    // With statistics (the demo runs ANALYZE), the sale is still found by its id, not through the batch index.
    app.db.$client.exec('ANALYZE');
    expect(orphans().slice(1)).toEqual(expected.slice(1));
  });
});
