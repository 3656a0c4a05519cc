import type Database from 'better-sqlite3';
import { livePayment } from '../order-unpaid-sql';

/**
 * Payments received on an order, one row each (order_payments). What the order still owes is derived from its terms
 * less its live payments by triggers (db/order-unpaid-sql.ts), so these functions write payments and nothing else.
 */

export interface NewPayment {
  orderId: string;
  amountMinor: number;
  paidOn: string;
  now: string;
  newId: () => string;
}

/** Records one payment, named by this laptop's person when it has one (a team member). */
export function recordPayment(client: Database.Database, p: NewPayment): string {
  const id = p.newId();
  client
    .prepare(
      `INSERT INTO order_payments (id, created_at, updated_at, order_id, amount_minor, paid_on, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, (SELECT user_name FROM sync_state WHERE id = 1))`,
    )
    .run(id, p.now, p.now, p.orderId, p.amountMinor, p.paidOn);
  return id;
}

/**
 * An edit of the order restated its payment, at `setAt` (written as the order's terms_set_at): the payments this laptop
 * knows are in what it says, so they stop subtracting while those terms stand (they stay listed). Those an earlier edit
 * closed are closed again by this one. One recorded on another laptop meanwhile is not here yet, and still counts.
 */
export function closePayments(client: Database.Database, orderId: string, setAt: string): void {
  client.prepare(`UPDATE order_payments SET closed_at = ?, updated_at = ? WHERE order_id = ? AND deleted_at IS NULL AND closed_at IS NOT ?`).run(setAt, setAt, orderId, setAt);
}

export interface PaymentRow {
  id: string;
  amountMinor: number;
  paidOn: string;
  recordedBy: string | null;
  /** When an edit of the order whose terms stand took it into them; null while it subtracts from them. */
  closedAt: string | null;
}

/** An order's payments, latest first, and how far the live ones pass what it owed after returns (0 when they do not). */
export function paymentsOf(client: Database.Database, orderId: string): { payments: PaymentRow[]; overpaidMinor: number } {
  const payments = client
    .prepare(
      `SELECT p.id, p.amount_minor AS amountMinor, p.paid_on AS paidOn, p.recorded_by AS recordedBy,
              CASE WHEN ${livePayment('p', 'o')} THEN NULL ELSE p.closed_at END AS closedAt
       FROM order_payments p JOIN orders o ON o.id = p.order_id
       WHERE p.order_id = ? AND p.deleted_at IS NULL ORDER BY p.paid_on DESC, p.created_at DESC, p.id DESC`,
    )
    .all(orderId) as PaymentRow[];
  return { payments, overpaidMinor: overpaidMinor(client, orderId) };
}

/**
 * SQL: what sale `o` owed before any payment recorded as a row — what its own terms left unpaid (never past its amount;
 * a return owes nothing) less what was returned of it since, never below 0. A return beyond that debt was goods paid
 * for at the counter, refunded with them (docs/orders.md, Payments and the balance owed).
 */
const OWED_AFTER_RETURNS = `max(0, CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END
  + coalesce((SELECT sum(r.amount_minor) FROM orders r INDEXED BY orders_return_of WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL), 0))`;

/**
 * SQL: how far the live payments of order `o` pass what it owed after returns (0 when they do not): sale − returns −
 * payments below 0. Payments of 100 on a sale of 100 with 30 of it returned, in whichever order the return and the
 * payments came, or two laptops that each took the whole balance before they synced: the payments stand (the money was
 * received), the order owes 0, and this much is the customer's, to give back or to carry to another order.
 */
const OVERPAID = `max(0, coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND ${livePayment('p', 'o')}), 0) - ${OWED_AFTER_RETURNS})`;

/** What the live payments of one order pass what it owed after returns by: said in the payment dialog, the CLI and the Team screen's list. */
export function overpaidMinor(client: Database.Database, orderId: string): number {
  return (client.prepare(`SELECT ${OVERPAID} FROM orders o WHERE o.id = ?`).pluck().get(orderId) as number | undefined) ?? 0;
}

/** overpaidMinor of many orders at once, for the order lists: only those with a payment row can pass anything. */
export function overpaidByOrder(client: Database.Database, orderIds: readonly string[]): Map<string, number> {
  const over = new Map<string, number>();
  const query = client.prepare(
    `SELECT o.id AS id, ${OVERPAID} AS minor FROM json_each(?) j JOIN orders o ON o.id = j.value
     WHERE EXISTS (SELECT 1 FROM order_payments p WHERE p.order_id = o.id)`,
  );
  for (let i = 0; i < orderIds.length; i += 500) {
    for (const r of query.all(JSON.stringify(orderIds.slice(i, i + 500))) as { id: string; minor: number }[]) if (r.minor > 0) over.set(r.id, r.minor);
  }
  return over;
}

/** An order whose live payments pass what it owed after returns, with who brought each side to where it stands. */
export interface OverpaidOrder {
  orderId: string;
  customerId: string;
  currency: string;
  overMinor: number;
  /** What the order owed after returns: its terms less what was returned of it (OWED_AFTER_RETURNS). */
  owedMinor: number;
  /** The latest live payment: who recorded it and when. */
  paidBy: string | null;
  paidAt: string;
  /** Who set what was owed, and when: the latest live return of it, or else the order's last edit. */
  owedBy: string | null;
  owedAt: string;
}

/**
 * Every live order (of one customer, or all) whose live payments pass what it owed after returns, read from the rows
 * as they stand: laptops holding the same rows read the same list, whatever order they arrived in.
 */
export function overpaidOrders(client: Database.Database, customerId?: string): OverpaidOrder[] {
  return client
    .prepare(
      `SELECT * FROM (
         SELECT o.id AS orderId, o.customer_id AS customerId, o.currency, ${OVERPAID} AS overMinor, ${OWED_AFTER_RETURNS} AS owedMinor,
                lp.recorded_by AS paidBy, lp.created_at AS paidAt,
                coalesce(lr.created_at, o.updated_at) AS owedAt, CASE WHEN lr.id IS NULL THEN o.updated_by ELSE lr.created_by END AS owedBy
         FROM orders o
         JOIN order_payments lp ON lp.id = (SELECT p.id FROM order_payments p WHERE p.order_id = o.id AND ${livePayment('p', 'o')} ORDER BY p.created_at DESC, p.id DESC LIMIT 1)
         LEFT JOIN orders lr ON lr.id = (SELECT r.id FROM orders r INDEXED BY orders_return_of WHERE r.return_of_order_id = o.id AND r.deleted_at IS NULL ORDER BY r.created_at DESC, r.id DESC LIMIT 1)
         WHERE o.deleted_at IS NULL AND (? IS NULL OR o.customer_id = ?)
           AND o.id IN (SELECT p.order_id FROM order_payments p WHERE p.deleted_at IS NULL)
       ) WHERE overMinor > 0
       ORDER BY max(paidAt, owedAt) DESC, orderId`,
    )
    .all(customerId ?? null, customerId ?? null) as OverpaidOrder[];
}
