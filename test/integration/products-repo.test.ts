import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { productIdentityKey, searchProducts, upsertProduct, upsertProducts } from '../../db/repos/products';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
let n = 0;
const ctx = () => ({ now: `2026-11-23T10:00:${String(n % 60).padStart(2, '0')}.000Z`, newId: () => `p-${String(++n).padStart(4, '0')}` });
beforeEach(() => {
  app = openTestApp();
  n = 0;
});
afterEach(() => app.cleanup());

const rows = () =>
  app.db.$client
    .prepare('SELECT identity_key, sku, name, search_text, last_unit_price_minor, last_currency, last_sold_on FROM products WHERE deleted_at IS NULL ORDER BY identity_key')
    .all() as { identity_key: string; sku: string | null; name: string; search_text: string; last_unit_price_minor: number | null; last_currency: string | null; last_sold_on: string | null }[];

describe('products grown from order lines', () => {
  it('identifies a product by SKU when given (case and full-width ignored), else by its folded name', () => {
    expect(productIdentityKey(' ab-1 ', 'Anything')).toBe('sku:AB-1');
    expect(productIdentityKey('ＡＢ-１', 'Other')).toBe('sku:AB-1');
    expect(productIdentityKey(null, '  Green   Tea ')).toBe('name:green tea');
    expect(productIdentityKey('  ', 'Green Tea')).toBe('name:green tea');
  });

  it('creates one product per identity with search keys and the price of the newest sale in the batch', () => {
    const ids = upsertProducts(
      app.db,
      [
        { sku: 'LJ-250', name: '龙井茶 250g', sale: { unitPriceMinor: 8800, currency: 'CNY', soldOn: '2026-10-01' } },
        { sku: 'lj-250', name: '龙井茶 250g', sale: { unitPriceMinor: 9200, currency: 'CNY', soldOn: '2026-11-01' } },
        { sku: 'LJ-250', name: '龙井茶 250g', sale: { unitPriceMinor: 7000, currency: 'CNY', soldOn: '2026-09-01' } },
        { name: 'Green Tea', sale: { unitPriceMinor: 1500, currency: 'USD', soldOn: '2026-11-02' } },
        { name: 'green  tea' },
        { name: '   ' },
      ],
      ctx(),
    );
    expect(ids.size).toBe(2);
    expect(rows()).toEqual([
      { identity_key: 'name:green tea', sku: null, name: 'Green Tea', search_text: ' green tea greentea ', last_unit_price_minor: 1500, last_currency: 'USD', last_sold_on: '2026-11-02' },
      {
        identity_key: 'sku:LJ-250',
        sku: 'lj-250',
        name: '龙井茶 250g',
        search_text: ' 龙井茶 250g 龙井茶250g longjingcha250g ljc250g lj-250 ',
        last_unit_price_minor: 9200,
        last_currency: 'CNY',
        last_sold_on: '2026-11-01',
      },
    ]);
    expect(ids.get('sku:LJ-250')).toBe(app.db.$client.prepare("SELECT id FROM products WHERE identity_key = 'sku:LJ-250'").pluck().get());
  });

  it('moves the last price forward only for a sale at least as recent as the one on record', () => {
    const first = upsertProduct(app.db, { sku: 'A1', name: 'Widget', sale: { unitPriceMinor: 500, currency: 'CNY', soldOn: '2026-11-10' } }, ctx());
    // An older invoice entered later: the product is the same, its price stays.
    const older = upsertProduct(app.db, { sku: 'a1', name: 'Widget (old name)', sale: { unitPriceMinor: 400, currency: 'CNY', soldOn: '2026-10-01' } }, ctx());
    expect(older).toBe(first);
    expect(rows()[0]).toMatchObject({ name: 'Widget', last_unit_price_minor: 500, last_sold_on: '2026-11-10' });
    // A return or price-less line only makes the product known.
    upsertProduct(app.db, { sku: 'A1', name: 'Widget' }, ctx());
    expect(rows()[0]).toMatchObject({ last_unit_price_minor: 500 });
    // A newer sale (and on the same day, a later one) moves price, currency and name forward.
    upsertProduct(app.db, { sku: 'A1', name: 'Widget XL', sale: { unitPriceMinor: 650, currency: 'USD', soldOn: '2026-11-20' } }, ctx());
    upsertProduct(app.db, { sku: 'A1', name: 'Widget XL', sale: { unitPriceMinor: 660, currency: 'USD', soldOn: '2026-11-20' } }, ctx());
    expect(rows()).toEqual([
      { identity_key: 'sku:A1', sku: 'A1', name: 'Widget XL', search_text: ' widget xl widgetxl a1 ', last_unit_price_minor: 660, last_currency: 'USD', last_sold_on: '2026-11-20' },
    ]);
    expect(app.db.$client.prepare('SELECT count(*) FROM products').pluck().get()).toBe(1);
  });

  it('adds a new live product when the old one was deleted, and ignores deleted ones in search', () => {
    const first = upsertProduct(app.db, { name: 'Oolong' }, ctx());
    app.db.$client.prepare("UPDATE products SET deleted_at = '2026-11-01T00:00:00.000Z' WHERE id = ?").run(first);
    expect(searchProducts(app.db, 'oolong', 10)).toEqual([]);
    const second = upsertProduct(app.db, { name: 'OOLONG' }, ctx());
    expect(second).not.toBe(first);
    expect(searchProducts(app.db, 'oolong', 10).map((p) => p.id)).toEqual([second]);
  });

  it('handles a batch larger than one query chunk inside the caller’s transaction', () => {
    const sightings = Array.from({ length: 1200 }, (_, i) => ({ sku: `S${i}`, name: `Item ${i}`, sale: { unitPriceMinor: i, currency: 'CNY', soldOn: '2026-11-01' } }));
    const ids = app.db.transaction((tx) => upsertProducts(tx as unknown as typeof app.db, sightings, ctx()));
    expect(ids.size).toBe(1200);
    const again = app.db.transaction((tx) => upsertProducts(tx as unknown as typeof app.db, sightings, ctx()));
    expect([...again.entries()]).toEqual([...ids.entries()]);
    expect(app.db.$client.prepare('SELECT count(*), sum(last_unit_price_minor) FROM products').raw().get()).toEqual([1200, (1199 * 1200) / 2]);
  });

  it('finds products by pinyin, initials, name words and SKU, most recently sold first', () => {
    upsertProducts(
      app.db,
      [
        { sku: 'LJ-250', name: '龙井茶', sale: { unitPriceMinor: 8800, currency: 'CNY', soldOn: '2026-10-01' } },
        { name: '龙眼干', sale: { unitPriceMinor: 3000, currency: 'CNY', soldOn: '2026-11-01' } },
        { name: 'Jasmine 100%', sale: null },
      ],
      ctx(),
    );
    const names = (q: string) => searchProducts(app.db, q, 10).map((p) => p.name);
    expect(names('longjing')).toEqual(['龙井茶']);
    expect(names('ljc')).toEqual(['龙井茶']);
    expect(names('long')).toEqual(['龙眼干', '龙井茶']);
    expect(names('龙')).toEqual(['龙眼干', '龙井茶']);
    expect(names('lj-2')).toEqual(['龙井茶']);
    expect(names('JASMINE')).toEqual(['Jasmine 100%']);
    // LIKE wildcards are literal text, not patterns.
    expect(names('%')).toEqual(['Jasmine 100%']);
    expect(names('_')).toEqual([]);
    expect(names('')).toEqual(['龙眼干', '龙井茶', 'Jasmine 100%']);
    expect(searchProducts(app.db, '', 2)).toHaveLength(2);
  });
});
