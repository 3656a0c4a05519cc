/** The importer over the public Online Retail lines (../shared/data/online-retail), checked against a computation made here. */
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

/** RFC 4180 records, read here rather than by the importer's reader: quoted fields, "" inside quotes, CRLF or LF. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.some((f) => f !== '')) records.push(record);
      (record = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

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
    const [header, ...records] = csvRecords(readFileSync(LINES, 'utf8'));
    const rows = records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])) as Record<string, string>);
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
