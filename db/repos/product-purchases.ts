import type Database from 'better-sqlite3';

/** One customer's net purchases of one product: sales less returns, over live orders. */
export interface NetPurchase {
  customerId: string;
  productId: string;
  name: string;
  sku: string | null;
  /** Units bought less units returned. */
  quantity: number;
  /** Line amounts less returned ones, in base-currency minor units (each line at its order's locked rate). */
  amountBaseMinor: number;
  /** Sale orders with a line of the product. */
  orders: number;
  /** The latest order date with a sold (positive) line of the product; null if only returns. */
  lastBought: string | null;
}

/**
 * Net purchases per customer and product, for the given customers (all when null). A line's base amount
 * is its share of the order's base amount, so lines convert at the order's locked rate and add up to it
 * exactly. Lines of deleted orders (undone imports, deleted orders) never count.
 */
export function netPurchases(client: Database.Database, customerIds: readonly string[] | null): NetPurchase[] {
  const only = customerIds === null ? '' : `AND o.customer_id IN (SELECT value FROM json_each(@ids))`;
  return client
    .prepare(
      `SELECT o.customer_id AS customerId, l.product_id AS productId, p.name, p.sku, sum(l.quantity) AS quantity,
              round(sum(CASE WHEN o.amount_minor = 0 THEN 0 ELSE l.amount_minor * 1.0 * o.base_amount_minor / o.amount_minor END)) AS amountBaseMinor,
              count(DISTINCT CASE WHEN l.quantity > 0 THEN o.id END) AS orders, max(CASE WHEN l.quantity > 0 THEN o.order_date END) AS lastBought
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
       WHERE o.deleted_at IS NULL ${only}
       GROUP BY o.customer_id, l.product_id`,
    )
    .all(customerIds === null ? {} : { ids: JSON.stringify(customerIds) }) as NetPurchase[];
}
