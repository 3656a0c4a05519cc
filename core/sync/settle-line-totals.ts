import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { refreshCustomerStats } from '../../db/repos/customers';
import { convertMinor, isStorableMinor } from '../../shared/domain/money';
import { lineAmountMinor } from '../../shared/domain/order-lines';
import type { SyncDoc } from './document';

interface Differing {
  id: string;
  customerId: string;
  kind: 'sale' | 'return';
  currency: string;
  fxRate: number;
  baseCurrency: string;
  unpaidMinor: number;
  linesMinor: number;
}

/**
 * An order with lines is worth the sum of its lines, each line its quantity at its price; on one laptop every edit
 * keeps it so (core/orders/pricing.ts). Two laptops editing one order's lines offline each write the amount of their
 * own lines, and the lines merge line by line (db/repos/order-lines.ts), so after a round has applied what arrived,
 * each order whose lines changed is set to the sum of the lines it has now (each line first made whole:
 * settleLineAmounts), with its base amount at its locked rate. Run once the round's batches are all applied, not per
 * batch, so a big order whose lines straddle two batches is not settled half-way.
 *
 * It is an ordinary local edit (the triggers enqueue it and name this laptop's person), stamped by the pump after
 * every stamp this laptop has seen. Every laptop ends with the same lines, so each writes the same amount: an amount
 * one wrote from the lines it had then is overtaken by the one it writes once the rest arrive. What the order owes
 * follows its terms, never above the new amount (db/order-unpaid-sql.ts). Returns how many lines and orders it set.
 */
export function settleLineTotals(db: Db, orderIds: ReadonlySet<string>, now: string): number {
  if (orderIds.size === 0) return 0;
  const client = db.$client;
  return client.transaction(() => {
    const lines = settleLineAmounts(client, orderIds);
    // One query for all of them (a laptop joining a team applies hundreds of thousands of lines): the orders the lines
    // no longer add up to.
    const differing = client
      .prepare(
        `SELECT o.id, o.customer_id AS customerId, o.kind, o.currency, o.fx_rate AS fxRate, o.base_currency AS baseCurrency,
                o.unpaid_minor AS unpaidMinor, l.linesMinor
         FROM (SELECT order_id, sum(amount_minor) AS linesMinor FROM order_lines
               WHERE order_id IN (SELECT value FROM json_each(?)) GROUP BY order_id) AS l
         JOIN orders o ON o.id = l.order_id
         WHERE o.amount_minor <> l.linesMinor ORDER BY o.id`,
      )
      .all(JSON.stringify([...orderIds])) as Differing[];
    // What is owed is put within the new amount in the same statement (orders_unpaid_range); the triggers derive it again.
    const write = client.prepare(`UPDATE orders SET amount_minor = ?, base_amount_minor = ?, unpaid_minor = ?, updated_at = ? WHERE id = ?`);
    const customers = new Set<string>();
    let orders = 0;
    for (const o of differing) {
      // A sale's lines are goods sold, a return's goods back (orders_amount_sign): lines of the other sign make no total.
      if (o.kind === 'sale' ? o.linesMinor < 0 : o.linesMinor > 0) continue;
      const baseMinor = convertMinor(o.linesMinor, o.currency, o.fxRate, o.baseCurrency);
      if (!isStorableMinor(o.linesMinor) || !isStorableMinor(baseMinor)) continue;
      write.run(o.linesMinor, baseMinor, Math.min(o.unpaidMinor, Math.max(o.linesMinor, 0)), now, o.id);
      customers.add(o.customerId);
      orders++;
    }
    for (const id of customers) refreshCustomerStats(db, id);
    return lines + orders;
  })();
}

/**
 * A line's fields merge one by one like any row's (core/sync/document.ts): a quantity changed on one laptop and a
 * price on another both stand. The amount then came from one of the two edits and is neither's quantity at the price
 * the line has now; it is set to the quantity at the price (lineAmountMinor, as the order form prices a line), as a
 * local edit. Told apart by the stamps of the line's last synced state (sync_docs): a quantity or price newer than the
 * amount the last amount edit replaced, and not written by that edit, was not seen by it. A line that one edit wrote
 * whole (an imported line with the amount its file stated, say) is left as it is. Returns how many lines it set.
 */
function settleLineAmounts(client: Database.Database, orderIds: ReadonlySet<string>): number {
  const lines = client
    .prepare(
      `SELECT l.id, l.quantity, l.unit_price_minor AS priceMinor, l.amount_minor AS amountMinor, d.body
       FROM order_lines l JOIN sync_docs d ON d.doc_id = 'order_lines:' || l.id
       WHERE l.order_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...orderIds])) as { id: string; quantity: number; priceMinor: number; amountMinor: number; body: string }[];
  const write = client.prepare(`UPDATE order_lines SET amount_minor = ? WHERE id = ?`);
  let set = 0;
  for (const line of lines) {
    const { quantity, unit_price_minor: price, amount_minor: amount } = (JSON.parse(line.body) as SyncDoc).fields;
    if (!quantity || !price || !amount) continue;
    // A row edited here since it synced was priced whole by that edit.
    if (quantity.v !== line.quantity || price.v !== line.priceMinor || amount.v !== line.amountMinor) continue;
    if (![quantity, price].some((f) => f.t !== amount.t && f.t > amount.b)) continue;
    const priced = lineAmountMinor(line.quantity, line.priceMinor);
    if (priced === line.amountMinor || !isStorableMinor(priced)) continue;
    write.run(priced, line.id);
    set++;
  }
  return set;
}
