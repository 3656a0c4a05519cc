import type Database from 'better-sqlite3';
import type { PouchDatabase, PouchDoc } from 'pouchdb';
import { mergeDocs, sameFields, type FieldConflict, type SyncDoc } from './document';
import { readMerged, writeAll } from './replica';
import { outboxBatch, readRow, removeFromOutbox, writeShadow, type OutboxEntry } from './rows';
import { stampRow } from './stamp';
import { tableOfDocId } from './tables';

const BATCH = 200;

/**
 * Moves local edits from the outbox into the local replica: each row is stamped field by field, merged
 * with what the replica holds (which may already carry other laptops' edits) and written; only then does
 * the outbox forget it, so a crash anywhere in between re-sends rather than loses. Works offline.
 */
export async function pumpOutbox(client: Database.Database, replica: PouchDatabase, conflicts: FieldConflict[], now = () => Date.now()): Promise<number> {
  let written = 0;
  const rounds = Math.ceil(countOutbox(client) / BATCH) + 2;
  for (let round = 0; round < rounds; round++) {
    const entries = outboxBatch(client, BATCH);
    if (entries.length === 0) break;
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
    written += writes.length;
    client.transaction(() => {
      for (const { entry, doc } of stamped) {
        if (doc) writeShadow(client, doc);
        removeFromOutbox(client, entry);
      }
    })();
  }
  return written;
}

function countOutbox(client: Database.Database): number {
  return (client.prepare(`SELECT count(*) AS n FROM sync_outbox`).get() as { n: number }).n;
}
