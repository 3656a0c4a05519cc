import type Database from 'better-sqlite3';
import { invalidInput, AppError } from '../../shared/contract/errors';
import type { TeamStatus } from '../../shared/contract/team';
import { installDesignDocument } from './design-document';
import { teamErrorKey } from './errors';
import { refusedSummary } from './push';
import { openRemote, type TeamServer } from './replica';
import { checkTeamDatabase } from './server-check';
import type { TeamSync } from './service';
import { pendingChanges, readSyncState, updateSyncState } from './state';
import { SYNCED_TABLES, docIdSql, type SyncedTable } from './tables';

export function teamStatus(client: Database.Database, sync: TeamSync | undefined): TeamStatus {
  const s = readSyncState(client);
  const joined = s.serverUrl !== null;
  const refused = refusedSummary(client);
  return {
    joined,
    serverUrl: s.serverUrl,
    database: s.database,
    user: s.teamUser,
    identity: s.userName,
    lastSyncAt: s.lastSyncAt,
    pendingChanges: joined ? pendingChanges(client) : 0,
    lastErrorKey: s.lastErrorKey,
    refusedCount: refused.count,
    refusedReason: refused.reason,
    lastErrorAt: s.lastErrorAt,
    paused: s.paused,
    syncing: sync?.syncing ?? false,
  };
}

/**
 * True for Apache CouchDB. pouchdb-server 4.2 (the stand-in used in tests and `team dev-server`) has a
 * validation plugin that replaces a replicated document's revision history with the stored one's
 * (pouchdb-validation, lib/index.js), which silently drops replicated edits; so the validation design
 * document is installed on CouchDB only.
 */
async function isCouchDb(server: TeamServer): Promise<boolean> {
  const auth = Buffer.from(`${server.user}:${server.password}`).toString('base64');
  const response = await fetch(server.serverUrl, { headers: { authorization: `Basic ${auth}` } });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return typeof body.couchdb === 'string' && !('express-pouchdb' in body);
}

/** What a laptop joining must know of the team database before it sends anything. */
interface TeamFacts {
  /** Of this laptop's documents named by a natural key (shared settings, tier settings, service policies), those the team already has. */
  sharedOnServer: Set<string>;
  /** The base currency the team's orders are locked to; null while the team has no order. */
  baseCurrency: string | null;
}

/** Checks the server answers for this database and these credentials; `create` makes the database and installs its validation. */
async function reachServer(client: Database.Database, server: TeamServer, create: boolean): Promise<TeamFacts> {
  const remote = await openRemote(server, { create });
  try {
    // Before PouchDB reads the address: it would take another service's JSON for a database, and a web page for an outage.
    await checkTeamDatabase(server, { mayBeMissing: create });
    // PouchDB's http adapter answers info() for a missing database or a refused login with an `error` field, not a rejection.
    const info = (await remote.info()) as { error?: string };
    if (info.error) throw { name: info.error };
    if (create && (await isCouchDb(server))) await installDesignDocument(remote);
    const shared = naturalKeyDocIds(client);
    const found = shared.length > 0 ? await remote.allDocs({ keys: shared }) : { rows: [] };
    const sharedOnServer = new Set(found.rows.filter((r) => r.value !== undefined && !r.value.deleted && !r.error).map((r) => r.key));
    const order = (await remote.allDocs({ startkey: 'orders:', endkey: 'orders:\ufff0', limit: 1, include_docs: true })).rows[0]?.doc as { fields?: { base_currency?: { v?: unknown } } } | undefined;
    const base = order?.fields?.base_currency?.v;
    return { sharedOnServer, baseCurrency: typeof base === 'string' ? base : null };
  } catch (error) {
    // Not reached on a join is an address or a server to check, not an outage to work through offline (the
    // running team's wording): nothing was joined.
    const found = teamErrorKey(error);
    const key = found === 'team_unreachable' ? 'team_unreachable_join' : found === 'team_not_couchdb' ? 'team_not_couchdb_join' : found;
    const path = key === 'team_unauthorized' || key === 'team_forbidden' ? ['password'] : key === 'team_database_missing' ? ['database'] : ['serverUrl'];
    throw invalidInput([{ path, key }]);
  } finally {
    await remote.close().catch(() => undefined);
  }
}

function naturalKeyDocIds(client: Database.Database): string[] {
  return SYNCED_TABLES.filter((spec) => spec.key !== 'id').flatMap((spec) => client.prepare(`SELECT ${docIdSql(spec, 'NEW')} FROM ${spec.table} AS NEW`).pluck().all() as string[]);
}

/**
 * A laptop keeps its orders and exchange rates in its base currency, and the team sums everyone's: a laptop whose
 * base differs takes the team's when it has recorded neither yet, and is refused otherwise.
 */
function adoptTeamBaseCurrency(client: Database.Database, teamBase: string | null): void {
  if (teamBase === null) return;
  const laptop = client.prepare(`SELECT base_currency FROM settings WHERE id = 1`).pluck().get() as string | undefined;
  if (laptop === undefined || laptop === teamBase) return;
  const recorded = client.prepare(`SELECT (SELECT count(*) FROM orders WHERE deleted_at IS NULL) + (SELECT count(*) FROM fx_rates WHERE deleted_at IS NULL)`).pluck().get() as number;
  if (recorded > 0) throw invalidInput([{ path: ['database'], key: 'team_base_currency_differs', params: { team: teamBase, laptop } }]);
  client.prepare(`UPDATE settings SET base_currency = ? WHERE id = 1`).run(teamBase);
}

