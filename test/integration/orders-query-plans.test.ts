import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageIdsQuery } from '../../db/repos/customers';
import { OVERDUE_PAYMENTS_SQL } from '../../db/repos/today';
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
});
