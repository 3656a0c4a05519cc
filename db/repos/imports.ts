import type Database from 'better-sqlite3';
import type { ContactKind } from '../../shared/contract/enums';

/**
 * The import's customer and follow-up writes as prepared statements on one connection (orders are in
 * order-imports.ts): 100k rows through drizzle's query builder would spend most of their time building
 * SQL. Column lists follow db/schema.
 */
export function importStatements(client: Database.Database) {
  const profileSet = `name = @name, company = @company, type = @type, industry = @industry, country = @country, region = @region, city = @city,
    locality = @locality, locality_manual = @locality_manual, size_band = @size_band, income_band = @income_band, needs = @needs, tags = @tags,
    owner = @owner, source = @source, manual_level = @manual_level, notes = @notes, code = @code, search_text = @search_text, sort_name = @sort_name,
    archived_at = @archived_at`;
  const insertCustomer = client.prepare(`INSERT INTO customers (id, created_at, updated_at, import_batch_id, name, company, type, industry, country, region, city,
    locality, locality_manual, size_band, income_band, needs, tags, owner, source, manual_level, notes, code, search_text, sort_name, archived_at)
    VALUES (@id, @now, @now, @batch, @name, @company, @type, @industry, @country, @region, @city,
    @locality, @locality_manual, @size_band, @income_band, @needs, @tags, @owner, @source, @manual_level, @notes, @code, @search_text, @sort_name, @archived_at)`);
  const updateCustomer = client.prepare(`UPDATE customers SET ${profileSet}, updated_at = @now WHERE id = @id`);
  const selectProfile = client.prepare(`SELECT name, company, type, industry, country, region, city, locality, locality_manual, size_band, income_band,
    needs, tags, owner, source, manual_level, notes, code, search_text, sort_name, archived_at FROM customers WHERE id = ?`);
  const liveContacts = client.prepare(`SELECT kind, value, label FROM contact_channels WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`);
  const insertContact = client.prepare(`INSERT INTO contact_channels (id, created_at, updated_at, customer_id, kind, value, label) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const dropContact = client.prepare(`UPDATE contact_channels SET deleted_at = @now, updated_at = @now WHERE customer_id = @customerId AND kind = @kind AND value = @value AND deleted_at IS NULL`);
  const insertSnapshot = client.prepare(`INSERT OR IGNORE INTO import_batch_changes (id, batch_id, customer_id, before, created_at) VALUES (?, ?, ?, ?, ?)`);
  const insertFollowUp = client.prepare(`INSERT INTO follow_ups (id, created_at, updated_at, import_batch_id, customer_id, occurred_at, channel, content, outcome,
    intent, satisfaction, next_contact_date, next_contact_time, done) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const fxRateOn = client.prepare(`SELECT rate FROM fx_rates WHERE deleted_at IS NULL AND currency = ? AND rate_date <= ? ORDER BY rate_date DESC LIMIT 1`).pluck();
  const revenueOf = client.prepare(`SELECT revenue_base_minor FROM customers WHERE id = ?`).pluck();
  const followUpHolder = client.prepare(`SELECT c.name AS customerName, f.occurred_at AS occurredAt, f.import_batch_id AS batch FROM follow_ups f JOIN customers c ON c.id = f.customer_id
    WHERE f.id = ? AND f.deleted_at IS NULL`);
  const anyFollowUp = client.prepare(`SELECT 1 FROM follow_ups WHERE id = ?`).pluck();

  return {
    insertCustomer: (row: Record<string, unknown>) => insertCustomer.run(row),
    updateCustomer: (row: Record<string, unknown>) => updateCustomer.run(row),
    selectProfile: (id: string) => selectProfile.get(id) as Record<string, string | number | null>,
    liveContacts: (id: string) => liveContacts.all(id) as Array<{ kind: ContactKind; value: string; label: string | null }>,
    insertContact: (id: string, now: string, customerId: string, kind: ContactKind, value: string, label: string | null) => insertContact.run(id, now, now, customerId, kind, value, label),
    /** Deletes a customer's live contact of this kind and value (an undo taking back what its batch added). */
    dropContact: (customerId: string, kind: ContactKind, value: string, now: string) => dropContact.run({ customerId, kind, value, now }),
    insertSnapshot: (id: string, batchId: string, customerId: string, before: string, now: string) => insertSnapshot.run(id, batchId, customerId, before, now),
    insertFollowUp: (
      f: [id: string, now: string, batch: string, customerId: string, at: string, channel: string, content: string, outcome: string | null, intent: string | null, satisfaction: number | null, next: string | null, nextTime: string | null, done: 0 | 1],
    ) => insertFollowUp.run(f[0], f[1], f[1], ...f.slice(2)),
    fxRateOn: (currency: string, date: string) => fxRateOn.get(currency, date) as number | undefined,
    revenueOf: (customerId: string) => (revenueOf.get(customerId) as number | undefined) ?? 0,
    /** The live follow-up whose id a row's follow-up record ID is (one primary-key seek), named as a refusal names it. */
    followUpHolder: (id: string) => followUpHolder.get(id) as { customerName: string; occurredAt: string; batch: string | null } | undefined,
    /** Whether any follow-up, live or deleted, has this id: a free one is given to the row's follow-up. */
    followUpIdTaken: (id: string) => anyFollowUp.get(id) === 1,
  };
}
export type ImportStatements = ReturnType<typeof importStatements>;

/**
 * Imported follow-ups are history: a reminder one of them set is closed by any later follow-up of the
 * same customer, as logging a contact in the app does. Only the batch's own rows change, so undoing
 * the batch leaves earlier reminders exactly as they were. Not run for a file that says which reminders
 * are closed (an export's column): it knows, and a reminder left open there is open.
 */
export function closeAnsweredReminders(client: Database.Database, batchId: string, now: string): void {
  client
    .prepare(
      `UPDATE follow_ups AS f SET done = 1, updated_at = @now,
         answered_by = (SELECT l.id FROM follow_ups l WHERE l.customer_id = f.customer_id AND l.deleted_at IS NULL AND l.occurred_at > f.occurred_at ORDER BY l.occurred_at, l.id LIMIT 1)
       WHERE f.import_batch_id = @batch AND f.done = 0 AND f.next_contact_date IS NOT NULL
         AND EXISTS (SELECT 1 FROM follow_ups l WHERE l.customer_id = f.customer_id AND l.deleted_at IS NULL AND l.occurred_at > f.occurred_at)`,
    )
    .run({ batch: batchId, now });
}

export interface BatchRow {
  id: string;
  kind: 'customers' | 'orders' | 'followups';
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  onError: 'abort' | 'skip';
  rowsTotal: number;
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  customersCreated: number;
  status: 'committed' | 'undone';
  createdAt: string;
  undoneAt: string | null;
}

const BATCH_COLUMNS = `id, kind, file_name AS fileName, format, encoding, delimiter, on_error AS onError, rows_total AS rowsTotal, added, updated, skipped,
  rejected, customers_created AS customersCreated, status, created_at AS createdAt, undone_at AS undoneAt`;

export function insertBatch(client: Database.Database, b: Omit<BatchRow, 'status' | 'undoneAt'>): void {
  client
    .prepare(
      `INSERT INTO import_batches (id, created_at, updated_at, kind, file_name, format, encoding, delimiter, on_error, rows_total, added, updated, skipped, rejected, customers_created)
       VALUES (@id, @createdAt, @createdAt, @kind, @fileName, @format, @encoding, @delimiter, @onError, @rowsTotal, @added, @updated, @skipped, @rejected, @customersCreated)`,
    )
    .run(b);
}

export function setBatchCounts(client: Database.Database, id: string, c: Pick<BatchRow, 'rowsTotal' | 'added' | 'updated' | 'skipped' | 'rejected' | 'customersCreated'>): void {
  client
    .prepare(`UPDATE import_batches SET rows_total = @rowsTotal, added = @added, updated = @updated, skipped = @skipped, rejected = @rejected, customers_created = @customersCreated WHERE id = @id`)
    .run({ id, rowsTotal: c.rowsTotal, added: c.added, updated: c.updated, skipped: c.skipped, rejected: c.rejected, customersCreated: c.customersCreated });
}

export function listBatches(client: Database.Database, limit: number): BatchRow[] {
  return client.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?`).all(limit) as BatchRow[];
}

export function findBatch(client: Database.Database, id: string): BatchRow | undefined {
  return client.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE id = ? AND deleted_at IS NULL`).get(id) as BatchRow | undefined;
}

