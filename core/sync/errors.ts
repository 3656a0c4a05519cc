import type { TeamErrorKey } from '../../shared/contract/team';

/** What went wrong talking to the team server, as an error key the screen translates. */
export function teamErrorKey(error: unknown): TeamErrorKey {
  const e = error as { status?: number; code?: string; name?: string; message?: string; cause?: { code?: string } };
  if (e?.status === 401 || e?.name === 'unauthorized') return 'team_unauthorized';
  if (e?.status === 403 || e?.name === 'forbidden') return 'team_forbidden';
  if (e?.status === 404 || e?.name === 'not_found') return 'team_database_missing';
  const code = e?.code ?? e?.cause?.code ?? '';
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE/.test(code) || e?.name === 'FetchError' || /fetch failed|socket hang up|network/i.test(e?.message ?? '')) return 'team_unreachable';
  return 'team_server_error';
}
