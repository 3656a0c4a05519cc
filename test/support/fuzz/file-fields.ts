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
 * from their own keys, so nothing (a `path` on a prototype, say) can reach the handler unconfined; the
 * walk is iterative because the inputs nest thousands of levels deep on purpose.
 */
export function confineFileFields(input: unknown, folder: string): unknown {
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
      if (PATH_KEYS.has(key) && typeof child === 'string') value = fuzzFilePath(folder, child);
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
