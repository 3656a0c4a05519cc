import { basename, isAbsolute, join } from 'node:path';
import { setOwn } from './mutations';

/**
 * Channels that read or write files. The fuzz runs the app as the loopback bridge does (files confined to
 * the imports/, exports/ and backups/ folders beside the database) and sends path fields that a hostile
 * page would: mostly plain names, which must work, and escapes aimed at a sentinel folder and at the live
 * database, which must be refused. The escapes never point outside the fuzz's own temporary folder, so
 * even a confinement bug could only damage the test's files (tests run as root).
 */
export const FILE_CHANNEL = /^(import|export|backup):/;
const PATH_KEYS = new Set(['path', 'rejectsPath']);

export interface FuzzLayout {
  /** The folder holding the database (and its imports/, exports/, backups/). */
  dbFolder: string;
  /** A folder beside it that no call may write to or read from. */
  outside: string;
}

/** A deterministic choice from the requested text, so a failing case replays with the same seed. */
function pick(text: string, choices: number): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
  return hash % choices;
}

/**
 * What a path field holds during the fuzz: a plain name (most cases), a relative path without `..`
 * as the mutation made it, or an escape: `..` out of the folder, an absolute path to the sentinel
 * folder, the live database or its folder, or a path that climbs out through a purpose folder.
 */
export function fuzzFilePath(layout: FuzzLayout, requested: string, hostile = true): string {
  if (requested.trim() === '') return requested; // left for the contract to refuse as required
  const name = basename(requested.replace(/[\\/]/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  const plain = /^\.*$/.test(name) ? `file${name.length}` : name;
  const db = join(layout.dbFolder, 'tierbook.sqlite');
  if (!hostile) return plain;
  switch (pick(requested, 12)) {
    case 0:
      return `../${basename(layout.outside)}/${plain}`;
    case 1:
      return join(layout.outside, plain);
    case 2:
      return '../tierbook.sqlite';
    case 3:
      return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, layout.dbFolder][pick(plain, 5)]!;
    case 4:
      return join(layout.dbFolder, 'exports', '..', '..', basename(layout.outside), plain);
    case 5:
      return isAbsolute(requested) || requested.includes('..') ? plain : requested.slice(0, 200);
    default:
      return plain;
  }
}

/**
 * A deep copy of a file channel's input with every path field confined to `folder`. Objects are rebuilt
 * from their own keys, so nothing (a `path` on a prototype, say) can reach the handler unconfined; the
 * walk is iterative because the inputs nest thousands of levels deep on purpose.
 */
export function confineFileFields(input: unknown, layout: FuzzLayout, hostile = true): unknown {
  if (input === null || typeof input !== 'object') return input;
  const fresh = (value: object): object => (Array.isArray(value) ? [] : {});
  const copies = new Map<object, object>([[input, fresh(input)]]);
  const pending: object[] = [input];
  while (pending.length > 0) {
    const source = pending.pop()!;
    const copy = copies.get(source)!;
    for (const key of Object.keys(source)) {
      const child: unknown = (source as Record<string, unknown>)[key];
      let value: unknown = child;
      if (PATH_KEYS.has(key) && typeof child === 'string') value = fuzzFilePath(layout, child, hostile);
      else if (child !== null && typeof child === 'object') {
        if (!copies.has(child)) {
          copies.set(child, fresh(child));
          pending.push(child);
        }
        value = copies.get(child);
      }
      setOwn(copy, key, value);
    }
  }
  return copies.get(input);
}
