/** The importer over the public Online Retail lines (../shared/data/online-retail), checked against a computation made here. */
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, ROOT, type TestApp } from '../support/test-app';

/** The shared public data sets live beside the repository (../shared/data), never inside it. */
const LINES = resolve(ROOT, '..', 'shared', 'data', 'online-retail', 'lines-sample.csv');

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'GB', baseCurrency: 'GBP' });
});
afterEach(() => app.cleanup());

/** "4.25" → 425 pence by string arithmetic, not by the importer's money parser. */
const pence = (text: string) => {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

describe('the public Online Retail lines', () => {
  it('import as invoices with lines: cancellations become returns, lines without a customer are reported, totals match', async () => {
    if (!existsSync(LINES)) {
      console.warn(`Online Retail lines not found at ${LINES}: the real-file import was NOT exercised on this machine.`);
      expect(existsSync(LINES)).toBe(false);
      return;
    }
    const parsed = Papa.parse<Record<string, string>>(readFileSync(LINES, 'utf8'), { header: true, skipEmptyLines: true });
    const rows = parsed.data;
    const known = rows.filter((r) => r.CustomerID !== 'NA');
    const invoices = new Map<string, { customer: string; amount: number }>();
    for (const r of known) {
      const line = Math.round(Number(r.Quantity) * pence(r.UnitPrice!));
      const seen = invoices.get(r.InvoiceNo!) ?? { customer: r.CustomerID!, amount: 0 };
      seen.amount += line;
      invoices.set(r.InvoiceNo!, seen);
    }
    const expected = {
      rows: rows.length,
      rejected: rows.length - known.length,
      invoices: invoices.size,
      returns: [...invoices.keys()].filter((k) => k.startsWith('C')).length,
      customers: new Set(known.map((r) => r.CustomerID)).size,
      total: [...invoices.values()].reduce((s, i) => s + i.amount, 0),
      returned: [...invoices.entries()].filter(([k]) => k.startsWith('C')).reduce((s, [, i]) => s + i.amount, 0),
    };
    expect(expected.returns).toBeGreaterThan(0);

    const result = await app.call('import:commit', { kind: 'orders', source: { path: LINES }, onError: 'skip', unknownCustomers: 'create' });
    expect(result).toMatchObject({
      rowsTotal: expected.rows, added: known.length, rejected: expected.rejected, customersCreated: expected.customers,
      orders: { orders: expected.invoices, lines: known.length, returns: expected.returns },
    });
    expect(new Set(result.errors.map((e) => e.reason))).toEqual(new Set(['missing_customer_key']));

    const q = <T>(sql: string) => app.db.$client.prepare(sql).get() as T;
    expect(q(`SELECT count(*) AS n, sum(amount_minor) AS total, sum(CASE WHEN kind = 'return' THEN amount_minor ELSE 0 END) AS returned FROM orders WHERE deleted_at IS NULL`)).toEqual({
      n: expected.invoices,
      total: expected.total,
      returned: expected.returned,
    });
    // Every return is a C… invoice and every C… invoice a return.
    expect(q(`SELECT count(*) AS n FROM orders WHERE (kind = 'return') <> (order_number LIKE 'C%')`)).toEqual({ n: 0 });
    // The customers' figures add up to the same purchases (returns are not purchases) and net revenue.
    expect(q(`SELECT sum(order_count) AS orders, sum(revenue_base_minor) AS revenue FROM customers WHERE deleted_at IS NULL`)).toEqual({ orders: expected.invoices - expected.returns, revenue: expected.total });
    // One customer by hand: the largest spender's net revenue.
    const [topId, topRevenue] = [...[...invoices.values()].reduce((m, i) => m.set(i.customer, (m.get(i.customer) ?? 0) + i.amount), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]!;
    expect(app.db.$client.prepare(`SELECT revenue_base_minor FROM customers WHERE code = ?`).pluck().get(topId)).toBe(topRevenue);
  }, 120_000);
});
