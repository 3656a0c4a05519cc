import type Database from 'better-sqlite3';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { products } from '../schema';
import { normalizeQuery, searchKeys } from '../../shared/domain/pinyin';
import { likeContaining } from './like-pattern';

export type ProductRecord = typeof products.$inferSelect;

/**
 * One product as an order line names it. `sale` is present when the line is a sale that tells the
 * product's going price (a return, or a line without a price, only makes the product known).
 */
export interface ProductSighting {
  sku?: string | null;
  name: string;
  sale?: { unitPriceMinor: number; currency: string; soldOn: string } | null;
}

export interface ProductWriteContext {
  now: string;
  newId: () => string;
}

/** Text as people type it, compared loosely: full-width folded (NFKC), spaces collapsed, trimmed. */
function tidy(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * How a product is recognised again: by SKU when there is one ('sku:ABC-1', case ignored: imported
 * codes such as the Online Retail data's "85123a"/"85123A" name one item), else by its folded name
 * ('name:green tea'), so "Green  Tea" and "green tea" are one product.
 */
export function productIdentityKey(sku: string | null | undefined, name: string): string {
  const code = sku ? tidy(sku) : '';
  return code !== '' ? `sku:${code.toUpperCase()}` : `name:${tidy(name).toLowerCase()}`;
}

/** Search keys like customers.search_text: name, its pinyin and initials, and the SKU, space-padded. */
export function productSearchText(sku: string | null | undefined, name: string): string {
  const code = sku ? tidy(sku).toLowerCase() : '';
  const keys = [...searchKeys(tidy(name)), ...(code !== '' ? [code, code.replace(/\s+/g, '')] : [])];
  return ` ${[...new Set(keys)].join(' ')} `;
}

/** True when `a` is a later sale than `b`; on the same day the one recorded later (a) wins. */
const isNewer = (a: string, b: string | null) => b === null || a >= b;

interface Wanted {
  key: string;
  sku: string | null;
  name: string;
  sale: NonNullable<ProductSighting['sale']> | null;
}

/** Folds sightings into one wish per product: the newest sale's name, SKU spelling and price win. */
function foldSightings(sightings: readonly ProductSighting[]): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  for (const s of sightings) {
    const name = tidy(s.name);
    if (name === '') continue;
    const sku = s.sku && tidy(s.sku) !== '' ? tidy(s.sku) : null;
    const key = productIdentityKey(sku, name);
    const sale = s.sale ?? null;
    const seen = wanted.get(key);
    if (!seen) wanted.set(key, { key, sku, name, sale });
    else if (sale && isNewer(sale.soldOn, seen.sale?.soldOn ?? null)) wanted.set(key, { key, sku, name, sale });
  }
  return wanted;
}

// Below SQLite's bound-parameter limit, with room to spare.
const CHUNK = 500;

function liveByKeys(db: Db, keys: readonly string[]): Map<string, ProductRecord> {
  const found = new Map<string, ProductRecord>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = db
      .select()
      .from(products)
      .where(and(inArray(products.identityKey, keys.slice(i, i + CHUNK)), isNull(products.deletedAt)))
      .all();
    for (const row of rows) found.set(row.identityKey, row);
  }
  return found;
}

/**
 * Makes every product these lines name known, and moves a product's last price, currency and sale date
 * (and its name, which may have been corrected since) forward only when the sighting's sale is at least
 * as recent as the one on record: entering an old invoice never overwrites today's price.
 *
 * Runs no transaction of its own, so an importer can call it inside the transaction that writes its
 * orders. Returns the product id for every identity key named (see productIdentityKey).
 */
export function upsertProducts(db: Db, sightings: readonly ProductSighting[], ctx: ProductWriteContext): Map<string, string> {
  const wanted = foldSightings(sightings);
  const existing = liveByKeys(db, [...wanted.keys()]);
  const ids = new Map<string, string>();
  for (const w of wanted.values()) {
    const row = existing.get(w.key);
    if (!row) {
      const id = ctx.newId();
      db.insert(products)
        .values({
          id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          identityKey: w.key,
          sku: w.sku,
          name: w.name,
          searchText: productSearchText(w.sku, w.name),
          lastUnitPriceMinor: w.sale?.unitPriceMinor ?? null,
          lastCurrency: w.sale?.currency ?? null,
          lastSoldOn: w.sale?.soldOn ?? null,
        })
        .run();
      ids.set(w.key, id);
      continue;
    }
    ids.set(w.key, row.id);
    if (!w.sale || !isNewer(w.sale.soldOn, row.lastSoldOn)) continue;
    const unchanged =
      row.name === w.name && row.sku === w.sku && row.lastUnitPriceMinor === w.sale.unitPriceMinor && row.lastCurrency === w.sale.currency && row.lastSoldOn === w.sale.soldOn;
    if (unchanged) continue;
    db.update(products)
      .set({
        name: w.name,
        sku: w.sku,
        searchText: productSearchText(w.sku, w.name),
        lastUnitPriceMinor: w.sale.unitPriceMinor,
        lastCurrency: w.sale.currency,
        lastSoldOn: w.sale.soldOn,
        updatedAt: ctx.now,
      })
      .where(sql`${products.id} = ${row.id}`)
      .run();
  }
  return ids;
}

