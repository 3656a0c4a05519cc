import type Database from 'better-sqlite3';

/** A sale brought back because a return stood against it (db/schema/restored-sales.ts), as the team shares it. */
export interface RestoredSaleRecord {
  id: string;
  orderId: string;
  customerId: string;
  saleDeletedAt: string;
  deletedBy: string | null;
  returnedBy: string | null;
  returnedAt: string;
}

/** Records the restore once: another laptop may have brought back the same sale and sent the same record. Returns true when written. */
export function insertRestoredSale(client: Database.Database, record: RestoredSaleRecord, now: string): boolean {
  return (
    client
      .prepare(
        `INSERT INTO restored_sales (id, created_at, updated_at, order_id, customer_id, sale_deleted_at, deleted_by, returned_by, returned_at)
         VALUES (@id, @now, @now, @orderId, @customerId, @saleDeletedAt, @deletedBy, @returnedBy, @returnedAt) ON CONFLICT (id) DO NOTHING`,
      )
      .run({ ...record, now }).changes === 1
  );
}
