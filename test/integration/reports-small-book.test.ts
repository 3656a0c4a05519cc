import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * The evaluation's Pareto curve for a stall in its first weeks (one, two, three customers), each point checked
 * against each customer's net revenue read by plain SQL and a straight line between whole customers.
 */
const TODAY = '2026-12-07';
let app: TestApp;
afterEach(() => app.cleanup());

async function customerWith(name: string, sales: string[], returned?: string): Promise<string> {
  const id = (await app.call('customers:create', { name, contacts: [] })).customer.id;
  for (const amount of sales) await app.call('orders:create', { customerId: id, orderDate: '2026-11-20', amount, currency: 'CNY' });
  if (returned) await app.call('orders:return', { customerId: id, currency: 'CNY', amount: returned, orderDate: '2026-11-25' });
  return id;
}

/** Each customer's net revenue in the range, largest first, by plain SQL. */
function netRevenues(): number[] {
  const rows = app.db.$client
    .prepare(`SELECT coalesce(sum(base_amount_minor), 0) AS revenue FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.deleted_at IS NULL AND o.order_date BETWEEN '2026-01-01' AND ? GROUP BY c.id ORDER BY revenue DESC`)
    .all(TODAY) as { revenue: number }[];
  return rows.map((r) => r.revenue);
}

async function paretoAt(k: number): Promise<number> {
  await app.call('segments:recompute', {});
  const report = await app.call('reports:evaluation', { scheme: 'pyramid', from: '2026-01-01', to: TODAY, period: 'month' });
  expect(report.pareto).toHaveLength(101);
  return report.pareto[k]!.revenueShare;
}

describe('the Pareto curve of a small book', () => {
  it('one customer: the top 20 % bring 20 % of the revenue, not 0 %', async () => {
    app = openTestApp(TODAY);
    await customerWith('李四', ['880']);
    const [only] = netRevenues();
    expect(only).toBe(88000);
    expect(await paretoAt(20)).toBeCloseTo((0.2 * only!) / only!, 12);
  });

  it('two customers: the top 20 % are 0.4 of the larger one', async () => {
    app = openTestApp(TODAY);
    await customerWith('王五', ['100']);
    await customerWith('赵六', ['500']);
    const [first, second] = netRevenues();
    expect(await paretoAt(20)).toBeCloseTo((0.4 * first!) / (first! + second!), 12);
    expect(await paretoAt(50)).toBeCloseTo(first! / (first! + second!), 12);
  });

  it('a return bigger than the sale: the curve stays within 100 % and the net-negative customer counts as 0', async () => {
    app = openTestApp(TODAY);
    await customerWith('王五', ['100'], '300');
    await customerWith('赵六', ['500']);
    const [first, second] = netRevenues();
    expect([first, second]).toEqual([50000, -20000]);
    expect(await paretoAt(50)).toBe(1);
    expect(await paretoAt(20)).toBeCloseTo((0.4 * first!) / first!, 12);
  });

  it('three customers with identical orders lie on the even line', async () => {
    app = openTestApp(TODAY);
    for (const name of ['甲', '乙', '丙']) await customerWith(name, ['200', '200']);
    expect(new Set(netRevenues())).toEqual(new Set([40000]));
    expect(await paretoAt(20)).toBeCloseTo(0.2, 12);
  });
});
