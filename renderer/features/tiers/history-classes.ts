import type { OutputOf } from '../../../shared/contract';
import { classKeysOf } from '../../../shared/segmentation';

type Changes = OutputOf<'segments:history'>['schemes'][string];

/** Classes seen in the history, top class first (the scheme's own order), "not classified" last. */
export function historyClasses(scheme: string, changes: Changes): (string | null)[] {
  const seen = new Set(changes.map((c) => c.classKey));
  const order = classKeysOf(scheme) ?? [];
  const known = order.filter((c) => seen.has(c));
  const free = [...seen].filter((c): c is string => c !== null && !order.includes(c)).sort();
  return [...known, ...free, ...(seen.has(null) ? [null] : [])];
}
