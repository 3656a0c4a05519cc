import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { TeamConflict } from '../../shared/contract/team';
import type { FieldConflict } from './document';
import { hlcToIso } from './hlc';
import { overpaidConflicts } from './overpaid-conflicts';
import { readSyncState } from './state';
import { minorToDecimal } from '../../shared/domain/money';

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** The columns of an order line a person types (the others follow from them or from the order): listed when two edits met. */
const LINE_FIELDS: ReadonlySet<string> = new Set(['name', 'sku', 'quantity', 'unit_price_minor', 'cost_minor']);
const LINE_MONEY: ReadonlySet<string> = new Set(['unit_price_minor', 'cost_minor']);

/**
 * Keeps the conflicts a sync resolved, once each (the same pair can be met again when another laptop's merge
 * arrives), for the Team screen and the customer's history: a customer's profile fields, and an order line's typed
 * fields (field `order_lines:<id>.<column>`, with the customer of its order, each value named by the line's product and
 * a price in the order's currency), so the edit of one line that lost to another laptop's can be seen.
 */
export function recordConflicts(client: Database.Database, conflicts: FieldConflict[], resolvedAt: string): number {
  const insert = client.prepare(
    `INSERT INTO sync_conflicts (id, customer_id, field, kept_value, overwritten_value, kept_by, overwritten_by, kept_at, overwritten_at, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const lineOf = client.prepare(`SELECT o.customer_id AS customerId, o.currency, l.name FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = ?`);
  let recorded = 0;
  for (const c of conflicts) {
    const [table, rowId] = [c.docId.slice(0, c.docId.indexOf(':')), c.docId.slice(c.docId.indexOf(':') + 1)];
    let customerId: string;
    let show = text;
    if (table === 'customers') customerId = rowId;
    else if (table === 'order_lines' && LINE_FIELDS.has(c.field)) {
      // A line deleted since has nothing left to show.
      const line = lineOf.get(rowId) as { customerId: string; currency: string; name: string } | undefined;
      if (!line) continue;
      customerId = line.customerId;
      const money = LINE_MONEY.has(c.field);
      show = (v) => (v === null || v === undefined ? null : `${line.name}: ${money && typeof v === 'number' ? `${minorToDecimal(v, line.currency)} ${line.currency}` : String(v)}`);
    } else continue;
    const field = table === 'customers' ? c.field : `${c.docId}.${c.field}`;
    const id = createHash('sha256').update(`${c.docId}\u0000${c.field}\u0000${c.kept.t}\u0000${c.overwritten.t}`).digest('hex').slice(0, 32);
    const result = insert.run(id, customerId, field, show(c.kept.v), show(c.overwritten.v), c.kept.by, c.overwritten.by, hlcToIso(c.kept.t), hlcToIso(c.overwritten.t), resolvedAt);
    recorded += result.changes;
  }
  return recorded;
}

/**
 * The conflicts a sync resolved, latest first, with the orders whose payments pass what they owed after returns while
 * this laptop is in a team (read from the rows as they stand: overpaid-conflicts.ts). Rows of those that a release
 * before stored when payments arrived are left out: the list reads the order as it is now.
 */
export function listConflicts(client: Database.Database, limit: number, customerId?: string): TeamConflict[] {
  const stored = client
    .prepare(
      `SELECT c.id, c.customer_id AS customerId, cu.name AS customerName, c.field, c.kept_value AS keptValue, c.overwritten_value AS overwrittenValue,
              c.kept_by AS keptBy, c.overwritten_by AS overwrittenBy, c.kept_at AS keptAt, c.overwritten_at AS overwrittenAt, c.resolved_at AS resolvedAt
       FROM sync_conflicts c LEFT JOIN customers cu ON cu.id = c.customer_id
       WHERE (? IS NULL OR c.customer_id = ?) AND c.field NOT LIKE 'orders:%.payments'
       ORDER BY c.resolved_at DESC, c.id LIMIT ?`,
    )
    .all(customerId ?? null, customerId ?? null, limit) as TeamConflict[];
  if (readSyncState(client).serverUrl === null) return stored;
  const byLatest = (x: TeamConflict, y: TeamConflict) => (x.resolvedAt === y.resolvedAt ? (x.id < y.id ? -1 : 1) : x.resolvedAt > y.resolvedAt ? -1 : 1);
  return [...stored, ...overpaidConflicts(client, customerId)].sort(byLatest).slice(0, limit);
}

/** A sale another laptop deleted, brought back because a return stands against it (core/sync/settle.ts). */
export interface RestoredSale {
  saleId: string;
  customerId: string;
  deletedAt: string;
  deletedBy: string | null;
  returnedBy: string | null;
  returnedAt: string;
}

/** One restore of a sale, named by the sale and the delete it undid: the same on every laptop that makes or receives it. */
function restoreKey(saleId: string, deletedAt: string): string {
  return createHash('sha256').update(`orders:${saleId}\u0000deleted_at\u0000${deletedAt}`).digest('hex').slice(0, 32);
}

/** The id of the restore's record that the team shares (restored_sales), in the form of a row id. */
export function restoredSaleId(saleId: string, deletedAt: string): string {
  const key = restoreKey(saleId, deletedAt);
  return `${key.slice(0, 8)}-${key.slice(8, 12)}-${key.slice(12, 16)}-${key.slice(16, 20)}-${key.slice(20, 32)}`;
}

/**
 * Lists the restore with the customer's conflicts: field `orders:<sale id>.deleted_at`, the value kept (none:
 * the sale counts again, by whoever recorded the return) and the delete it undid. Recorded once per delete, by the
 * laptop that brought the sale back and by every laptop that receives its record. `asRecorded`: the restore as the
 * team's record of it now says, replacing how it was listed (two laptops bringing back the same sale each before
 * seeing the other's write one record, whose fields settle as any row's do; listed as each laptop made it, who
 * recorded the return could differ between laptops).
 */
export function recordRestoredSale(client: Database.Database, restored: RestoredSale, resolvedAt: string, asRecorded = false): number {
  const docId = `orders:${restored.saleId}`;
  const id = restoreKey(restored.saleId, restored.deletedAt);
  const onConflict = asRecorded
    ? `DO UPDATE SET customer_id = excluded.customer_id, kept_by = excluded.kept_by, overwritten_by = excluded.overwritten_by, kept_at = excluded.kept_at`
    : 'DO NOTHING';
  return client
    .prepare(
      `INSERT INTO sync_conflicts (id, customer_id, field, kept_value, overwritten_value, kept_by, overwritten_by, kept_at, overwritten_at, resolved_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) ${onConflict}`,
    )
    .run(id, restored.customerId, `${docId}.deleted_at`, restored.deletedAt, restored.returnedBy, restored.deletedBy, restored.returnedAt, restored.deletedAt, resolvedAt).changes;
}
