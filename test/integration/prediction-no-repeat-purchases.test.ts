/**
 * A book where nobody has bought on a second day yet — every order dated today, or every order on one day —
 * gets no purchase-likelihood figures: the recompute stores the refusal, and every read of the predictions
 * (the customer file's, the best list's, the CLI's on-demand fit, the fit itself, the holdout check, Today's
 * ranking) says why instead of showing the prior's numbers. The counts asserted are worked out in SQL here.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storedLikelihood } from '../../core/prediction/likelihood-provider';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp | undefined;
afterEach(() => {
  app?.cleanup();
  app = undefined;
});

function sqlGet<T>(dbPath: string, query: string, ...params: unknown[]): T {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return raw.prepare(query).get(...params) as T;
  } finally {
    raw.close();
  }
}

/** 60 customers, each with one to three orders, every one of them dated `day`. */
async function bookOnOneDay(day: string): Promise<{ app: TestApp; ids: string[] }> {
  const opened = openTestApp(TODAY);
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    const { customer } = await opened.call('customers:create', { name: `客户${i}` });
    ids.push(customer.id);
    for (let k = 0; k <= i % 3; k++) await opened.call('orders:create', { customerId: customer.id, orderDate: day, amount: String(100 + i + k), currency: 'CNY' });
  }
  return { app: opened, ids };
}

const buyers = (dbPath: string) =>
  sqlGet<{ n: number }>(dbPath, `SELECT COUNT(DISTINCT customer_id) AS n FROM orders WHERE deleted_at IS NULL AND kind = 'sale' AND order_date <= ?`, TODAY).n;

describe.each([
  ['every order dated today', TODAY],
  ['every order on one day in the past', '2026-09-01'],
])('%s', (_, day) => {
  it('the recompute stores the refusal and no figures; every read says why', async () => {
    const book = await bookOnOneDay(day);
    app = book.app;
    const customers = buyers(app.dbPath);
    expect(customers).toBe(60);
    const refused = { reason: 'no-repeat-purchases', customers };
    await app.call('segments:recompute', {});

    // The customer file's read (stored only) and the on-demand reads of the CLI.
    for (const input of [{ storedOnly: true, customerId: book.ids[0] }, {}, { asOf: TODAY }, { asOf: day }]) {
      const page = await app.call('prediction:customers', input);
      expect(page).toMatchObject({ total: 0, model: null, rows: [], refused });
    }
    expect(sqlGet<{ n: number }>(app.dbPath, 'SELECT COUNT(*) AS n FROM customer_predictions').n).toBe(0);

    // The best list: no rows, the reason, the day it was found.
    expect(await app.call('prediction:best', { scheme: 'pyramid' })).toMatchObject({ asOf: TODAY, total: 0, model: null, rows: [], refused });

    // The fit itself is refused, naming how many customers bought and the day.
    expect(await app.dispatch('prediction:fit', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['asOf'], key: 'prediction_no_repeat_purchases', params: { customers, asOf: TODAY } }] },
    });

    // Today ranks by no likelihood at all rather than everyone at the prior's score.
    expect(await storedLikelihood(app.db)(TODAY)).toBeNull();
  });
});

describe('the first customer to come back on another day lifts the refusal', () => {
  it('a fit (pulled toward typical values), every buyer predicted', async () => {
    const book = await bookOnOneDay('2026-09-01');
    app = book.app;
    await app.call('orders:create', { customerId: book.ids[5]!, orderDate: '2026-10-15', amount: '230', currency: 'CNY' });
    await app.call('segments:recompute', {});
    const page = await app.call('prediction:customers', { limit: 500 });
    expect(page.refused).toBeNull();
    expect(page.model!.method).toBe('shrunk');
    expect(page.total).toBe(buyers(app.dbPath));
    expect(page.model!.repeatBuyers).toBe(
      sqlGet<{ n: number }>(app.dbPath, `SELECT COUNT(*) AS n FROM (SELECT customer_id FROM orders WHERE deleted_at IS NULL AND kind = 'sale' GROUP BY customer_id HAVING COUNT(DISTINCT order_date) > 1)`).n,
    );
  });
});

describe('the holdout check', () => {
  it('a split before which nobody bought twice is refused with the reason, at the split', async () => {
    const book = await bookOnOneDay('2026-03-02');
    app = book.app;
    for (const id of book.ids.slice(0, 20)) await app.call('orders:create', { customerId: id, orderDate: '2026-08-10', amount: '120', currency: 'CNY' });
    const customers = sqlGet<{ n: number }>(app.dbPath, `SELECT COUNT(DISTINCT customer_id) AS n FROM orders WHERE deleted_at IS NULL AND kind = 'sale' AND order_date <= '2026-06-01'`).n;
    expect(await app.dispatch('prediction:holdout', { split: '2026-06-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['split'], key: 'prediction_no_repeat_purchases', params: { customers, asOf: '2026-06-01' } }] },
    });
  });
});
