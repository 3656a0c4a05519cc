import type { PouchDatabase } from 'pouchdb';
import { SYNCED_TABLES } from './tables';

/**
 * The team database's validate_doc_update: the server refuses a document that is not a synced row in the
 * shape documents have here (docs/team.md), whoever sends it. Written as CouchDB's JavaScript source.
 */
export function validateDocUpdateSource(): string {
  const tables = JSON.stringify(SYNCED_TABLES.map((t) => t.table));
  return `function (newDoc, oldDoc, userCtx) {
  if (newDoc._deleted) return;
  var tables = ${tables};
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) { if (userCtx.roles.indexOf('_admin') === -1) throw({ forbidden: 'only an admin changes design documents' }); return; }
  var at = id.indexOf(':');
  var table = at > 0 ? id.slice(0, at) : '';
  if (tables.indexOf(table) === -1 || newDoc.table !== table) throw({ forbidden: 'not a TierBook document: ' + id });
  if (id.length > 300) throw({ forbidden: 'document id too long' });
  if (!newDoc.fields || typeof newDoc.fields !== 'object') throw({ forbidden: 'fields missing' });
  for (var name in newDoc.fields) {
    var f = newDoc.fields[name];
    if (!/^[a-z_]{1,40}$/.test(name)) throw({ forbidden: 'bad field name ' + name });
    if (!f || typeof f.t !== 'string' || typeof f.b !== 'string') throw({ forbidden: 'field ' + name + ' has no clock' });
    var v = f.v;
    if (!(v === null || typeof v === 'number' || (typeof v === 'string' && v.length <= 100000))) throw({ forbidden: 'field ' + name + ' has a bad value' });
  }
}`;
}

export async function installDesignDocument(remote: PouchDatabase): Promise<void> {
  const id = '_design/tierbook';
  let rev: string | undefined;
  try {
    rev = (await remote.get(id))._rev;
  } catch {
    rev = undefined;
  }
  await remote.put({ _id: id, ...(rev ? { _rev: rev } : {}), validate_doc_update: validateDocUpdateSource() });
}
