import type { TeamErrorKey } from '../../shared/contract/team';

/** What went wrong talking to the team server, as an error key the screen translates. */
export function teamErrorKey(error: unknown): TeamErrorKey {
  const e = error as { status?: number; code?: string; name?: string; message?: string; cause?: { code?: string } };
  // The address answers, but not as CouchDB (core/sync/server-check.ts).
  if (e?.name === 'not_couchdb') return 'team_not_couchdb';
  if (e?.status === 401 || e?.name === 'unauthorized') return 'team_unauthorized';
  if (e?.status === 403 || e?.name === 'forbidden') return 'team_forbidden';
  if (e?.status === 404 || e?.name === 'not_found') return 'team_database_missing';
  // A gateway (a reverse proxy in front of CouchDB) answering for a server that did not.
  if (e?.status === 502 || e?.status === 503 || e?.status === 504) return 'team_unreachable';
  const code = e?.code ?? e?.cause?.code ?? '';
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE/.test(code) || e?.name === 'FetchError' || e?.name === 'TimeoutError' || /fetch failed|socket hang up|network/i.test(e?.message ?? '')) return 'team_unreachable';
  return 'team_server_error';
}
