import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

/**
 * A product's last price, currency and sale date (what products search shows, to quote from) follow the latest
 * live sale line: after a sale is deleted, restored or redated, or an import undone, they are not left at a sale
 * that no longer counts. Expected values are the lines as written in each test.
 */
let app: TestApp;
let customerId: string;
beforeEach(async () => {
  app = openTestApp('2026-11-23');
  customerId = (await app.call('customers:create', { name: 'Maison Lyon' })).customer.id;
});
afterEach(() => app.cleanup());

const scarf = () =>
  app.db.$client.prepare(`SELECT last_unit_price_minor AS price, last_currency AS currency, last_sold_on AS soldOn FROM products WHERE sku = 'S7' AND deleted_at IS NULL`).get() as
    | { price: number | null; currency: string | null; soldOn: string | null }
    | undefined;
const sale = (orderDate: string, unitPrice: string, currency = 'EUR') =>
  app.call('orders:create', { customerId, orderDate, currency, fxRate: 7.7, lines: [{ sku: 'S7', name: 'Scarf', quantity: 1, unitPrice }] });

describe("a product's last price", () => {
  it('goes back to the latest live sale when the newest is deleted, and forward again when it is restored or redated', async () => {
    await sale('2026-11-01', '10.00');
    const newest = await sale('2026-11-05', '99.00');
    expect(scarf()).toEqual({ price: 9900, currency: 'EUR', soldOn: '2026-11-05' });
    await app.call('orders:delete', { id: newest.id });
    expect(scarf()).toEqual({ price: 1000, currency: 'EUR', soldOn: '2026-11-01' });
    expect((await app.call('products:search', { query: 'S7' })).products[0]).toMatchObject({ lastUnitPriceMinor: 1000, lastSoldOn: '2026-11-01' });
    await app.call('orders:restore', { id: newest.id });
    expect(scarf()).toEqual({ price: 9900, currency: 'EUR', soldOn: '2026-11-05' });
    // Redated before the other sale, it is no longer the latest.
    await app.call('orders:update', { id: newest.id, order: { customerId, orderDate: '2026-10-01', currency: 'EUR', fxRate: 7.7, lines: [{ sku: 'S7', name: 'Scarf', quantity: 1, unitPrice: '99.00' }] } });
    expect(scarf()).toEqual({ price: 1000, currency: 'EUR', soldOn: '2026-11-01' });
  });

  it('has no price once no live sale names it (a return alone sets none)', async () => {
    const only = await sale('2026-11-01', '10.00');
    await app.call('orders:return', { orderId: only.id, orderDate: '2026-11-02' });
    expect(scarf()).toEqual({ price: 1000, currency: 'EUR', soldOn: '2026-11-01' });
    const other = await sale('2026-11-03', '12.00');
    await app.call('orders:delete', { id: other.id });
    expect(scarf()).toEqual({ price: 1000, currency: 'EUR', soldOn: '2026-11-01' });
    // A product sold once, on a sale since deleted: known by name, with no price to quote.
    const hat = await app.call('orders:create', { customerId, orderDate: '2026-11-04', currency: 'CNY', lines: [{ sku: 'H1', name: 'Hat', quantity: 2, unitPrice: '30' }] });
    await app.call('orders:delete', { id: hat.id });
    expect(app.db.$client.prepare(`SELECT name, last_unit_price_minor AS price, last_sold_on AS soldOn FROM products WHERE sku = 'H1'`).get()).toEqual({ name: 'Hat', price: null, soldOn: null });
  });

  it('goes back to the earlier import when a later import that priced it is undone', async () => {
    const file = (name: string, row: string) => {
      const path = join(app.dir, name);
      writeFileSync(path, `Customer,Date,Currency,Order no,SKU,Product,Quantity,Unit price\n${row}\n`);
      return path;
    };
    await app.call('fx:upsert', { currency: 'EUR', rateDate: '2026-10-01', rate: 7.7 });
    await app.call('import:commit', { kind: 'orders', source: { path: file('p1.csv', 'Maison Lyon,2026-10-01,EUR,P-1,S7,Scarf,1,10.00') } });
    const later = await app.call('import:commit', { kind: 'orders', source: { path: file('p2.csv', 'Maison Lyon,2026-11-01,EUR,P-2,S7,Scarf Deluxe,1,99.00') } });
    expect(scarf()).toMatchObject({ price: 9900, soldOn: '2026-11-01' });
    await app.call('import:undo', { batchId: later.batchId! });
    expect(scarf()).toEqual({ price: 1000, currency: 'EUR', soldOn: '2026-10-01' });
  });
});
