import { basename, join } from 'node:path';
import { setOwn } from './mutations';

/**
 * Channels that read or write files. The fuzz must never touch anything outside its own folder (tests
 * run as root), so their path fields only ever hold plain names inside it, whatever the mutation made.
 */
export const FILE_CHANNEL = /^(import|export|backup):/;
const PATH_KEYS = new Set(['path', 'rejectsPath']);

/**
 * Where a path field points during the fuzz: the requested text reduced to a plain file name inside
 * `folder`. The one place to change when file channels take handles or folder-confined names instead
 * of paths: the fuzz then sends what a caller would really send.
 */
export function fuzzFilePath(folder: string, requested: string): string {
  if (requested.trim() === '') return requested; // left for the contract to refuse as required
  const name = basename(requested.replace(/[\\/]/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  return join(folder, /^\.*$/.test(name) ? `file${name.length}` : name);
}

/**
 * A deep copy of a file channel's input with every path field confined to `folder`. Objects are rebuilt
 * from their own keys, so nothing (a `path` on a prototype, say) can reach the handler unconfined.
 */
export function confineFileFields(input: unknown, folder: string): unknown {
  const seen = new Map<object, unknown>();
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      seen.set(value, copy);
      for (const item of value) copy.push(walk(item));
      return copy;
    }
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      setOwn(copy, key, PATH_KEYS.has(key) && typeof child === 'string' ? fuzzFilePath(folder, child) : walk(child));
    }
    return copy;
  };
  return walk(input);
}
