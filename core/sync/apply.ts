import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { refreshDerived } from './derived';
import { mergeDocs, rowValues, sameFields, maxStamp, valuesOf, type FieldConflict, type RowValues, type SyncDoc } from './document';
import { maxHlc } from './hlc';
import { withTermsOfOlderRelease } from './order-terms';
import { enqueue, forgetFieldChanges, outboxEntry, readRow, readShadow, rowForDoc, writeShadow } from './rows';
import { stampRow } from './stamp';
import { SETTLED_TABLES, settleApplied, type AppliedRow } from './settle';
import { readSyncState, updateSyncState } from './state';
import { APPLY_ORDER, tableOfDocId, type SyncedTable } from './tables';
import { newId } from '../ids';
import { orderNumberKey } from '../../shared/domain/order-number';

export interface ApplyOutcome {
  applied: number;
  parked: number;
  rejected: number;
  /** Orders whose lines the batch wrote or deleted: their totals are settled after the round's apply (settle-line-totals.ts). */
  linesChanged: Set<string>;
}

type Result = 'applied' | 'parked' | 'rejected';

/**
 * Applies incoming documents to SQLite in one transaction, idempotently: each is merged field by field
 * with the row's own state (local edits not yet sent are stamped first, so they compete fairly), written
 * without re-enqueueing it, and remembered as the row's synced document. A child whose parent has not
 * arrived yet is parked and retried with later batches.
 */
export function applyDocs(db: Db, docs: SyncDoc[], conflicts: FieldConflict[], now: () => Date, afterSeq?: string, deletedDocIds: readonly string[] = []): ApplyOutcome {
  const client = db.$client;
  const outcome: ApplyOutcome = { applied: 0, parked: 0, rejected: 0, linesChanged: new Set() };
  const sorted = [...docs].sort((a, b) => (APPLY_ORDER.get(a.table) ?? 99) - (APPLY_ORDER.get(b.table) ?? 99));
  client.transaction(() => {
    const state = readSyncState(client);
    updateSyncState(client, { enqueue: 0 });
    client.prepare(`UPDATE sync_state SET applying = 1 WHERE id = 1`).run();
    const customers = new Set<string>();
    const written: AppliedRow[] = [];
    let seen = state.hlc;
    // Deletions first: the rows that replace them (an order's new lines) take their places.
    for (const docId of deletedDocIds) deleteRow(client, docId, outcome.linesChanged);
    for (const doc of sorted) {
      const result = applyOne(client, doc, conflicts, now, customers, written, outcome.linesChanged);
      outcome[result]++;
      seen = maxHlc(seen, maxStamp(doc));
    }
    // What no single laptop allows but two offline ones can write: settled here, as local edits that sync.
    settleApplied(client, written, now().toISOString(), customers);
    refreshDerived(db, customers);
    // Receiving a stamp moves this laptop's clock past it, so its next edit is ordered after what it saw.
    const hlc = maxHlc(readSyncState(client).hlc, seen);
    updateSyncState(client, { enqueue: state.enqueue, hlc, ...(afterSeq !== undefined ? { appliedSeq: afterSeq } : {}) });
    client.prepare(`UPDATE sync_state SET applying = 0 WHERE id = 1`).run();
  })();
  return outcome;
}

function applyOne(
  client: Database.Database,
  doc: SyncDoc,
  conflicts: FieldConflict[],
  now: () => Date,
  customers: Set<string>,
  written: AppliedRow[],
  linesChanged: Set<string>,
): Result {
  const spec = tableOfDocId(doc._id);
  if (!spec || spec.table !== doc.table || !doc.fields || typeof doc.fields !== 'object') return 'rejected';
  const incoming = valuesOf(doc);
  const row = rowForDoc(client, spec, incoming);
  const pending = outboxEntry(client, doc._id);
  // Deleted outright here, its deletion not sent yet (it waits for this very document: pump.ts, deletionsOf): brought
  // back, it would stand beside the rows that replaced it, and the deletion would never leave.
  if (spec.hardDeletes && !row && pending) return 'applied';
  const base = row && pending ? stampRow(client, spec, pending, row, now().getTime()) : readShadow(client, doc._id);
  const found: FieldConflict[] = [];
  const merged = base ? mergeDocs(base, doc, found) : doc;
  const values = withTermsOfOlderRelease(merged, valuesOf(merged));
  const result = writeRow(client, spec, row, values, now);
  if (result !== 'applied') {
    if (result === 'parked') client.prepare(`INSERT INTO sync_parked (doc_id) VALUES (?) ON CONFLICT DO NOTHING`).run(doc._id);
    return result;
  }
  conflicts.push(...found);
  client.prepare(`DELETE FROM sync_parked WHERE doc_id = ?`).run(doc._id);
  writeShadow(client, merged);
  // The local edits stamped into `base` are in the merged document now.
  forgetFieldChanges(client, doc._id);
  const after = rowForDoc(client, spec, values);
  // Local edits won some fields, or a unique collision changed the row: the replica must hear about it.
  if (after && (!sameFields(merged, doc) || differs(spec, after, values))) enqueue(client, doc._id, spec.table, String(after.id), now().toISOString());
  if (after && SETTLED_TABLES.has(spec.table)) written.push({ table: spec.table, values: rowValues(spec, after) });
  if (spec.table === 'order_lines') for (const orderId of [values.order_id, row?.order_id]) if (typeof orderId === 'string') linesChanged.add(orderId);
  if (spec.customerColumn && typeof values[spec.customerColumn] === 'string') customers.add(values[spec.customerColumn] as string);
  // A row that moved to another customer (a merge on another laptop) leaves the one it was on with figures to recount too.
  if (spec.customerColumn && typeof row?.[spec.customerColumn] === 'string') customers.add(row[spec.customerColumn] as string);
  return 'applied';
}