/**
 * Customers touched by a batch: the ones it created or updated, and the owners of its orders and follow-ups.
 * The owners of a batch's orders are a pass over its rows, a seek into the table each. When the orders are one
 * stretch of rowids (batchOrdersStretch) that holds a quarter of the table or more, one pass over the customer
 * index reads less: its entries are smaller than the rows, carry the rowid to test, and come in customer order,
 * so no customer is sorted or looked up twice.
 */
export function customersOfBatch(client: Database.Database, batchId: string, stretch: { first: number; last: number } | null): string[] {
  // The table's last rowid is read only when the batch is one stretch.
  const lastRowid = () => (client.prepare(`SELECT max(rowid) FROM orders`).pluck().get() as number | null) ?? 0;
  const ordersOwners =
    stretch && (stretch.last - stretch.first + 1) * 4 >= lastRowid()
      ? `SELECT customer_id FROM orders INDEXED BY orders_customer_date WHERE rowid BETWEEN @first AND @last GROUP BY customer_id`
      : `SELECT customer_id FROM orders WHERE import_batch_id = @b`;
  return client
    .prepare(
      `SELECT id FROM customers WHERE import_batch_id = @b
       UNION SELECT customer_id FROM import_batch_changes WHERE batch_id = @b
       UNION ${ordersOwners}
       UNION SELECT customer_id FROM follow_ups WHERE import_batch_id = @b`,
    )
    .pluck()
    .all({ b: batchId, first: stretch?.first ?? 0, last: stretch?.last ?? -1 }) as string[];
}

