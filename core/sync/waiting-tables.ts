import { DESIGN_DOC_ID } from './server/validate-doc-update';
import { databaseUrl, type TeamServer } from './replica';
import { SYNCED_TABLES } from './tables';

const TIMEOUT_MS = 15_000;

/**
 * The synced tables whose documents the team server's document check does not know yet (it was installed by an
 * earlier release: SyncedTable.rulesVersion). It would refuse them as an unknown table, and a refused revision is
 * never offered again unless it changes (push.ts); so their changes wait in the outbox, counted as waiting, and go
 * with the first round after a database admin has run *Create a team* with this release. A server without the
 * check (pouchdb-server, a database set up by hand) refuses no table.
 */
export async function tablesTheServerWouldRefuse(server: TeamServer): Promise<Set<string>> {
  const response = await fetch(`${databaseUrl(server)}/${DESIGN_DOC_ID}`, {
    headers: { accept: 'application/json', authorization: `Basic ${Buffer.from(`${server.user}:${server.password}`, 'utf8').toString('base64')}` },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const check = (await response.json().catch(() => null)) as { tierbookRulesVersion?: unknown } | null;
  if (response.status !== 200 || typeof check?.tierbookRulesVersion !== 'number') return new Set();
  const version = check.tierbookRulesVersion;
  return new Set(SYNCED_TABLES.filter((spec) => (spec.rulesVersion ?? 1) > version).map((spec) => spec.table));
}
