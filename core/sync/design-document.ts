import type { PouchDatabase } from 'pouchdb';
import { installValidationThrough, type InstallOutcome } from './server/install-validation';

/**
 * The team database's validate_doc_update: the server refuses a document that is not a synced row in the
 * shape documents have here, column by column (core/sync/server/doc-rules.ts, docs/team.md), whoever sends it.
 */
export { validateDocUpdateSource } from './server/validate-doc-update';

/** Installs it on the team database, replacing an older version and keeping a newer app's. */
export function installDesignDocument(remote: PouchDatabase): Promise<InstallOutcome> {
  return installValidationThrough(remote);
}
