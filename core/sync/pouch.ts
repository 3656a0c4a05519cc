import type PouchDBConstructor from 'pouchdb';

let loading: Promise<typeof PouchDBConstructor> | undefined;

/**
 * PouchDB (with LevelDB and its HTTP adapter under it) is loaded on first use: a laptop that is not in a
 * team — most of them — never pays for it at start, in time or memory, nor does the CLI.
 */
export function loadPouch(): Promise<typeof PouchDBConstructor> {
  return (loading ??= import('pouchdb').then((module) => module.default));
}
