import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { refreshCustomerStats } from '../../db/repos/customers';
import type { NormalizedContact } from '../handlers/contacts';
import { buildSearchText, buildSortName } from '../search-text';

/**
 * Recomputes what this laptop derives from synced rows for the customers a batch touched: order and
 * follow-up figures, search text and sort name. Tiers and predictions recompute on their own schedule.
 */
export function refreshDerived(db: Db, customerIds: Iterable<string>): void {
  const client: Database.Database = db.$client;
  const read = client.prepare(`SELECT name, company, type FROM customers WHERE id = ?`);
  const contacts = client.prepare(`SELECT kind, value, label FROM contact_channels WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
  const write = client.prepare(`UPDATE customers SET search_text = ?, sort_name = ? WHERE id = ?`);
  for (const id of customerIds) {
    const customer = read.get(id) as { name: string; company: string | null; type: string } | undefined;
    if (!customer) continue;
    refreshCustomerStats(db, id);
    write.run(buildSearchText(customer, contacts.all(id) as NormalizedContact[]), buildSortName(customer), id);
  }
}
