import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
const id: Record<string, string> = {};
beforeEach(async () => {
  app = openTestApp('2025-06-30');
  await app.call('settings:update', { homeCountry: 'CN', baseCurrency: 'CNY' });
  await app.call('fx:upsert', { currency: 'USD', rateDate: '2025-01-01', rate: 7 });
  // Four big buyers (A–D, the same top class) and one small one (E). Amounts in yuan.
  const lines = [
    '单号,客户编号,日期,货号,商品,数量,单价,币种',
    'A1,A,2025-05-01,TEA,龙井茶,10,100,CNY',
    'A1,A,2025-05-01,CUP,茶杯,4,50,CNY',
    'A2,A,2025-06-01,TEA,龙井茶,5,100,CNY',
    'RA,A,2025-06-05,CUP,茶杯,-4,50,CNY',
    'B1,B,2025-05-02,TEA,龙井茶,20,100,CNY',
    'B1,B,2025-05-02,POT,茶壶,2,300,CNY',
    'C1,C,2025-05-03,POT,茶壶,3,300,CNY',
    'C2,C,2025-05-03,TRAY,茶盘,1,200,USD',
    'D1,D,2025-05-04,POT,茶壶,1,300,CNY',
    'D1,D,2025-05-04,CUP,茶杯,2,50,CNY',
    'RD,D,2025-05-05,CUP,茶杯,-2,50,CNY',
    'E1,E,2025-05-06,CUP,茶杯,1,50,CNY',
  ];
  const path = join(app.dir, 'lines.csv');
  writeFileSync(path, lines.join('\n'));
  const imported = await app.call('import:commit', { kind: 'orders', source: { path }, unknownCustomers: 'create' });
  expect(imported.rejected).toBe(0);
  for (const row of app.db.$client.prepare(`SELECT code, id FROM customers`).all() as { code: string; id: string }[]) id[row.code] = row.id;
  await app.call('segments:recompute', {});
});
afterEach(() => app.cleanup());

/** Net units per customer and SKU, worked out by hand from the fixture above (returns subtracted). */
const NET: Record<string, Record<string, number>> = { A: { TEA: 15, CUP: 0 }, B: { TEA: 20, POT: 2 }, C: { POT: 3, TRAY: 1 }, D: { POT: 1, CUP: 0 }, E: { CUP: 1 } };

const classOf = (customerId: string, scheme: string) =>
  app.db.$client.prepare(`SELECT class_key FROM segment_assignments WHERE scheme = ? AND customer_id = ? ORDER BY as_of DESC LIMIT 1`).pluck().get(scheme, customerId) as string;

