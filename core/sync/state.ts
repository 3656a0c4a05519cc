import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

/** The sync_state row as the sync code uses it (db/schema/sync.ts says what each column is for). */
export interface SyncState {
  nodeId: string;
  userName: string | null;
  hlc: string;
  enqueue: number;
  serverUrl: string | null;
  database: string | null;
  teamUser: string | null;
  teamPassword: string | null;
  paused: boolean;
  appliedSeq: string;
  lastSyncAt: string | null;
  lastErrorKey: string | null;
  lastErrorAt: string | null;
}

/**
 * The row, created on first use with a fresh random node id. Read first: an insert that inserts nothing still waits
 * for the write lock, and `team status` or a list would then fail while another process writes the file.
 */
export function readSyncState(client: Database.Database): SyncState {
  const select = client.prepare(
    `SELECT node_id AS nodeId, user_name AS userName, hlc, enqueue, server_url AS serverUrl, database, team_user AS teamUser,
            team_password AS teamPassword, paused, applied_seq AS appliedSeq, last_sync_at AS lastSyncAt,
            last_error_key AS lastErrorKey, last_error_at AS lastErrorAt
     FROM sync_state WHERE id = 1`,
  );
  let row = select.get() as (Omit<SyncState, 'paused'> & { paused: number }) | undefined;
  if (!row) {
    client.prepare(`INSERT INTO sync_state (id, node_id) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`).run(randomBytes(8).toString('hex'));
    row = select.get() as Omit<SyncState, 'paused'> & { paused: number };
  }
  return { ...row, paused: row.paused === 1 };
}

const COLUMNS: Record<keyof SyncState, string> = {
  nodeId: 'node_id',
  userName: 'user_name',
  hlc: 'hlc',
  enqueue: 'enqueue',
  serverUrl: 'server_url',
  database: 'database',
  teamUser: 'team_user',
  teamPassword: 'team_password',
  paused: 'paused',
  appliedSeq: 'applied_seq',
  lastSyncAt: 'last_sync_at',
  lastErrorKey: 'last_error_key',
  lastErrorAt: 'last_error_at',
};

export function updateSyncState(client: Database.Database, patch: Partial<SyncState>): void {
  readSyncState(client);
  const entries = Object.entries(patch) as [keyof SyncState, unknown][];
  if (entries.length === 0) return;
  const sets = entries.map(([key]) => `${COLUMNS[key]} = ?`).join(', ');
  client.prepare(`UPDATE sync_state SET ${sets} WHERE id = 1`).run(...entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)));
}

export function pendingChanges(client: Database.Database): number {
  return (client.prepare(`SELECT count(*) AS n FROM sync_outbox`).get() as { n: number }).n;
}
