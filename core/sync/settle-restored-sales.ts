import type Database from 'better-sqlite3';
import { insertRestoredSale } from '../../db/repos/restored-sales';
import { orderNumberKey } from '../../shared/domain/order-number';
import { recordRestoredSale, restoredSaleId } from './conflicts';
import { localEdit, localInsert } from './local-edit';
import { readShadow } from './rows';
import type { AppliedRow } from './settle';

/**
 * A deleted sale with a live return comes back: the return stands for goods that came back from a sale, so the
 * sale counts again and the customer's figures are the sale minus the return. Every laptop that applies both ends
 * with the sale live. The restore is listed with the customer's conflicts, and recorded for the team
 * (restored_sales) so that every laptop lists it, the one whose user deleted the sale too. Returns the sales
 * brought back.
 */
export function restoreReturnedSales(client: Database.Database, applied: AppliedRow[], now: string, userName: string | null, customers: Set<string>): string[] {
  const saleIds = new Set<string>();
  for (const { table, values } of applied) {
    if (table !== 'orders') continue;
    if (values.kind === 'sale') saleIds.add(String(values.id));
    else if (typeof values.return_of_order_id === 'string' && values.deleted_at === null) saleIds.add(values.return_of_order_id);
  }
  const deletedSale = client.prepare(
    `SELECT s.id, s.customer_id AS customerId, s.deleted_at AS deletedAt, s.order_number AS orderNumber, s.updated_by AS updatedBy,
            r.created_by AS returnedBy, r.created_at AS returnedAt
     FROM orders s JOIN orders r ON r.return_of_order_id = s.id AND r.deleted_at IS NULL
     WHERE s.id = ? AND s.kind = 'sale' AND s.deleted_at IS NOT NULL
     ORDER BY r.created_at, r.id LIMIT 1`,
  );
  // Compared as numbers are (orderNumberKey): another live order holding inv-1 holds INV-1.
  const numberHeld = client.prepare(`SELECT 1 FROM orders WHERE order_number_key = ? AND deleted_at IS NULL AND id <> ?`);
  const restored: string[] = [];
  for (const id of [...saleIds].sort()) {
    const sale = deletedSale.get(id) as
      | { id: string; customerId: string; deletedAt: string; orderNumber: string | null; updatedBy: string | null; returnedBy: string | null; returnedAt: string }
      | undefined;
    if (!sale) continue;
    const set: Record<string, string | null> = { deleted_at: null };
    // Its number was given to another live order meanwhile: renumbered as a unique collision is (apply.ts), so no order is lost.
    if (sale.orderNumber !== null && numberHeld.get(orderNumberKey(sale.orderNumber), sale.id)) {
      set.order_number = `${sale.orderNumber}-${sale.id.slice(-6)}`;
      set.order_number_key = orderNumberKey(set.order_number);
    }
    const deleteField = readShadow(client, `orders:${sale.id}`)?.fields.deleted_at;
    const deletedBy = deleteField && deleteField.v === sale.deletedAt ? deleteField.by : sale.updatedBy;
    localEdit(client, 'orders', sale.id, set, now, userName);
    const record = { id: restoredSaleId(sale.id, sale.deletedAt), orderId: sale.id, customerId: sale.customerId, saleDeletedAt: sale.deletedAt, deletedBy, returnedBy: sale.returnedBy, returnedAt: sale.returnedAt };
    if (insertRestoredSale(client, record, now)) localInsert(client, 'restored_sales', record.id, now);
    recordRestoredSale(client, { saleId: sale.id, customerId: sale.customerId, deletedAt: sale.deletedAt, deletedBy, returnedBy: sale.returnedBy, returnedAt: sale.returnedAt }, now);
    customers.add(sale.customerId);
    restored.push(sale.id);
  }
  return restored;
}

/** A restore another laptop made (or the same one, made here too) is listed here as well, once, as its record now says. */
export function listReceivedRestores(client: Database.Database, applied: AppliedRow[], now: string): void {
  for (const { table, values } of applied) {
    if (table !== 'restored_sales' || values.deleted_at !== null) continue;
    recordRestoredSale(
      client,
      {
        saleId: String(values.order_id),
        customerId: String(values.customer_id),
        deletedAt: String(values.sale_deleted_at),
        deletedBy: values.deleted_by === null ? null : String(values.deleted_by),
        returnedBy: values.returned_by === null ? null : String(values.returned_by),
        returnedAt: String(values.returned_at),
      },
      now,
      true,
    );
  }
}
