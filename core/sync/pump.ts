import type Database from 'better-sqlite3';
import type { PouchDatabase, PouchDoc } from 'pouchdb';
import { mergeDocs, sameFields, type FieldConflict, type SyncDoc } from './document';
import { refusedDocIds } from './push';
import { withoutRetired } from './order-terms';
import { readMerged, writeAll } from './replica';
import { forgetShadow, outboxBatch, readRow, removeFromOutbox, writeShadow, type OutboxEntry } from './rows';
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
    const deleted = stamped.filter((s) => s.doc === null && tableOfDocId(s.entry.docId)?.hardDeletes).map((s) => s.entry);
    const writes: PouchDoc[] = await deletionsOf(replica, deleted);
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
      else writes.push({ _id: doc._id, _rev: current._rev, table: target.table, fields: withoutRetired(target).fields }, ...closing);
    }
    await writeAll(replica, writes);
    client.transaction(() => {
      for (const { entry, doc } of stamped) {
        if (doc) writeShadow(client, doc);
        // A row deleted outright sends its deletion (waiting, like an edit, until the server has it); another row
        // that is gone has nothing to send. The others stay until the server has them.
        else if (tableOfDocId(entry.docId)?.hardDeletes) forgetShadow(client, entry.docId);
        else removeFromOutbox(client, entry);
      }
    })();
    pumped.push(...live.map((s) => s.entry), ...deleted);
  }
  return pumped;
}

/**
 * The replica's deletions of documents whose rows were deleted outright: every open revision closed, so no branch
 * of the row lives on. A document the replica never held (a row made and deleted between two rounds) needs none.
 */
async function deletionsOf(replica: PouchDatabase, entries: OutboxEntry[]): Promise<PouchDoc[]> {
  if (entries.length === 0) return [];
  const found = await replica.allDocs({ keys: entries.map((e) => e.docId), include_docs: true, conflicts: true });
  return found.rows.flatMap((r) => (r.doc && !r.doc._deleted ? [r.doc._rev!, ...(r.doc._conflicts ?? [])].map((rev) => ({ _id: r.doc!._id, _rev: rev, _deleted: true })) : []));
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
