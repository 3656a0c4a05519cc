import type { Hlc } from './hlc';
import type { SyncedTable } from './tables';

/** A column's value with the stamp of the edit that wrote it, the stamp it replaced, and who wrote it. */
export interface FieldState {
  v: string | number | null;
  /** Hybrid logical clock of the edit that wrote `v`. */
  t: Hlc;
  /** The stamp of the value this edit replaced ('' for the first): an edit that did not see a value cannot have meant to overwrite it. */
  b: Hlc;
  by: string | null;
}

/** One synced row as a replication document (docs/team.md shows an example). */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  table: string;
  fields: Record<string, FieldState>;
}

/** Same-field edits made without seeing each other; the later stamp won. */
export interface FieldConflict {
  docId: string;
  field: string;
  kept: FieldState;
  overwritten: FieldState;
}

export type RowValues = Record<string, string | number | null>;

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

/** The row's synced columns as plain values. */
export function rowValues(spec: SyncedTable, row: Record<string, unknown>): RowValues {
  const values: RowValues = {};
  for (const column of spec.columns) {
    const value = row[column];
    values[column] = typeof value === 'bigint' ? Number(value) : ((value ?? null) as string | number | null);
  }
  return values;
}

/**
 * The document for a row's current values: columns unchanged since `shadow` keep their stamps, changed
 * ones get their own stamp from `ownStamps` (when that column changed here), or `hlc` (when the row last changed)
 * where none was recorded or it would not come after the value it replaced. Returns null when nothing changed (and a
 * shadow exists).
 */
export function stampChanges(
  spec: SyncedTable,
  docId: string,
  values: RowValues,
  shadow: SyncDoc | null,
  hlc: Hlc,
  by: string | null,
  ownStamps: ReadonlyMap<string, Hlc> = new Map(),
): SyncDoc | null {
  const fields: Record<string, FieldState> = {};
  let changed = shadow === null;
  for (const column of spec.columns) {
    const before = shadow?.fields[column];
    if (before && sameValue(before.v, values[column])) fields[column] = before;
    else {
      const own = ownStamps.get(column);
      // A record older than the value it replaces is stale (that value arrived or was written since): the row's time.
      const t = own !== undefined && own > (before?.t ?? '') && own <= hlc ? own : hlc;
      fields[column] = { v: values[column] ?? null, t, b: before?.t ?? '', by };
      changed = true;
    }
  }
  return changed ? { _id: docId, table: spec.table, fields } : null;
}

/** Deterministic order of two states of one field: the later stamp, then the larger value on an exact tie. */
function wins(a: FieldState, b: FieldState): boolean {
  if (a.t !== b.t) return a.t > b.t;
  return JSON.stringify(a.v) >= JSON.stringify(b.v);
}

/** Book-keeping columns that every edit changes; a difference there is not a conflict anyone needs to see. */
const NOT_REPORTED = new Set(['updated_at', 'updated_by', 'created_at', 'created_by']);

/**
 * Merges two states of one document field by field: per field the later stamp wins. Commutative,
 * associative and idempotent, so every laptop converges whatever order documents arrive in.
 */
export function mergeDocs(a: SyncDoc, b: SyncDoc, conflicts?: FieldConflict[]): SyncDoc {
  const fields: Record<string, FieldState> = {};
  for (const name of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
    const x = a.fields[name];
    const y = b.fields[name];
    if (!x || !y) {
      fields[name] = (x ?? y)!;
      continue;
    }
    const [kept, lost] = wins(x, y) ? [x, y] : [y, x];
    fields[name] = kept;
    if (conflicts && kept.t !== lost.t && kept.b < lost.t && !sameValue(kept.v, lost.v) && !NOT_REPORTED.has(name)) {
      conflicts.push({ docId: a._id, field: name, kept, overwritten: lost });
    }
  }
  return { _id: a._id, table: a.table, fields };
}

export function sameFields(a: SyncDoc, b: SyncDoc): boolean {
  const names = Object.keys(a.fields);
  if (names.length !== Object.keys(b.fields).length) return false;
  return names.every((n) => {
    const x = a.fields[n]!;
    const y = b.fields[n];
    return !!y && x.t === y.t && x.b === y.b && x.by === y.by && sameValue(x.v, y.v);
  });
}

export function valuesOf(doc: SyncDoc): RowValues {
  return Object.fromEntries(Object.entries(doc.fields).map(([k, f]) => [k, f.v]));
}

export function maxStamp(doc: SyncDoc): Hlc {
  let max = '';
  for (const f of Object.values(doc.fields)) if (f.t > max) max = f.t;
  return max;
}

/** The body kept locally and sent: no revision (PouchDB owns those). */
export function bodyOf(doc: SyncDoc): SyncDoc {
  return { _id: doc._id, table: doc.table, fields: doc.fields };
}
