import { databaseUrl, type TeamServer } from './replica';

const TIMEOUT_MS = 15_000;

/** The address answered, but not as CouchDB does: a web page, another service's API (teamErrorKey: team_not_couchdb). */
export class NotCouchDbError extends Error {
  override readonly name = 'not_couchdb';
}

function parsed(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Asks the team database what it is, before a join and at the start of every round. PouchDB's HTTP adapter
 * cannot tell: it takes any JSON for a database's info, and a web page fails it as a fetch error that reads as
 * an unreachable server. CouchDB answers every request with JSON: the database's info (`update_seq`,
 * `doc_count`), or an error with its name (`{error: 'not_found', reason}`), which is thrown as PouchDB throws
 * it so the usual keys follow. A body that is not JSON from a gateway's 5xx (a reverse proxy whose CouchDB is
 * down) is an unreachable server, and one from a proxy asking for its own login a refused login; anything else
 * that answers is not a team server. `mayBeMissing`: creating a team, a missing database is what is expected.
 */
export async function checkTeamDatabase(server: TeamServer, options: { mayBeMissing?: boolean } = {}): Promise<void> {
  const url = databaseUrl(server);
  const response = await fetch(url, {
    headers: { accept: 'application/json', authorization: `Basic ${Buffer.from(`${server.user}:${server.password}`, 'utf8').toString('base64')}` },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json = parsed(await response.text());
  // CouchDB names its errors in snake_case and always gives a reason; another API's `{"error": "Not Found"}` is not one.
  if (json && typeof json.error === 'string' && /^[a-z][a-z_]*$/.test(json.error) && typeof json.reason === 'string') {
    if (options.mayBeMissing && response.status === 404 && json.error === 'not_found') return;
    throw Object.assign(new Error(`${url}: ${json.error}: ${json.reason}`), { name: json.error, status: response.status });
  }
  if (json && 'update_seq' in json && typeof json.doc_count === 'number') return;
  if (!json && response.status >= 502 && response.status <= 504) throw Object.assign(new Error(`${url} answered ${response.status}: the server behind it did not answer`), { status: response.status });
  if (!json && response.status === 401) throw Object.assign(new Error(`${url} asked for another login (401)`), { status: 401 });
  throw new NotCouchDbError(`${url} answered ${response.status} (${response.headers.get('content-type') ?? 'no content type'}), not as a CouchDB database`);
}
