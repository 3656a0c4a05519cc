/**
 * Copy once per full run, then write in place. A full run's state is shared (the snapshot it stored is
 * compared with the next one, other days' caches may read its rows), so the first write after it copies
 * what it changes. The copies belong to that run's lineage — the states patched from it, one after
 * another, of which only the latest is cached — and later writes change them in place, instead of copying
 * 100k-long columns on every order (megabytes of garbage per write, and the collections that follow).
 *
 * What this costs: a state superseded by a later patch of its lineage sees the later values. Only a call
 * already running when the write came can hold one, and it reads newer data, never a mixture of two runs.
 */
export type Lineage = object;

export const newLineage = (): Lineage => ({});

const owners = new WeakMap<object, Lineage>();

/** `value` itself when this lineage copied it, else a copy that it owns from now on. Without a lineage, always a copy. */
export function writable<T extends object, W extends T>(value: T, lineage: Lineage | undefined, copy: (value: T) => W): W {
  // What this lineage owns was made by `copy`, so it is a W (a Map where a ReadonlyMap was read, say).
  if (lineage !== undefined && owners.get(value) === lineage) return value as W;
  const copied = copy(value);
  if (lineage !== undefined) owners.set(copied, lineage);
  return copied;
}

/** `value` when no lineage owns it, else a copy nobody owns: what a new full run may keep as its own. */
export function released<T extends object>(value: T, copy: (value: T) => T): T {
  return owners.has(value) ? copy(value) : value;
}