/**
 * Joins (or creates) a team: remembers the server, turns the outbox on and enqueues every synced row, so the
 * first round sends this laptop's book and receives the team's. Nothing local is lost; the team's shared settings
 * replace the laptop's, and a laptop without orders or rates takes the team's base currency.
 */
export async function joinTeam(client: Database.Database, server: TeamServer, create: boolean, userName?: string): Promise<void> {
  const state = readSyncState(client);
  const sameTeam = state.serverUrl === server.serverUrl && state.database === server.database;
  if (state.serverUrl !== null && !sameTeam) throw new AppError('conflict', 'This laptop is already in a team; leave it first', [{ path: [], key: 'team_already_joined' }]);
  if (!userName && !state.userName) throw invalidInput([{ path: ['user'], key: 'team_identity_required' }]);
  const team = await reachServer(client, server, create && !sameTeam);
  // A person named with the join is kept with it: a join the server refused leaves the laptop's person as it was.
  const person = userName ? { userName } : {};
  if (sameTeam) {
    // The same team again: new credentials (a changed password), nothing else changes.
    updateSyncState(client, { ...person, teamUser: server.user, teamPassword: server.password, lastErrorKey: null, lastErrorAt: null });
    return;
  }
  client.transaction(() => {
    adoptTeamBaseCurrency(client, team.baseCurrency);
    updateSyncState(client, {
      ...person,
      serverUrl: server.serverUrl,
      database: server.database,
      teamUser: server.user,
      teamPassword: server.password,
      enqueue: 1,
      paused: false,
      appliedSeq: '0',
      lastErrorKey: null,
      lastErrorAt: null,
    });
    // The shared rows named by a natural key are the team's from now on (enqueueEverything): what an earlier team
    // wrote to them must not outweigh this team's copy when it arrives.
    for (const spec of SYNCED_TABLES) if (spec.key !== 'id') client.prepare(`DELETE FROM sync_docs WHERE doc_id LIKE ? ESCAPE '\\'`).run(`${spec.table.replace(/_/g, '\\_')}:%`);
    enqueueEverything(client, team.sharedOnServer);
  })();
}

/**
 * Every row goes to the team once, except the shared rows named by a natural key that the team already has (its
 * settings, tier settings and service policies): a laptop that joins takes the team's with the first round rather
 * than overwriting them with its own defaults, which are newer only because the laptop was set up later.
 */
function enqueueEverything(client: Database.Database, sharedOnServer: Set<string>): void {
  const teams = JSON.stringify([...sharedOnServer]);
  for (const spec of SYNCED_TABLES) {
    const changedAt = spec.columns.includes('updated_at') ? `coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
    client
      .prepare(`INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) SELECT ${docIdSql(spec, 'NEW')}, '${spec.table}', NEW.id, ${changedAt} FROM ${spec.table} AS NEW WHERE ${docIdSql(spec, 'NEW')} NOT IN (SELECT value FROM json_each(?)) ON CONFLICT (doc_id) DO NOTHING`)
      .run(teams);
    if (spec.hardDeletes) enqueueDeletedWhileOutside(client, spec);
  }
}

/**
 * The rows of a table whose rows are deleted outright (an order's replaced lines) that were synced once and are gone:
 * deleted while the laptop was outside a team, when no trigger recorded it. Their deletions are sent like the
 * deletions made inside (pump.ts): without them every other laptop kept the old lines beside the new ones. Edits of
 * the other tables need nothing more: their rows are still here, with a delete mark when deleted, and differ from what
 * they last synced as.
 */
function enqueueDeletedWhileOutside(client: Database.Database, spec: SyncedTable): void {
  const prefix = `${spec.table}:`;
  // A range of the key rather than LIKE, so the primary key's index finds the table's documents.
  client
    .prepare(
      `INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at)
       SELECT doc_id, ?, substr(doc_id, ?), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM sync_docs
       WHERE doc_id > ? AND doc_id < ? AND NOT EXISTS (SELECT 1 FROM ${spec.table} WHERE id = substr(doc_id, ?))
       ON CONFLICT (doc_id) DO NOTHING`,
    )
    .run(spec.table, prefix.length + 1, prefix, `${spec.table};`, prefix.length + 1);
}

/**
 * Forgets the team: server, password, outbox and the sync bookkeeping. Every row stays, as a single-user book. The
 * last synced document of each row (sync_docs) stays too: it holds when each field was last written, so a laptop
 * that joins again sends as new only what changed since, instead of stamping its whole copy as the latest edit of
 * every field and overwriting what the others changed meanwhile.
 */
export function forgetTeam(client: Database.Database): void {
  client.transaction(() => {
    updateSyncState(client, { serverUrl: null, database: null, teamUser: null, teamPassword: null, enqueue: 0, paused: false, appliedSeq: '0', lastErrorKey: null, lastErrorAt: null, lastSyncAt: null });
    client.prepare(`DELETE FROM sync_outbox`).run();
    client.prepare(`DELETE FROM sync_parked`).run();
    client.prepare(`DELETE FROM sync_refused`).run();
    // Nothing records a change outside a team: one recorded before leaving would stamp a later edit at its time.
    client.prepare(`DELETE FROM sync_field_changes`).run();
  })();
}