describe('what to offer', () => {
  it('usually buys: net of returns, biggest spend first, with orders and the last day bought', async () => {
    const offers = await app.call('offers:customer', { customerId: id.A!, scheme: 'value' });
    // A: tea 10 + 5 units at ¥100 (two orders, last 2025-06-01); the 4 cups were all returned, so they drop out.
    expect(offers.usuallyBuys).toEqual([
      { productId: expect.any(String), name: '龙井茶', sku: 'TEA', quantity: 15, amountBaseMinor: 150000, reason: { kind: 'usual', orders: 2, quantity: 15, lastBought: '2025-06-01' } },
    ]);
  });

  it('customers like them also buy: the class peers’ products the customer has not bought, with how many peers buy each', async () => {
    const scheme = 'pyramid';
    const cls = classOf(id.A!, scheme);
    const peers = Object.keys(id).filter((code) => code !== 'A' && classOf(id[code]!, scheme) === cls);
    expect(peers.length).toBeGreaterThan(0);
    // Computed here from the fixture: per product, the peers with a net positive quantity, excluding what A has lines of (tea, cups).
    const buyers = new Map<string, number>();
    for (const code of peers) for (const [sku, qty] of Object.entries(NET[code]!)) if (qty > 0 && sku !== 'TEA' && sku !== 'CUP') buyers.set(sku, (buyers.get(sku) ?? 0) + 1);
    const expected = [...buyers].sort((a, b) => b[1] - a[1]).map(([sku, n]) => ({ sku, reason: { kind: 'peers', buyers: n, peers: peers.length, share: n / peers.length } }));
    const offers = await app.call('offers:customer', { customerId: id.A!, scheme });
    expect(offers).toMatchObject({ classKey: cls, peers: peers.length, group: null });
    expect(offers.alsoBuy.map((p) => ({ sku: p.sku, reason: p.reason }))).toEqual(expected);
  });

  it('per-class top products for the tier screen count each class’s buyers and convert amounts at the locked rate', async () => {
    const scheme = 'pyramid';
    const result = await app.call('offers:classes', { scheme, limit: 10 });
    const cls = classOf(id.C!, scheme);
    const row = result.classes.find((c) => c.classKey === cls)!;
    const members = Object.keys(id).filter((code) => classOf(id[code]!, scheme) === cls);
    expect(row.customers).toBe(members.length);
    // The tray: one buyer (C), 1 × US$200 at 7 = ¥1,400.
    expect(row.products.find((p) => p.sku === 'TRAY')).toMatchObject({ quantity: 1, amountBaseMinor: 140000, reason: { buyers: 1, peers: members.length } });
    // Net of returns: D returned its cups, so D is not a cup buyer.
    const cupBuyers = members.filter((code) => (NET[code]!.CUP ?? 0) > 0).length;
    expect(cupBuyers).toBeGreaterThan(0);
    expect(row.products.find((p) => p.sku === 'CUP')?.reason.buyers).toBe(cupBuyers);
    // Every class's lists add up: the buyers of a product never exceed the class.
    for (const c of result.classes) for (const p of c.products) expect(p.reason.buyers).toBeLessThanOrEqual(c.customers);
  });

  it('with the tiers partitioned, the peers are the customer’s class within their own group', async () => {
    // C and D trade abroad (tag 外贸); the pyramid is then ranked within "with the tag" (C, D) and "without" (A, B, E).
    await app.call('customers:bulkUpdate', { ids: [id.C!, id.D!], action: { kind: 'addTag', tag: '外贸' } });
    await app.call('segments:config:set', { overrides: { partition: { kind: 'tag', tag: '外贸' } } });
    const offers = await app.call('offers:customer', { customerId: id.A!, scheme: 'pyramid' });
    expect(offers).toMatchObject({ partition: 'tag', group: 'without', partitionTag: '外贸' });
    // A's class in its group, as the tier list shows it; the peers are the rest of that class and group.
    const rows = (await app.call('segments:members', { scheme: 'pyramid', group: 'without', limit: 50 })).rows;
    const cls = rows.find((r) => r.id === id.A)!.classKey;
    const peers = rows.filter((r) => r.id !== id.A && r.classKey === cls).map((r) => Object.keys(id).find((code) => id[code] === r.id)!);
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.every((code) => code === 'B' || code === 'E')).toBe(true);
    expect(offers.peers).toBe(peers.length);
    const buyers = new Map<string, number>();
    for (const code of peers) for (const [sku, qty] of Object.entries(NET[code]!)) if (qty > 0 && sku !== 'TEA' && sku !== 'CUP') buyers.set(sku, (buyers.get(sku) ?? 0) + 1);
    expect(offers.alsoBuy.map((p) => [p.sku, p.reason.buyers])).toEqual([...buyers].sort((a, b) => b[1] - a[1]));
  });

  it('a customer with no lines and no class gets empty lists, and an unknown customer is not found', async () => {
    const lone = (await app.call('customers:create', { name: '新客' })).customer.id;
    expect(await app.call('offers:customer', { customerId: lone })).toMatchObject({ usuallyBuys: [], alsoBuy: [] });
    await expect(app.call('offers:customer', { customerId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
