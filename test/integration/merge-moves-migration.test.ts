/**
 * Migrations 0034–0035 on a laptop of a team that merged customers with the release before (migrated up to 0033): the
 * merges still standing are shared with the team from then on (where each merged customer went), so that any laptop
 * can move on what another writes on those customers; an undone merge is not. Nothing else changes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDocs } from '../../core/sync/apply';
import type { FieldState, SyncDoc } from '../../core/sync/document';
import { formatHlc } from '../../core/sync/hlc';
import { openDatabase } from '../../db/open';
import { migrationsBefore } from '../support/migrations-before';
import { MIGRATIONS, tempDir } from '../support/test-app';

const KEEP = '0190bbbb-0000-7000-8000-000000000001';
const MERGED = '0190bbbb-0000-7000-8000-000000000002';
const BACK = '0190bbbb-0000-7000-8000-000000000003';
const STANDING = '0190bbbb-0000-7000-8000-0000000000a1';
const UNDONE = '0190bbbb-0000-7000-8000-0000000000a2';
const JOURNAL_ROW = '0190bbbb-0000-7000-8000-0000000000b1';
const mergedAt = '2026-11-01T08:00:00.000Z';

describe('migrations 0034–0035 on a laptop that merged customers with the release before', () => {
  it('shares its standing merges with the team, and a laptop holding them moves on what reaches the merged customer', () => {
    const dbPath = join(tempDir(), 'tierbook.sqlite');
    const before = openDatabase(dbPath, migrationsBefore('0034_'));
    const client = before.$client;
    // In a team: the triggers of the release before enqueue its writes.
    client.prepare(`INSERT INTO sync_state (id, node_id, enqueue, user_name, server_url, database) VALUES (1, 'n1', 1, 'ana', 'http://127.0.0.1:5984', 'team')`).run();
    const customer = client.prepare(`INSERT INTO customers (id, created_at, updated_at, deleted_at, name, type) VALUES (?, ?, ?, ?, ?, 'individual')`);
    customer.run(KEEP, mergedAt, mergedAt, null, '王芳');
    customer.run(MERGED, mergedAt, mergedAt, mergedAt, '王 芳');
    customer.run(BACK, mergedAt, mergedAt, null, 'Wang F.');
    const merge = client.prepare(`INSERT INTO customer_merges (id, created_at, updated_at, kept_customer_id, kept_before, kept_after, status, undone_at) VALUES (?, ?, ?, ?, '{}', '{}', ?, ?)`);
    merge.run(STANDING, mergedAt, mergedAt, KEEP, 'merged', null);
    merge.run(UNDONE, mergedAt, mergedAt, KEEP, 'undone', '2026-11-02T08:00:00.000Z');
    const row = client.prepare(`INSERT INTO customer_merge_rows (id, merge_id, row_table, row_id, from_customer_id, previous_updated_at) VALUES (?, ?, 'customers', ?, ?, ?)`);
    row.run(JOURNAL_ROW, STANDING, MERGED, MERGED, '2026-10-01T08:00:00.000Z');
    row.run('0190bbbb-0000-7000-8000-0000000000b2', UNDONE, BACK, BACK, '2026-10-01T08:00:00.000Z');
    const book = () => client.prepare(`SELECT id, deleted_at, updated_at FROM customers ORDER BY id`).all();
    const customersBefore = book();
    client.prepare(`DELETE FROM sync_outbox`).run();
    client.close();

    const db = openDatabase(dbPath, MIGRATIONS);
    try {
      const after = db.$client;
      expect(after.prepare(`SELECT id, merge_id, row_table, row_id, from_customer_id, into_customer_id, deleted_at FROM customer_merge_moves`).all()).toEqual([
        { id: JOURNAL_ROW, merge_id: STANDING, row_table: 'customers', row_id: MERGED, from_customer_id: MERGED, into_customer_id: KEEP, deleted_at: null },
      ]);
      // Sent with the next round; nothing else was touched.
      expect(after.prepare(`SELECT doc_id FROM sync_outbox`).pluck().all()).toEqual([`customer_merge_moves:${JOURNAL_ROW}`]);
      expect(after.prepare(`SELECT id, deleted_at, updated_at FROM customers ORDER BY id`).all()).toEqual(customersBefore);

      // An order another laptop wrote on the merged customer arrives: it moves on to the one kept.
      const stamp = formatHlc(Date.parse('2026-11-03T08:00:00.000Z'), 0, 'bo-laptop');
      const values: Record<string, string | number | null> = {
        id: '0190bbbb-0000-7000-8000-0000000000c1', created_at: '2026-11-03T08:00:00.000Z', updated_at: '2026-11-03T08:00:00.000Z', deleted_at: null, customer_id: MERGED,
        order_date: '2026-11-03', amount_minor: 5000, currency: 'CNY', fx_rate: 1, base_currency: 'CNY', base_amount_minor: 5000, note: null, order_number: null, kind: 'sale',
        return_of_order_id: null, cost_minor: null, base_cost_minor: null, unpaid_minor: 0, base_unpaid_minor: 0, payment_due_date: null, created_by: 'bo', updated_by: 'bo',
      };
      const order: SyncDoc = { _id: `orders:${String(values.id)}`, table: 'orders', fields: Object.fromEntries(Object.entries(values).map(([k, v]): [string, FieldState] => [k, { v, t: stamp, b: '', by: 'bo' }])) };
      applyDocs(db, [order], [], () => new Date('2026-11-04T08:00:00.000Z'));
      expect(after.prepare(`SELECT customer_id FROM orders WHERE id = ?`).pluck().get(values.id)).toBe(KEEP);
    } finally {
      db.$client.close();
    }
  });
});