/** The one-line form of upsertProducts: the product id for this line's product. */
export function upsertProduct(db: Db, sighting: ProductSighting, ctx: ProductWriteContext): string {
  const ids = upsertProducts(db, [sighting], ctx);
  const id = ids.get(productIdentityKey(sighting.sku, sighting.name));
  if (!id) throw new Error('A product needs a name that is not blank');
  return id;
}

/**
 * Live products whose name, pinyin, initials or SKU contain the query ("lj" finds 龙井, "85123" a SKU),
 * most recently sold first; an empty query lists the most recently sold.
 */
export function searchProducts(db: Db, query: string, limit: number): ProductRecord[] {
  const key = normalizeQuery(query.normalize('NFKC'));
  // Products are not keyed again when the keys gain a form (their search_text travels with team sync, and a
  // laptop re-keying them would send every one): one keyed before the Traditional→Simplified folding holds
  // only its name as typed, so the query as typed is looked for too.
  const typed = query.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const keys = key === '' ? [] : [...new Set([key, typed])];
  return db
    .select()
    .from(products)
    .where(
      and(
        isNull(products.deletedAt),
        keys.length === 0 ? undefined : sql`(${sql.join(keys.map((k) => sql`${products.searchText} LIKE ${likeContaining(k)} ESCAPE '\\'`), sql` OR `)})`,
      ),
    )
    .orderBy(sql`${products.lastSoldOn} IS NULL`, sql`${products.lastSoldOn} DESC`, asc(products.name), asc(products.id))
    .limit(limit)
    .all();
}

/**
 * Puts each product's last price, currency and sale date back to its latest live sale line (the latest order
 * date, then the latest written), or to none: after a sale is deleted, restored or edited, or an import is
 * undone, the price on record may have come from a sale that no longer counts (an undone import's 99 EUR stood
 * as the scarf's price). A product with no live sale keeps its name and loses its price. Returns how many changed.
 */
export function refreshProductsLastSale(client: Database.Database, productIds: Iterable<string>, now: string): number {
  const latest = client.prepare(
    `SELECT l.unit_price_minor AS price, o.currency AS currency, o.order_date AS soldOn
     FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE l.product_id = ? AND o.deleted_at IS NULL AND o.kind = 'sale'
     ORDER BY o.order_date DESC, o.created_at DESC, o.id DESC LIMIT 1`,
  );
  const current = client.prepare(`SELECT last_unit_price_minor AS price, last_currency AS currency, last_sold_on AS soldOn FROM products WHERE id = ? AND deleted_at IS NULL`);
  const write = client.prepare(`UPDATE products SET last_unit_price_minor = ?, last_currency = ?, last_sold_on = ?, updated_at = ? WHERE id = ?`);
  type LastSale = { price: number | null; currency: string | null; soldOn: string | null };
  let changed = 0;
  for (const id of new Set(productIds)) {
    const onRecord = current.get(id) as LastSale | undefined;
    if (!onRecord) continue;
    const sale = (latest.get(id) as LastSale | undefined) ?? { price: null, currency: null, soldOn: null };
    if (sale.price === onRecord.price && sale.currency === onRecord.currency && sale.soldOn === onRecord.soldOn) continue;
    write.run(sale.price, sale.currency, sale.soldOn, now, id);
    changed++;
  }
  return changed;
}

/** The products named on an order's lines. */
export function productIdsOfOrder(client: Database.Database, orderId: string): string[] {
  return client.prepare(`SELECT DISTINCT product_id FROM order_lines WHERE order_id = ? AND product_id IS NOT NULL`).pluck().all(orderId) as string[];
}
