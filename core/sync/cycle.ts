import type { PouchDatabase } from 'pouchdb';
import { loadPouch } from './pouch';
import type { Db } from '../../db/open';
import type { TeamSyncResult } from '../../shared/contract/team';
import { applyDocs, type ApplyOutcome } from './apply';
import { settleLineTotals } from './settle-line-totals';
import { recordConflicts } from './conflicts';
import { readSkippedRecordsAgain } from './read-again';
import type { FieldConflict, SyncDoc } from './document';
import { confirmPushed, pumpOutbox } from './pump';
import { pushReplica, refusedSummary } from './push';
import { isSyncDoc, openRemote, readMerged, writeAll, type TeamServer } from './replica';
import { checkTeamDatabase } from './server-check';
import { tablesTheServerWouldRefuse } from './waiting-tables';
import { pendingChanges, readSyncState, updateSyncState } from './state';
import { tableOfDocId } from './tables';

const BATCH = 200;

/**
 * One sync round: the server asked what it is (server-check.ts) and which tables its document check knows
 * (waiting-tables.ts), local edits into the replica, the replica replicated to the server and back with
 * PouchDB's replicator (checkpointed and resumable), then the replica's new documents applied to SQLite.
 * Documents the server refuses stay in the outbox and are reported (push.ts).
 * Any step can be cut off (network, crash) and the next round picks up where the checkpoints say.
 */
export async function syncOnce(db: Db, replica: PouchDatabase, server: TeamServer, now: () => Date): Promise<TeamSyncResult> {
  const client = db.$client;
  const conflicts: FieldConflict[] = [];
  // An address that now answers as something else is said as such, not as a failed or an empty round.
  await checkTeamDatabase(server);
  const waiting = await tablesTheServerWouldRefuse(server);
  // After the pull the replica holds what the server has, so a deletion of a document it still lacks has nothing to close.
  const pump = (pulled: boolean) => pumpOutbox(client, replica, conflicts, () => now().getTime(), waiting, pulled);
  let pumped = await pump(false);
  const remote = await openRemote(server);
  const PouchDB = await loadPouch();
  try {
    const push = () => pushReplica(client, replica, remote, now().toISOString());
    let pushed = await push();
    confirmPushed(client, pumped);
    const pulled = (await PouchDB.replicate(remote, replica, { batch_size: 100 })).docs_written;
    const { settled } = await applyReplica(db, replica, conflicts, now);
    if (pendingChanges(client) > 0 || settled > 0) {
      // Local edits that won fields against what arrived, settled collisions and settled conflicts go back out in the same
      // round, and so do deletions that waited for the pull to bring their documents (pump.ts, deletionsOf).
      pumped = await pump(true);
      pushed += await push();
      confirmPushed(client, pumped);
    }
    const recorded = recordConflicts(client, conflicts, now().toISOString());
    // The round went through; documents the server refused stay pending and are named as the error in words.
    const refused = refusedSummary(client).count > 0;
    updateSyncState(client, { lastSyncAt: now().toISOString(), lastErrorKey: refused ? 'team_document_refused' : null, lastErrorAt: refused ? now().toISOString() : null });
    return { pushed, pulled, conflicts: recorded };
  } finally {
    recordConflicts(client, conflicts, now().toISOString());
    await remote.close().catch(() => undefined);
  }
}

/**
 * Applies the replica's changes since the last applied sequence, batch by batch, then (once, after an update) the
 * records an earlier release left aside, then retries parked documents.
 */
export async function applyReplica(db: Db, replica: PouchDatabase, conflicts: FieldConflict[], now: () => Date): Promise<{ applied: number; settled: number }> {
  const client = db.$client;
  let applied = 0;
  let settled = 0;
  const linesChanged = new Set<string>();
  const take = (outcome: ApplyOutcome) => {
    for (const id of outcome.linesChanged) linesChanged.add(id);
    return outcome.applied;
  };
  for (;;) {
    const since = readSyncState(client).appliedSeq;
    const changes = await replica.changes({ since: /^\d+$/.test(since) ? Number(since) : since, limit: BATCH, include_docs: true, conflicts: true });
    if (changes.results.length === 0) break;
    const docs: SyncDoc[] = [];
    const deleted: string[] = [];
    for (const change of changes.results) {
      if (change.doc?._deleted && tableOfDocId(change.doc._id)?.hardDeletes) deleted.push(change.doc._id);
      if (!isSyncDoc(change.doc)) continue;
      const { merged, writes } = await readMerged(replica, change.doc, conflicts);
      await writeAll(replica, writes);
      settled += writes.length;
      docs.push(merged);
    }
    applied += take(applyDocs(db, docs, conflicts, now, String(changes.last_seq), deleted));
  }
  // Once after an update from the release before the records of settlements: what it left aside (read-again.ts).
  applied += await readSkippedRecordsAgain(db, replica, conflicts, now);
  const parked = (client.prepare(`SELECT doc_id AS id FROM sync_parked ORDER BY doc_id LIMIT 5000`).all() as { id: string }[]).map((r) => r.id);
  if (parked.length > 0) {
    const rows = await replica.allDocs({ keys: parked, include_docs: true, conflicts: true });
    const docs = rows.rows.map((r) => r.doc).filter(isSyncDoc);
    applied += take(applyDocs(db, docs, conflicts, now));
  }
  // Orders whose lines two laptops edited are worth the lines they have now, once everything that arrived is applied.
  settled += settleLineTotals(db, linesChanged, now().toISOString());
  return { applied, settled };
}
