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

/** An order's payments, latest first, and how far the live ones pass what its terms left unpaid (0 when they do not). */
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
 * What the live payments of an order pass its terms by: two laptops each recorded a payment of what was owed before
 * they synced. The payments stand (the money was received) and the order owes 0; this is the amount to give back or
 * to carry to another order, said in the payment dialog and in the Team screen's list.
 */
export function overpaidMinor(client: Database.Database, orderId: string): number {
  return client
    .prepare(
      `SELECT max(0, coalesce((SELECT sum(p.amount_minor) FROM order_payments p WHERE p.order_id = o.id AND ${livePayment('p', 'o')}), 0)
                     - CASE WHEN o.kind = 'sale' THEN min(o.terms_unpaid_minor, max(o.amount_minor, 0)) ELSE 0 END)
       FROM orders o WHERE o.id = ?`,
    )
    .pluck()
    .get(orderId) as number | undefined ?? 0;
}
