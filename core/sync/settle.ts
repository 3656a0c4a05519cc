import type Database from 'better-sqlite3';
import { forwardFromMergedAway, takeBackFromUndoneMerges } from './settle-merged-away';
import { listReceivedRestores, restoreReturnedSales } from './settle-restored-sales';
import { readSyncState } from './state';

/** A row a batch wrote, as it stands after the write (only the tables settled here: SETTLED_TABLES). */
export interface AppliedRow {
  table: string;
  values: Record<string, string | number | null>;
}

/**
 * The tables whose applied rows settleApplied looks at: the rows settled, the customers whose deletion can show
 * them merged away, and the records of settlements the team shares.
 */
export const SETTLED_TABLES: ReadonlySet<string> = new Set(['orders', 'follow_ups', 'contact_channels', 'customers', 'customer_merge_moves', 'restored_sales']);

/**
 * What one laptop alone never lets happen, but two laptops writing offline can, settled after a batch is
 * applied (inside its transaction, before the derived figures): each settlement is a local edit (stamped by
 * the pump like any other, so it wins over the writes it settles and reaches the others), enqueued since
 * the triggers are off while applying (core/sync/local-edit.ts).
 *
 * - A deleted sale with a live return comes back, and every laptop lists the restore (settle-restored-sales.ts).
 * - A live order, return, follow-up or contact on a customer merged away moves on to the customer it went into,
 *   on whichever laptop knows the merge; one moved on under a merge undone meanwhile comes back
 *   (settle-merged-away.ts).
 *
 * Payments that pass what an order owed after returns (two laptops each took the balance, or a return came after
 * them) need no settling: they stand, and the Team screen reads them from the rows as they are
 * (overpaid-conflicts.ts), so they are listed alike however the documents arrived.
 *
 * An order whose lines two laptops edited is settled once the round has applied everything (settle-line-totals.ts).
 */
export function settleApplied(client: Database.Database, applied: AppliedRow[], now: string, customers: Set<string>): void {
  const userName = readSyncState(client).userName;
  const restored = restoreReturnedSales(client, applied, now, userName, customers);
  listReceivedRestores(client, applied, now);
  forwardFromMergedAway(client, applied, restored, now, userName, customers);
  takeBackFromUndoneMerges(client, applied, now, userName, customers);
}
