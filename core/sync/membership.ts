import type Database from 'better-sqlite3';
import { invalidInput, AppError } from '../../shared/contract/errors';
import type { TeamStatus } from '../../shared/contract/team';
import { installDesignDocument } from './design-document';
import { teamErrorKey } from './errors';
import { refusedSummary } from './push';
import { openRemote, type TeamServer } from './replica';
import type { TeamSync } from './service';
import { pendingChanges, readSyncState, updateSyncState } from './state';
import { SYNCED_TABLES, docIdSql } from './tables';

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

/** Checks the server answers for this database and these credentials; `create` makes the database and installs its validation. */
async function reachServer(server: TeamServer, create: boolean): Promise<void> {
  const remote = await openRemote(server, { create });
  try {
    // PouchDB's http adapter answers info() for a missing database or a refused login with an `error` field, not a rejection.
    const info = (await remote.info()) as { error?: string };
    if (info.error) throw { name: info.error };
    if (create && (await isCouchDb(server))) await installDesignDocument(remote);
  } catch (error) {
    const key = teamErrorKey(error);
    const path = key === 'team_unauthorized' || key === 'team_forbidden' ? ['password'] : key === 'team_database_missing' ? ['database'] : ['serverUrl'];
    throw invalidInput([{ path, key }]);
  } finally {
    await remote.close().catch(() => undefined);
  }
}

/**
 * Joins (or creates) a team: remembers the server, turns the outbox on and enqueues every synced row, so the
 * first round sends this laptop's book and receives the team's. Nothing local is changed or lost.
 */
export async function joinTeam(client: Database.Database, server: TeamServer, create: boolean, userName?: string): Promise<void> {
  const state = readSyncState(client);
  const sameTeam = state.serverUrl === server.serverUrl && state.database === server.database;
  if (state.serverUrl !== null && !sameTeam) throw new AppError('conflict', 'This laptop is already in a team; leave it first', [{ path: [], key: 'team_already_joined' }]);
  if (!userName && !state.userName) throw invalidInput([{ path: ['user'], key: 'team_identity_required' }]);
  await reachServer(server, create && !sameTeam);
  // A person named with the join is kept with it: a join the server refused leaves the laptop's person as it was.
  const person = userName ? { userName } : {};
  if (sameTeam) {
    // The same team again: new credentials (a changed password), nothing else changes.
    updateSyncState(client, { ...person, teamUser: server.user, teamPassword: server.password, lastErrorKey: null, lastErrorAt: null });
    return;
  }
  client.transaction(() => {
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
    enqueueEverything(client);
  })();
}

function enqueueEverything(client: Database.Database): void {
  for (const spec of SYNCED_TABLES) {
    const changedAt = spec.columns.includes('updated_at') ? `coalesce(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
    client
      .prepare(`INSERT INTO sync_outbox (doc_id, table_name, row_id, changed_at) SELECT ${docIdSql(spec, 'NEW')}, '${spec.table}', NEW.id, ${changedAt} FROM ${spec.table} AS NEW WHERE true ON CONFLICT (doc_id) DO NOTHING`)
      .run();
  }
}

/** Forgets the team: server, password, outbox and the synced-document bookkeeping. Every row stays, as a single-user book. */
export function forgetTeam(client: Database.Database): void {
  client.transaction(() => {
    updateSyncState(client, { serverUrl: null, database: null, teamUser: null, teamPassword: null, enqueue: 0, paused: false, appliedSeq: '0', lastErrorKey: null, lastErrorAt: null, lastSyncAt: null });
    client.prepare(`DELETE FROM sync_outbox`).run();
    client.prepare(`DELETE FROM sync_docs`).run();
    client.prepare(`DELETE FROM sync_parked`).run();
    client.prepare(`DELETE FROM sync_refused`).run();
  })();
}
