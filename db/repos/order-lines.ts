import type { Db } from '../open';
import { productIdentityKey } from './products';

/** One line as an edit states it (its position is its place in the list). */
export interface OrderLineValues {
  productId: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
  costMinor?: number | null;
}

interface StoredLine {
  id: string;
  position: number;
  product_id: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unit_price_minor: number;
  amount_minor: number;
  cost_minor: number | null;
}

/**
 * Writes an order's lines as an edit states them. A line of the same product (productIdentityKey: its SKU, else its
 * name) as one the order had keeps that line's id, and only what changed in it is written; the lines no longer named
 * are deleted, the new ones inserted. So a team merges two laptops' edits of one order line by line (docs/team.md,
 * Merge rules): a line added on each survives, and the same line changed on both settles field by field, as any
 * row does. Replacing every line under new ids, as before, made two such edits each other's conflict.
 */
export function writeOrderLines(db: Db, orderId: string, lines: readonly OrderLineValues[], newId: () => string): void {
  const client = db.$client;
  const before = client.prepare(`SELECT * FROM order_lines WHERE order_id = ? ORDER BY position, id`).all(orderId) as StoredLine[];
  const unclaimed = new Map<string, StoredLine[]>();
  for (const line of before) {
    const key = productIdentityKey(line.sku, line.name);
    unclaimed.set(key, [...(unclaimed.get(key) ?? []), line]);
  }
  const update = client.prepare(
    `UPDATE order_lines SET position = ?, product_id = ?, sku = ?, name = ?, quantity = ?, unit_price_minor = ?, amount_minor = ?, cost_minor = ? WHERE id = ?`,
  );
  const insert = client.prepare(
    `INSERT INTO order_lines (id, order_id, position, product_id, sku, name, quantity, unit_price_minor, amount_minor, cost_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const kept = new Set<string>();
  const writes: (() => void)[] = [];
  for (const [position, line] of lines.entries()) {
    const values = [position, line.productId, line.sku, line.name, line.quantity, line.unitPriceMinor, line.amountMinor, line.costMinor ?? null] as const;
    const same = unclaimed.get(productIdentityKey(line.sku, line.name))?.shift();
    if (!same) {
      writes.push(() => insert.run(newId(), orderId, ...values));
      continue;
    }
    kept.add(same.id);
    const stored = [same.position, same.product_id, same.sku, same.name, same.quantity, same.unit_price_minor, same.amount_minor, same.cost_minor];
    if (values.some((v, i) => v !== stored[i])) writes.push(() => update.run(...values, same.id));
  }
  // The lines gone first: a laptop of the release before, which keeps one line per position, then takes the others in turn.
  const remove = client.prepare(`DELETE FROM order_lines WHERE id = ?`);
  for (const line of before) if (!kept.has(line.id)) remove.run(line.id);
  for (const write of writes) write();
}