/** A row another laptop deleted outright (SyncedTable.hardDeletes) goes here too, with what this laptop knew of it. */
function deleteRow(client: Database.Database, docId: string, linesChanged: Set<string>): void {
  const spec = tableOfDocId(docId);
  if (!spec?.hardDeletes) return;
  const id = docId.slice(spec.table.length + 1);
  const orderId = spec.table === 'order_lines' ? (readRow(client, spec, id)?.order_id as string | undefined) : undefined;
  if (orderId !== undefined) linesChanged.add(orderId);
  client.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(id);
  for (const table of ['sync_docs', 'sync_parked', 'sync_outbox', 'sync_field_changes']) client.prepare(`DELETE FROM ${table} WHERE doc_id = ?`).run(docId);
}

function differs(spec: SyncedTable, row: Record<string, unknown>, values: RowValues): boolean {
  return spec.columns.some((c) => (row[c] ?? null) !== (values[c] ?? null));
}

function writeRow(client: Database.Database, spec: SyncedTable, row: Record<string, unknown> | undefined, values: RowValues, now: () => Date, retried = false): Result {
  // What this laptop derives from the document (an order number's key) is written with it.
  const derived = spec.derive?.(values) ?? {};
  const stored: Record<string, unknown> = { ...values, ...derived };
  const columnsOf = [...spec.columns, ...Object.keys(derived)];
  client.prepare('SAVEPOINT sync_apply_row').run();
  try {
    if (row) {
      const changed = columnsOf.filter((c) => c !== 'id' && (row[c] ?? null) !== (stored[c] ?? null) && c in stored);
      if (changed.length > 0) client.prepare(`UPDATE ${spec.table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...changed.map((c) => stored[c] ?? null), row.id);
    } else {
      const columns = columnsOf.filter((c) => c in stored);
      const extra = spec.key !== 'id' && !columns.includes('id') ? { id: newId() } : {};
      const names = [...columns, ...Object.keys(extra)];
      client.prepare(`INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...columns.map((c) => stored[c] ?? null), ...Object.values(extra));
    }
    client.prepare('RELEASE sync_apply_row').run();
    return 'applied';
  } catch (error) {
    client.prepare('ROLLBACK TO sync_apply_row').run();
    client.prepare('RELEASE sync_apply_row').run();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'parked';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && spec.unique && !retried && settleUnique(client, spec, values, stored, now)) return writeRow(client, spec, row, values, now, true);
    return 'rejected';
  }
}

/**
 * Two laptops filled the same unique key offline. The row with the smaller id keeps it; the other is
 * retired (soft-deleted) or renumbered — the same choice on every laptop, and the change syncs.
 */
function settleUnique(client: Database.Database, spec: SyncedTable, values: RowValues, stored: Record<string, unknown>, now: () => Date): boolean {
  const unique = spec.unique!;
  // The key as stored (derived columns included: an order number's key, under which INV-1 and inv-1 collide).
  const other = client
    .prepare(`SELECT * FROM ${spec.table} WHERE ${unique.columns.map((c) => `${c} = ?`).join(' AND ')} AND id <> ? AND deleted_at IS NULL`)
    .get(...unique.columns.map((c) => stored[c] ?? null), values.id) as Record<string, unknown> | undefined;
  if (!other) return false;
  const at = now().toISOString();
  const settle = (target: RowValues | Record<string, unknown>) => {
    if (unique.resolve === 'retire') target.deleted_at = at;
    else target.order_number = `${String(target.order_number)}-${String(target.id).slice(-6)}`;
  };
  if (String(values.id) > String(other.id)) {
    settle(values);
    return true;
  }
  const changed: Record<string, unknown> = { id: other.id, order_number: other.order_number };
  settle(changed);
  if (unique.resolve === 'retire') client.prepare(`UPDATE ${spec.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(at, at, other.id);
  else client.prepare(`UPDATE ${spec.table} SET order_number = ?, order_number_key = ? WHERE id = ?`).run(changed.order_number, orderNumberKey(String(changed.order_number)), other.id);
  enqueue(client, `${spec.table}:${String(other.id)}`, spec.table, String(other.id), at);
  return true;
}
