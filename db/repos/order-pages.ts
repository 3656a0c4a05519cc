import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { orders } from '../schema';
import type { OrderFileLine } from '../../shared/contract/order-pages';
import type { OrderRecord } from './orders';

const liveOf = (customerId: string) => and(eq(orders.customerId, customerId), isNull(orders.deletedAt));

/** The page's query, apart so a test can ask SQLite how it runs it. */
export const liveOrdersPageQuery = (db: Db, customerId: string, offset: number, limit: number) =>
  db.select().from(orders).where(liveOf(customerId)).orderBy(desc(orders.orderDate), desc(orders.id)).limit(limit).offset(offset);

/**
 * One page of a customer's live orders and returns, the latest first: by date, then by id, which is time-ordered
 * (the order they were entered in), as the orders tab has always listed them. The index on (customer, date) finds
 * the customer's rows; only a day's ties are sorted apart.
 */
export function liveOrdersPage(db: Db, customerId: string, offset: number, limit: number): { rows: OrderRecord[]; total: number } {
  const rows = liveOrdersPageQuery(db, customerId, offset, limit).all();
  const total = db.select({ n: sql<number>`count(*)` }).from(orders).where(liveOf(customerId)).get()?.n ?? 0;
  return { rows, total };
}

export interface OrderFigures {
  sales: number;
  rows: number;
  revenueBaseMinor: number;
  lastSaleDate: string | null;
  usualCurrency: string | null;
  otherCurrencies: boolean;
}

/** What the file says of all a customer's live orders, added up here rather than from the rows a page loaded. */
export function orderFigures(db: Db, customerId: string, today: string): OrderFigures {
  const totals = db.get<{ sales: number; rows: number; revenueBaseMinor: number; lastSaleDate: string | null; otherCurrencies: number }>(sql`
    SELECT coalesce(sum(o.kind = 'sale'), 0) AS sales, count(*) AS rows, coalesce(sum(o.base_amount_minor), 0) AS revenueBaseMinor,
      max(CASE WHEN o.kind = 'sale' AND o.order_date <= ${today} THEN o.order_date END) AS lastSaleDate,
      coalesce(max(o.currency <> o.base_currency), 0) AS otherCurrencies
    FROM orders o
    WHERE o.customer_id = ${customerId} AND o.deleted_at IS NULL`);
  // The latest order by date, then by when it was entered: the currency the customer usually pays in now.
  const latest = db.select({ currency: orders.currency }).from(orders).where(liveOf(customerId)).orderBy(desc(orders.orderDate), desc(orders.createdAt), desc(orders.id)).limit(1).get();
  return {
    sales: totals.sales,
    rows: totals.rows,
    revenueBaseMinor: totals.revenueBaseMinor,
    lastSaleDate: totals.lastSaleDate,
    usualCurrency: latest?.currency ?? null,
    otherCurrencies: totals.otherCurrencies === 1,
  };
}

/**
 * One page of the lines of a customer's live orders: the latest order first, as the orders tab lists them, and
 * each order's lines in their own order (two laptops can each add one at the same position: the id orders those alike
 * everywhere, and keeps each on one page). An order without lines has no row here.
 */
export function liveOrderLinesPage(db: Db, customerId: string, offset: number, limit: number): { lines: OrderFileLine[]; total: number } {
  const lines = db.all<OrderFileLine>(sql`
    SELECT l.id AS id, l.position AS position, l.product_id AS productId, l.sku AS sku, l.name AS name, l.quantity AS quantity,
      l.unit_price_minor AS unitPriceMinor, l.amount_minor AS amountMinor,
      o.id AS orderId, o.order_date AS orderDate, o.order_number AS orderNumber, o.currency AS currency
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE o.customer_id = ${customerId} AND o.deleted_at IS NULL
    ORDER BY o.order_date DESC, o.id DESC, l.position, l.id
    LIMIT ${limit} OFFSET ${offset}`);
  const total =
    db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.customer_id = ${customerId} AND o.deleted_at IS NULL`)?.n ?? 0;
  return { lines, total };
}
