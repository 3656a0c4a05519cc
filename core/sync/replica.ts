import type { PouchDatabase, PouchDoc } from 'pouchdb';
import { loadPouch } from './pouch';
import { mergeDocs, sameFields, type FieldConflict, type SyncDoc } from './document';
import { withoutRetired } from './order-terms';

/**
 * The laptop's local replica: a PouchDB (LevelDB) database next to the SQLite file. It mirrors the outbox
 * and is what CouchDB's replication protocol runs against — checkpoints, resumable batches and revision
 * trees that report conflicts are PouchDB's, not ours (docs/team.md argues why it exists at all).
 */
export function replicaPath(dbPath: string): string {
  return `${dbPath}.team`;
}

export async function openReplica(dbPath: string): Promise<PouchDatabase> {
  const PouchDB = await loadPouch();
  return new PouchDB(replicaPath(dbPath), { auto_compaction: true });
}

export interface TeamServer {
  serverUrl: string;
  database: string;
  user: string;
  password: string;
}

export function databaseUrl(server: Pick<TeamServer, 'serverUrl' | 'database'>): string {
  return `${server.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(server.database)}`;
}

export async function openRemote(server: TeamServer, options: { create?: boolean } = {}): Promise<PouchDatabase> {
  const PouchDB = await loadPouch();
  return new PouchDB(databaseUrl(server), { auth: { username: server.user, password: server.password }, skip_setup: !options.create });
}

export function isSyncDoc(doc: PouchDoc | undefined | null): doc is PouchDoc & SyncDoc {
  return !!doc && typeof doc.table === 'string' && !!doc.fields && typeof doc.fields === 'object' && !doc._deleted;
}

/**
 * The document with every conflicting revision merged into it, and the writes that settle the conflict in
 * the replica: the merge as a child of the winning revision, and the losing revisions deleted (CouchDB's
 * documented way). Every laptop that sees the conflict writes the same merge, so replicas agree.
 */
export async function readMerged(replica: PouchDatabase, doc: PouchDoc, conflicts: FieldConflict[]): Promise<{ merged: SyncDoc; writes: PouchDoc[] }> {
  const revs = doc._conflicts ?? [];
  if (!isSyncDoc(doc)) return { merged: doc as unknown as SyncDoc, writes: [] };
  let merged: SyncDoc = { _id: doc._id, table: doc.table, fields: doc.fields };
  if (revs.length === 0) return { merged: { ...merged, _rev: doc._rev }, writes: [] };
  const writes: PouchDoc[] = [];
  for (const rev of revs) {
    const loser = await replica.get(doc._id, { rev });
    if (isSyncDoc(loser)) merged = mergeDocs(merged, loser, conflicts);
    writes.push({ _id: doc._id, _rev: rev, _deleted: true });
  }
  // When the winning revision already holds the merge (another laptop settled the same conflict first, or
  // every branch agrees), only the losing branches are closed: a fresh revision would be a new conflict
  // with the other laptops' identical settlements, and they would chase each other round after round.
  const winner: SyncDoc = { _id: doc._id, table: doc.table, fields: doc.fields };
  if (!sameFields(merged, winner)) writes.unshift({ _id: doc._id, _rev: doc._rev, table: merged.table, fields: withoutRetired(merged).fields });
  return { merged: { ...merged, _rev: doc._rev }, writes };
}

/** Writes documents, failing loudly on anything but success (a 409 means another writer got there: the next round merges it). */
export async function writeAll(replica: PouchDatabase, docs: PouchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const results = await replica.bulkDocs(docs);
  const failed = results.filter((r) => r.error && r.status !== 409);
  if (failed.length > 0) throw new Error(`The local replica refused ${failed.length} document(s): ${String(failed[0]!.name ?? failed[0]!.error)}`);
}
