import type { PouchDatabase } from 'pouchdb';
import type { Db } from '../../db/open';
import { applyDocs } from './apply';
import type { FieldConflict, SyncDoc } from './document';
import { isSyncDoc, readMerged, writeAll } from './replica';
import { SETTLEMENTS_TRIGGERS, SYNCED_TABLES } from './tables';

/** Left by migration 0037 on a laptop in a team (db/migrations/0037_team_records_read_again.sql). */
export const READ_AGAIN_TASK = 'team_records_read_again';
const PAGE = 200;

/**
 * The release before the records of settlements the team shares (customer_merge_moves, restored_sales) left their
 * documents aside, as a table it did not know, and its checkpoint moved past them; after the update nothing would
 * apply them, and this laptop would not know where the customers merged away meanwhile went, nor list the sales
 * brought back. Once, at the next round, those tables are read from the replica (documents are named by their table,
 * so only theirs are read) and applied as any batch is: what they settle is settled here too. Applying a document
 * this laptop has applied already changes nothing. Returns how many were applied.
 */
export async function readSkippedRecordsAgain(db: Db, replica: PouchDatabase, conflicts: FieldConflict[], now: () => Date): Promise<number> {
  const client = db.$client;
  if (!client.prepare(`SELECT 1 FROM maintenance_tasks WHERE name = ?`).get(READ_AGAIN_TASK)) return 0;
  let applied = 0;
  for (const { table } of SYNCED_TABLES.filter((t) => t.triggersIn === SETTLEMENTS_TRIGGERS)) {
    for (let startkey = `${table}:`; ; ) {
      const page = await replica.allDocs({ startkey, endkey: `${table}:\ufff0`, limit: PAGE, include_docs: true, conflicts: true });
      if (page.rows.length === 0) break;
      const docs: SyncDoc[] = [];
      for (const row of page.rows) {
        if (!isSyncDoc(row.doc)) continue;
        const { merged, writes } = await readMerged(replica, row.doc, conflicts);
        await writeAll(replica, writes);
        docs.push(merged);
      }
      applied += applyDocs(db, docs, conflicts, now).applied;
      startkey = `${page.rows[page.rows.length - 1]!.key}\u0000`;
    }
  }
  client.prepare(`DELETE FROM maintenance_tasks WHERE name = ?`).run(READ_AGAIN_TASK);
  return applied;
}
