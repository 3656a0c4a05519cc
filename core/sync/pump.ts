import type Database from 'better-sqlite3';
import type { PouchDatabase, PouchDoc } from 'pouchdb';
import { mergeDocs, sameFields, type FieldConflict, type SyncDoc } from './document';
import { refusedDocIds } from './push';
import { readMerged, writeAll } from './replica';
import { outboxBatch, readRow, removeFromOutbox, writeShadow, type OutboxEntry } from './rows';
import { stampRow } from './stamp';
import { tableOfDocId } from './tables';

const BATCH = 200;

/**
 * Moves local edits from the outbox into the local replica: each row is stamped field by field, merged
 * with what the replica holds (which may already carry other laptops' edits) and written. Works
 * offline. The outbox forgets an entry only once a push has taken it to the server (confirmPushed), so
 * it always counts what the server does not have yet, and a crash anywhere re-sends rather than loses;
 * pumping an entry again when nothing changed writes nothing. Entries of the `waiting` tables are left for a
 * later round.
 */
export async function pumpOutbox(client: Database.Database, replica: PouchDatabase, conflicts: FieldConflict[], now = () => Date.now(), waiting: ReadonlySet<string> = new Set()): Promise<OutboxEntry[]> {
  const pumped: OutboxEntry[] = [];
  let after = '';
  for (;;) {
    const batch = outboxBatch(client, after, BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.docId;
    // Tables the server's check does not know yet stay in the outbox, unstamped, until it does (waiting-tables.ts).
    const entries = batch.filter((entry) => !waiting.has(entry.tableName));
    if (entries.length === 0) continue;
    const stamped = client.transaction(() =>
      entries.map((entry) => {
        const spec = tableOfDocId(entry.docId);
        const row = spec ? readRow(client, spec, entry.rowId) : undefined;
        return { entry, doc: spec && row ? stampRow(client, spec, entry, row, now()) : null };
      }),
    )();
    const live = stamped.filter((s): s is { entry: OutboxEntry; doc: SyncDoc } => s.doc !== null);
    const existing = await replica.allDocs({ keys: live.map((s) => s.doc._id), include_docs: true, conflicts: true });
    const writes: PouchDoc[] = [];
    for (const [i, { doc }] of live.entries()) {
      const current = existing.rows[i]?.doc;
      if (!current || current._deleted) {
        writes.push({ _id: doc._id, table: doc.table, fields: doc.fields });
        continue;
      }
      const { merged, writes: settle } = await readMerged(replica, current, conflicts);
      const target = mergeDocs(merged, doc);
      const closing = settle.filter((w) => w._deleted);
      if (sameFields(target, merged)) writes.push(...settle);
      else writes.push({ _id: doc._id, _rev: current._rev, table: target.table, fields: target.fields }, ...closing);
    }
    await writeAll(replica, writes);
    client.transaction(() => {
      for (const { entry, doc } of stamped) {
        if (doc) writeShadow(client, doc);
        // A row that is gone has nothing to send; the others stay until the server has them.
        else removeFromOutbox(client, entry);
      }
    })();
    pumped.push(...live.map((s) => s.entry));
  }
  return pumped;
}

/**
 * After a push succeeded: the entries pumped before it are on the server, unless their row changed since or
 * the server refused their document (those stay pending until a corrected revision is accepted).
 */
export function confirmPushed(client: Database.Database, entries: OutboxEntry[]): void {
  const refused = refusedDocIds(client);
  client.transaction(() => {
    for (const entry of entries) if (!refused.has(entry.docId)) removeFromOutbox(client, entry);
  })();
}
