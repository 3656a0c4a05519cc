import type Database from 'better-sqlite3';
import type { PouchDatabase } from 'pouchdb';
import { loadPouch } from './pouch';

/** The reason kept and shown is cut to this length (a server's reason may be long). */
const REASON_MAX = 400;
/** A push stopped by refused documents is run again without them, at most this many times per round. */
const MAX_ATTEMPTS = 20;

export interface Refusal {
  id: string;
  reason: string;
}

/**
 * A per-document refusal in what PouchDB's replicator reports: `denied` events and `errors` carry CouchDB's
 * `{id, error: 'forbidden', reason}`; a refusal whose name PouchDB does not recognise (CouchDB's answer has
 * `error` but no `name`) is thrown instead and stops the replication, carrying the same fields.
 */
export function refusalOf(failure: unknown): Refusal | null {
  const f = failure as { id?: unknown; error?: unknown; name?: unknown; reason?: unknown; message?: unknown } | null;
  if (!f || typeof f.id !== 'string' || f.id === '') return null;
  if (f.error === undefined && f.name === undefined) return null;
  const kind = String(f.name ?? f.error);
  const reason = typeof f.reason === 'string' && f.reason !== '' ? f.reason : typeof f.message === 'string' && f.message !== '' ? f.message : kind;
  return { id: f.id, reason: reason.slice(0, REASON_MAX) };
}

/** Documents whose refused revision is still the replica's: not offered to the server again until they change. */
function refusedRevisions(client: Database.Database): Set<string> {
  const rows = client.prepare(`SELECT doc_id AS id, rev FROM sync_refused`).all() as { id: string; rev: string }[];
  return new Set(rows.map((r) => `${r.id}\n${r.rev}`));
}

async function recordRefusals(client: Database.Database, replica: PouchDatabase, refusals: Refusal[], at: string): Promise<void> {
  if (refusals.length === 0) return;
  const current = await replica.allDocs({ keys: refusals.map((r) => r.id) });
  client.transaction(() => {
    for (const [i, refusal] of refusals.entries()) {
      const rev = current.rows[i]?.value?.rev;
      if (!rev) continue;
      client
        .prepare(`INSERT INTO sync_refused (doc_id, rev, reason, refused_at) VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET rev = excluded.rev, reason = excluded.reason, refused_at = excluded.refused_at`)
        .run(refusal.id, rev, refusal.reason, at);
    }
  })();
}

/**
 * Pushes the replica to the server and records every document the server refused, with its reason. A refused
 * revision is kept out of later pushes (so one bad row never blocks the others), its outbox entry is not
 * confirmed, and once a push ends with a newer revision of it accepted, its refusal is forgotten.
 * Returns how many documents the server took.
 */
export async function pushReplica(client: Database.Database, replica: PouchDatabase, remote: PouchDatabase, at: string): Promise<number> {
  const PouchDB = await loadPouch();
  let written = 0;
  const refusedNow = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const skip = refusedRevisions(client);
    const refusals: Refusal[] = [];
    const replication = PouchDB.replicate(replica, remote, {
      batch_size: 100,
      filter: (doc: { _id: string; _rev?: string }) => !skip.has(`${doc._id}\n${doc._rev ?? ''}`),
    });
    replication.on('denied', (failure: unknown) => {
      const refusal = refusalOf(failure);
      if (refusal) refusals.push(refusal);
    });
    try {
      const result = await replication;
      written += result.docs_written;
      for (const failure of result.errors) {
        const refusal = refusalOf(failure);
        if (refusal && !refusals.some((r) => r.id === refusal.id)) refusals.push(refusal);
      }
      await recordRefusals(client, replica, refusals, at);
      for (const r of refusals) refusedNow.add(r.id);
      break;
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal || attempt >= MAX_ATTEMPTS) throw error;
      // CouchDB refused one document: the others of its batch were written; push again without it.
      await recordRefusals(client, replica, [...refusals, refusal], at);
      for (const r of [...refusals, refusal]) refusedNow.add(r.id);
    }
  }
  await forgetAccepted(client, replica, refusedNow);
  return written;
}

/** The push went through: a refused document whose replica revision moved on and was not refused again has reached the server. */
async function forgetAccepted(client: Database.Database, replica: PouchDatabase, refusedNow: Set<string>): Promise<void> {
  const rows = client.prepare(`SELECT doc_id AS id, rev FROM sync_refused`).all() as { id: string; rev: string }[];
  const candidates = rows.filter((r) => !refusedNow.has(r.id));
  if (candidates.length === 0) return;
  const current = await replica.allDocs({ keys: candidates.map((r) => r.id) });
  client.transaction(() => {
    for (const [i, row] of candidates.entries()) {
      if (current.rows[i]?.value?.rev !== row.rev) client.prepare(`DELETE FROM sync_refused WHERE doc_id = ?`).run(row.id);
    }
  })();
}

/** The refused documents' ids (their outbox entries stay), how many, and the first one's reason. */
export function refusedDocIds(client: Database.Database): Set<string> {
  return new Set((client.prepare(`SELECT doc_id AS id FROM sync_refused`).all() as { id: string }[]).map((r) => r.id));
}

export function refusedSummary(client: Database.Database): { count: number; reason: string | null } {
  const count = (client.prepare(`SELECT count(*) AS n FROM sync_refused`).get() as { n: number }).n;
  const first = client.prepare(`SELECT reason FROM sync_refused ORDER BY refused_at, doc_id LIMIT 1`).get() as { reason: string } | undefined;
  return { count, reason: first?.reason ?? null };
}
