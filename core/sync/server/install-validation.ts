import type { PouchDatabase, PouchDoc } from 'pouchdb';
import type { TeamErrorKey } from '../../../shared/contract/team';
import { DOC_RULES, type DocRules } from './doc-rules';
import { DESIGN_DOC_ID, validationDesignDoc, type ValidationDesignDoc } from './validate-doc-update';

export interface TeamDatabase {
  /** The team database's address, e.g. https://couch.example.com/acme (no credentials in it). */
  url: string;
  user?: string;
  password?: string;
}

/** Why the document check could not be put on the server: the contract's error key, worded in the user's language by the screen. */
export type InstallFailure = Extract<TeamErrorKey, 'team_unreachable' | 'team_unauthorized' | 'team_forbidden' | 'team_database_missing' | 'team_server_error'>;

export class ValidationInstallError extends Error {
  constructor(
    readonly reason: InstallFailure,
    detail: string,
  ) {
    super(`Could not install TierBook's document check on the team database: ${detail}`);
    this.name = 'ValidationInstallError';
  }
}

/** created: it was not there; updated: an older version was replaced; current: ours was there; newer: a newer app's was there and is kept. */
export type InstallOutcome = 'created' | 'updated' | 'current' | 'newer';

const TIMEOUT_MS = 15_000;

function authHeader(db: TeamDatabase): Record<string, string> {
  if (db.user === undefined) return {};
  return { authorization: `Basic ${Buffer.from(`${db.user}:${db.password ?? ''}`, 'utf8').toString('base64')}` };
}

async function call(db: TeamDatabase, url: string, method: 'GET' | 'PUT', body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...authHeader(db) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ValidationInstallError('team_unreachable', `${db.url} did not answer (${(error as Error).message})`);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, json };
}

const designDoc = (db: TeamDatabase, method: 'GET' | 'PUT', body?: unknown) => call(db, `${db.url.replace(/\/+$/, '')}/${DESIGN_DOC_ID}`, method, body);

/**
 * CouchDB answers 401 both to a wrong password and to a member who may not change design documents:
 * its `_session` tells the two apart (it names the user only when the password was right).
 */
async function signedIn(db: TeamDatabase): Promise<boolean> {
  if (db.user === undefined) return false;
  const server = db.url.replace(/\/+$/, '').replace(/\/[^/]+$/, '');
  const session = await call(db, `${server}/_session`, 'GET');
  const userCtx = session.json.userCtx as { name?: unknown } | undefined;
  return session.status === 200 && userCtx?.name === db.user;
}

async function failure(db: TeamDatabase, status: number, json: Record<string, unknown>): Promise<ValidationInstallError> {
  const said = [json.error, json.reason].filter(Boolean).join(': ') || `HTTP ${status}`;
  if (status === 401 || status === 403) {
    if (db.user !== undefined && !(await signedIn(db))) return new ValidationInstallError('team_unauthorized', `the user name or password was not accepted (${said})`);
    return new ValidationInstallError('team_forbidden', `only an admin of the database may install it (${said})`);
  }
  if (status === 404) return new ValidationInstallError('team_database_missing', `the database does not exist (${said})`);
  return new ValidationInstallError('team_server_error', `the server answered ${said}`);
}

/** What to do about the design document found on the server: leave it, or write ours (over `rev` if there was one). */
function decide(found: Partial<ValidationDesignDoc> | null, wanted: ValidationDesignDoc, rules: DocRules): { keep: 'current' | 'newer' } | { write: ValidationDesignDoc } {
  if (!found) return { write: wanted };
  const version = typeof found.tierbookRulesVersion === 'number' ? found.tierbookRulesVersion : 0;
  if (version > rules.version) return { keep: 'newer' };
  if (version === rules.version && found.validate_doc_update === wanted.validate_doc_update) return { keep: 'current' };
  return { write: { ...wanted, _rev: found._rev } };
}

/**
 * Puts the `validate_doc_update` design document on a team's database, replacing an older version and
 * leaving a newer one (written by a newer app) alone. Safe to call on every team creation or join.
 */
export async function installValidation(db: TeamDatabase, rules: DocRules = DOC_RULES): Promise<InstallOutcome> {
  const wanted = validationDesignDoc(rules);
  const existing = await designDoc(db, 'GET');
  // 404 is both "no such document" and "no such database"; only the first lets us write.
  if (existing.status !== 200 && !(existing.status === 404 && existing.json.reason === 'missing')) throw await failure(db, existing.status, existing.json);
  const next = decide(existing.status === 200 ? (existing.json as Partial<ValidationDesignDoc>) : null, wanted, rules);
  if ('keep' in next) return next.keep;
  const put = await designDoc(db, 'PUT', next.write);
  if (put.status === 201 || put.status === 202 || put.status === 200) return next.write._rev ? 'updated' : 'created';
  throw await failure(db, put.status, put.json);
}

/** The same through an open PouchDB handle on the team database; its errors (with their HTTP status) pass through. */
export async function installValidationThrough(remote: PouchDatabase, rules: DocRules = DOC_RULES): Promise<InstallOutcome> {
  const wanted = validationDesignDoc(rules);
  let found: Partial<ValidationDesignDoc> | null = null;
  try {
    found = (await remote.get(DESIGN_DOC_ID)) as Partial<ValidationDesignDoc>;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  const next = decide(found, wanted, rules);
  if ('keep' in next) return next.keep;
  try {
    await remote.put(next.write as unknown as PouchDoc);
  } catch (error) {
    // The document was just read with these credentials, so a 401 here means "not a database admin"
    // (CouchDB answers 401 to both), which the caller should word as a missing right, not a wrong password.
    if ((error as { status?: number }).status === 401) throw Object.assign(new Error('only an admin of the database may install the document check'), { status: 403, name: 'forbidden' });
    throw error;
  }
  return next.write._rev ? 'updated' : 'created';
}
