import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * One row (id = 1): 1 while a bulk write (an import, its undo) is inside its transaction. The report-totals
 * triggers skip their per-row work then, and the bulk writer recomputes the aggregates of the customers it
 * touched set-based before it commits (db/repos/bulk-write.ts). The flag is set and cleared inside that one
 * transaction, so a crash rolls it back with the rows: no later write can find it left on.
 */
export const bulkWrite = sqliteTable(
  'bulk_write',
  {
    id: integer('id').primaryKey(),
    active: integer('active').notNull().default(0),
  },
  (t) => [check('bulk_write_single_row', sql`${t.id} = 1`), check('bulk_write_active_flag', sql`${t.active} IN (0, 1)`)],
);
