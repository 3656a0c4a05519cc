import type Database from 'better-sqlite3';
import type { PouchDatabase, PouchDoc } from 'pouchdb';
import { mergeDocs, sameFields, type FieldConflict, type SyncDoc } from './document';
import { refusedDocIds } from './push';
import { withoutRetired } from './order-terms';
import { readMerged, writeAll } from './replica';
import { forgetFieldChanges, forgetShadow, outboxEntry, outboxInEditOrder, readRow, readShadow, removeFromOutbox, writeShadow, type OutboxEntry } from './rows';
import { stampRow } from './stamp';
import { tableOfDocId } from './tables';

const BATCH = 200;

/**
 * Moves local edits from the outbox into the local replica: each row is stamped field by field, in the order the rows
 * were changed (outboxInEditOrder), merged with what the replica holds (which may already carry other laptops' edits)
 * and written. Works offline. The outbox forgets an entry only once a push has taken it to the server (confirmPushed), so
 * it always counts what the server does not have yet, and a crash anywhere re-sends rather than loses;
 * pumping an entry again when nothing changed writes nothing. Entries of the `waiting` tables are left for a
 * later round. `pulled` says the replica holds what the server had (this round pulled it already): a deletion of a
 * document the replica does not hold then has nothing to close (deletionsOf).
 */
export async function pumpOutbox(
  client: Database.Database,
  replica: PouchDatabase,
  conflicts: FieldConflict[],
  now = () => Date.now(),
  waiting: ReadonlySet<string> = new Set(),
  pulled = false,
): Promise<OutboxEntry[]> {
  const pumped: OutboxEntry[] = [];
  const outbox = outboxInEditOrder(client);
  for (let start = 0; start < outbox.length; start += BATCH) {
    const batch = outbox.slice(start, start + BATCH);
    // Tables the server's check does not know yet stay in the outbox, unstamped, until it does (waiting-tables.ts).
    const entries = batch.filter((entry) => !waiting.has(entry.tableName));
    if (entries.length === 0) continue;
    const stamped = client.transaction(() =>
      entries.map((listed) => {
        // A row edited again since the outbox was read (the pump awaits the replica between batches): stamped as it is now.
        const entry = outboxEntry(client, listed.docId) ?? listed;
        const spec = tableOfDocId(entry.docId);
        const row = spec ? readRow(client, spec, entry.rowId) : undefined;
        return { entry, doc: spec && row ? stampRow(client, spec, entry, row, now()) : null };
      }),
    )();
    const live = stamped.filter((s): s is { entry: OutboxEntry; doc: SyncDoc } => s.doc !== null);
    const existing = await replica.allDocs({ keys: live.map((s) => s.doc._id), include_docs: true, conflicts: true });
    const gone = stamped.filter((s) => s.doc === null && tableOfDocId(s.entry.docId)?.hardDeletes).map((s) => s.entry);
    const { writes, deleted, waitForPull, nothingToSend } = await deletionsOf(client, replica, gone, pulled);
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
        // The field changes stamped are in the document now; a write since (changed later) keeps its own.
        forgetFieldChanges(client, entry.docId, entry.changedAt);
        if (doc) writeShadow(client, doc);
        // A deletion whose document the replica does not hold yet stays as it is until the pull brings it.
        else if (waitForPull.has(entry.docId)) continue;
        // A row deleted outright sends its deletion (waiting, like an edit, until the server has it); another row
        // that is gone, or a deletion of a document the team does not have, has nothing to send. The others stay
        // until the server has them.
        else if (tableOfDocId(entry.docId)?.hardDeletes && !nothingToSend.has(entry.docId)) forgetShadow(client, entry.docId);
        else {
          forgetShadow(client, entry.docId);
          removeFromOutbox(client, entry);
        }
      }
    })();
    pumped.push(...live.map((s) => s.entry), ...deleted);
  }
  return pumped;
}

/**
 * The replica's deletions of documents whose rows were deleted outright: every open revision closed, so no branch
 * of the row lives on. A document the replica does not hold was either never sent (a row made and deleted between
 * two rounds: no synced document of it, nothing to send) or is on the server but not in this replica yet — a laptop
 * that deleted lines while outside the team and joined again, its replica made anew (docs/team.md, Live sync). The
 * latter waits in the outbox for the round's pull to bring the document, and is closed by the pump after it; a
 * document the pull did not bring either (another team's) has nothing to close.
 */
async function deletionsOf(
  client: Database.Database,
  replica: PouchDatabase,
  entries: OutboxEntry[],
  pulled: boolean,
): Promise<{ writes: PouchDoc[]; deleted: OutboxEntry[]; waitForPull: Set<string>; nothingToSend: Set<string> }> {
  if (entries.length === 0) return { writes: [], deleted: [], waitForPull: new Set(), nothingToSend: new Set() };
  const found = await replica.allDocs({ keys: entries.map((e) => e.docId), include_docs: true, conflicts: true });
  const writes = found.rows.flatMap((r) => (r.doc && !r.doc._deleted ? [r.doc._rev!, ...(r.doc._conflicts ?? [])].map((rev) => ({ _id: r.doc!._id, _rev: rev, _deleted: true })) : []));
  const held = new Set(found.rows.filter((r) => r.value !== undefined && !r.error).map((r) => r.key));
  const unheld = entries.filter((e) => !held.has(e.docId));
  const waitForPull = new Set(pulled ? [] : unheld.filter((e) => readShadow(client, e.docId) !== null).map((e) => e.docId));
  const nothingToSend = new Set(unheld.filter((e) => !waitForPull.has(e.docId)).map((e) => e.docId));
  return { writes, deleted: entries.filter((e) => held.has(e.docId)), waitForPull, nothingToSend };
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
