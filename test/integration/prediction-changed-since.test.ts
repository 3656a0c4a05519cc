/**
 * The customer file's purchase-likelihood panel reads the stored predictions (storedOnly). After the
 * customer's only order was deleted it went on showing "bought once" and the old value as if current: the
 * read now says when the customer's records changed after the fit, for the panel to say the figures are
 * from before, until the next recompute refits them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { predictionsSettled } from '../../core/prediction/refit';
import { openTestApp, type TestApp } from '../support/test-app';

const TODAY = '2026-11-23';
let app: TestApp;
const ids: Record<string, string> = {};
const orders: Record<string, string> = {};

beforeEach(async () => {
  app = openTestApp(TODAY);
  const histories: Record<string, string[]> = { A: ['2026-01-05', '2026-03-01', '2026-06-01'], B: ['2026-02-10', '2026-05-20'], C: ['2026-04-01'] };
  for (const [name, dates] of Object.entries(histories)) {
    const { customer } = await app.call('customers:create', { name });
    ids[name] = customer.id;
    for (const orderDate of dates) orders[name] = (await app.call('orders:create', { customerId: customer.id, orderDate, amount: '100', currency: 'CNY' })).id;
  }
  await app.call('segments:recompute', {});
  await predictionsSettled(app.db);
});
afterEach(() => app.cleanup());

const stored = (name: string) => app.call('prediction:customers', { customerId: ids[name]!, storedOnly: true, limit: 1 });
const recompute = async () => {
  await app.call('segments:recompute', {});
  await predictionsSettled(app.db);
};

describe('stored predictions on the customer file', () => {
  it('say they are from before a deleted order, a restore or a return, until the next recompute', async () => {
    expect(await stored('C')).toMatchObject({ changedSince: false, rows: [{ purchases: 1 }] });

    await app.call('orders:delete', { id: orders.C! });
    // The stored row is still the one of before; the read says so, and only for the customer changed.
    expect(await stored('C')).toMatchObject({ changedSince: true, rows: [{ purchases: 1 }] });
    expect((await stored('A')).changedSince).toBe(false);

    await recompute();
    expect(await stored('C')).toMatchObject({ changedSince: false, rows: [] });

    await app.call('orders:restore', { id: orders.C! });
    expect((await stored('C')).changedSince).toBe(true);
    await recompute();
    expect(await stored('C')).toMatchObject({ changedSince: false, rows: [{ purchases: 1 }] });

    await app.call('orders:return', { orderId: orders.B!, amount: '40', orderDate: '2026-11-20' });
    expect((await stored('B')).changedSince).toBe(true);
  });
});
