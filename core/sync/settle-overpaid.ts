import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { livePayment } from '../../db/order-unpaid-sql';
import { overpaidMinor } from '../../db/repos/order-payments';
import { minorToDecimal } from '../../shared/domain/money';
import type { AppliedRow } from './settle';

/**
 * Payments recorded on two laptops before they synced can pass what the order owed (each took the whole balance).
 * The payments stand — the money was received — and the order owes 0 (db/order-unpaid-sql.ts); what is over is listed
 * with the customer's conflicts on every laptop that applies the payments that pass it (Settings → Team, the customer's
 * history), as field `orders:<id>.payments`: the amount over as the value kept, with who recorded the latest payment and
 * when, and what the order's terms left owed as the value it went past. Named by the order and its live payments, so
 * each such state is listed once on a laptop, however often the rows arrive again.
 */
export function listOverpaidOrders(client: Database.Database, applied: AppliedRow[], resolvedAt: string): void {
  const orderIds = new Set<string>();
  for (const { table, values } of applied) if (table === 'order_payments' && values.deleted_at === null) orderIds.add(String(values.order_id));
  if (orderIds.size === 0) return;
  const order = client.prepare(`SELECT customer_id AS customerId, currency, terms_unpaid_minor AS terms, updated_by AS updatedBy, updated_at AS updatedAt FROM orders WHERE id = ?`);
  const payments = client.prepare(
    `SELECT p.id, p.recorded_by AS recordedBy, p.created_at AS createdAt FROM order_payments p JOIN orders o ON o.id = p.order_id
     WHERE p.order_id = ? AND ${livePayment('p', 'o')} ORDER BY p.created_at, p.id`,
  );
  const insert = client.prepare(
    `INSERT INTO sync_conflicts (id, customer_id, field, kept_value, overwritten_value, kept_by, overwritten_by, kept_at, overwritten_at, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  for (const orderId of orderIds) {
    const over = overpaidMinor(client, orderId);
    const o = order.get(orderId) as { customerId: string; currency: string; terms: number; updatedBy: string | null; updatedAt: string } | undefined;
    if (over === 0 || !o) continue;
    const live = payments.all(orderId) as { id: string; recordedBy: string | null; createdAt: string }[];
    const latest = live[live.length - 1]!;
    const id = createHash('sha256').update(`orders:${orderId}\u0000payments\u0000${live.map((p) => p.id).join(',')}`).digest('hex').slice(0, 32);
    const money = (minor: number) => `${minorToDecimal(minor, o.currency)} ${o.currency}`;
    insert.run(id, o.customerId, `orders:${orderId}.payments`, money(over), money(o.terms), latest.recordedBy, o.updatedBy, latest.createdAt, o.updatedAt, resolvedAt);
  }
}