export function snapshotsOf(client: Database.Database, batchId: string): Array<{ customerId: string; before: string; after: string | null }> {
  return client.prepare(`SELECT customer_id AS customerId, before, after FROM import_batch_changes WHERE batch_id = ? ORDER BY created_at, id`).all(batchId) as Array<{
    customerId: string;
    before: string;
    after: string | null;
  }>;
}

/** Each customer the batch updated as the batch leaves them (profile and live contacts, as `before` holds them): what its undo compares with. */
export function recordAfterImages(client: Database.Database, batchId: string): void {
  const sql = importStatements(client);
  const set = client.prepare(`UPDATE import_batch_changes SET after = ? WHERE batch_id = ? AND customer_id = ?`);
  for (const { customerId } of snapshotsOf(client, batchId)) {
    set.run(JSON.stringify({ profile: sql.selectProfile(customerId), contacts: sql.liveContacts(customerId) }), batchId, customerId);
  }
}

/**
 * Orders soft-deleted per statement when the batch is one stretch of rowids. An UPDATE that fires triggers
 * keeps a statement journal of every page it changes, in memory up to 64 KiB and in a temporary file beyond:
 * a million orders in one statement wrote some 480 MB there, page by page. Thirty rows (a page or two, with
 * the pages a split touches) stay in memory.
 */
const ORDERS_PER_SOFT_DELETE = 30;

/**
 * Soft-deletes what the batch created; the rows stay for a later sync and for the audit of what was undone.
 * Says how many rows of each table it deleted (those still live). With the batch's orders as one stretch
 * (batchOrdersStretch: every row in it is the batch's) they are deleted by rowid, a few at a time.
 */
export function softDeleteBatchRows(
  client: Database.Database,
  batchId: string,
  now: string,
  stretch: { first: number; last: number } | null = null,
): { followUps: number; orders: number; customers: number } {
  const softDelete = (table: string) => client.prepare(`UPDATE ${table} SET deleted_at = @now, updated_at = @now WHERE import_batch_id = @b AND deleted_at IS NULL`).run({ b: batchId, now }).changes;
  const softDeleteOrders = () => {
    if (!stretch) return softDelete('orders');
    const statement = client.prepare(`UPDATE orders SET deleted_at = @now, updated_at = @now WHERE rowid BETWEEN @from AND @to AND deleted_at IS NULL`);
    let changes = 0;
    for (let from = stretch.first; from <= stretch.last; from += ORDERS_PER_SOFT_DELETE) {
      changes += statement.run({ now, from, to: Math.min(stretch.last, from + ORDERS_PER_SOFT_DELETE - 1) }).changes;
    }
    return changes;
  };
  const removed = { followUps: softDelete('follow_ups'), orders: softDeleteOrders(), customers: softDelete('customers') };
  client.prepare(`UPDATE import_batches SET status = 'undone', undone_at = @now, updated_at = @now WHERE id = @b`).run({ b: batchId, now });
  return removed;
}

/**
 * The batch's orders as one stretch of rowids, when they are one and nothing else is in it: one transaction wrote
 * them, so they are unless rows were renumbered or changed since. Found by seeks of the batch index, which holds each
 * order's batch and rowid in that order: the batch's first and last rowid, then, for no value of the index but this
 * batch (no batch, or any other), a row between them — one seek per value (per import ever made), where counting the
 * batch's rows to prove it read a million index entries (90–120 ms of an undo at 100k customers).
 */
export function batchOrdersStretch(client: Database.Database, batchId: string): { first: number; last: number } | null {
  const edge = (order: 'ASC' | 'DESC') =>
    client.prepare(`SELECT rowid FROM orders WHERE import_batch_id = ? ORDER BY rowid ${order} LIMIT 1`).pluck().get(batchId) as number | undefined;
  const first = edge('ASC');
  const last = edge('DESC');
  if (first === undefined || last === undefined) return null;
  const noBatchBetween = client.prepare(`SELECT 1 FROM orders WHERE import_batch_id IS NULL AND rowid BETWEEN ? AND ? LIMIT 1`).get(first, last) === undefined;
  if (!noBatchBetween) return null;
  const between = client.prepare(`SELECT 1 FROM orders WHERE import_batch_id = ? AND rowid BETWEEN ? AND ? LIMIT 1`);
  const nextBatch = client.prepare(`SELECT min(import_batch_id) FROM orders WHERE import_batch_id > ?`).pluck();
  for (let other = nextBatch.get('') as string | null; other !== null; other = nextBatch.get(other) as string | null) {
    if (other !== batchId && between.get(other, first, last) !== undefined) return null;
  }
  return { first, last };
}

export function rememberedMapping(client: Database.Database, kind: string, signature: string): Record<string, string | null> | null {
  const json = client.prepare(`SELECT mapping FROM import_mappings WHERE kind = ? AND signature = ?`).pluck().get(kind, signature) as string | undefined;
  return json ? (JSON.parse(json) as Record<string, string | null>) : null;
}

export function rememberMapping(client: Database.Database, kind: string, signature: string, mapping: Record<string, string | null>, now: string): void {
  client
    .prepare(`INSERT INTO import_mappings (kind, signature, mapping, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (kind, signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`)
    .run(kind, signature, JSON.stringify(mapping), now);
}
