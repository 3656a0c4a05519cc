import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { overpaidOrders } from '../../db/repos/order-payments';
import { minorToDecimal } from '../../shared/domain/money';
import type { TeamConflict } from '../../shared/contract/team';

/** The field an overpaid order is listed under; rows of it that a release before stored are not read (listConflicts). */
export const OVERPAID_FIELD = (orderId: string) => `orders:${orderId}.payments`;

/**
 * Orders whose live payments pass what they owed after returns, listed with the customer's conflicts (Settings → Team,
 * the customer's history) as field `orders:<id>.payments`: the amount over as the value kept, with who recorded the
 * latest payment and when, and what was owed after returns as the value passed, with who set it (the latest return,
 * else the order's last edit). Two laptops that each took the whole balance, or a return recorded after the payments —
 * on this laptop or another, before or after they synced — end here alike.
 *
 * Read from the rows as they stand rather than stored when a batch arrives: a return or payment recorded here, one
 * arriving by sync, or one deleted again all change the list at once, so laptops holding the same rows list the same
 * orders with the same amounts, whatever order the documents came in. `resolvedAt` is when the later side was
 * recorded, the same on every laptop.
 */
export function overpaidConflicts(client: Database.Database, customerId?: string): TeamConflict[] {
  const customerName = client.prepare(`SELECT name FROM customers WHERE id = ?`).pluck();
  return overpaidOrders(client, customerId).map((o) => {
    const money = (minor: number) => `${minorToDecimal(minor, o.currency)} ${o.currency}`;
    return {
      id: createHash('sha256').update(`${OVERPAID_FIELD(o.orderId)}\u0000overpaid`).digest('hex').slice(0, 32),
      customerId: o.customerId,
      customerName: (customerName.get(o.customerId) as string | undefined) ?? null,
      field: OVERPAID_FIELD(o.orderId),
      keptValue: money(o.overMinor),
      overwrittenValue: money(o.owedMinor),
      keptBy: o.paidBy,
      overwrittenBy: o.owedBy,
      keptAt: o.paidAt,
      overwrittenAt: o.owedAt,
      resolvedAt: o.paidAt > o.owedAt ? o.paidAt : o.owedAt,
    };
  });
}
