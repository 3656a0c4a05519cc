import type Database from 'better-sqlite3';
import { rowValues, stampChanges, type SyncDoc } from './document';
import { maxHlc, nextHlc, type Hlc } from './hlc';
import { readFieldChanges, readShadow, type OutboxEntry } from './rows';
import { readSyncState, updateSyncState } from './state';
import { docIdOf, type SyncedTable } from './tables';

/** Wall-clock milliseconds of a changed_at text; an unreadable one counts as now. */
function wallMs(changedAt: string, now: number): number {
  const ms = Date.parse(changedAt);
  return Number.isFinite(ms) ? ms : now;
}

/**
 * Each column's own stamp, from when it changed here and the clock this laptop had reached then (recorded by the
 * field-change triggers): ordered after everything the laptop had seen when the edit was made, and at the edit's own
 * time rather than the row's latest change.
 */
function ownStamps(client: Database.Database, docId: string, nodeId: string, now: number): Map<string, Hlc> {
  return new Map(readFieldChanges(client, docId).map((c) => [c.field, nextHlc(c.seen, wallMs(c.changedAt, now), nodeId)]));
}

/**
 * Stamps the local edits of one row (its columns that differ from the last synced document) with hybrid logical
 * clocks: each column from when it changed (sync_field_changes), a column whose change was not recorded (an edit
 * before this release, a settlement written while applying) with the next clock from when the row last changed. Runs
 * inside the caller's transaction; returns the row's document (the shadow itself when nothing changed).
 */
export function stampRow(client: Database.Database, spec: SyncedTable, entry: OutboxEntry, row: Record<string, unknown>, now: number): SyncDoc {
  const state = readSyncState(client);
  const docId = docIdOf(spec, row);
  const shadow = readShadow(client, docId);
  const hlc = nextHlc(state.hlc, wallMs(entry.changedAt, now), state.nodeId);
  const stamped = stampChanges(spec, docId, rowValues(spec, row), shadow, hlc, state.userName, ownStamps(client, docId, state.nodeId, now));
  if (!stamped) return shadow!;
  updateSyncState(client, { hlc: maxHlc(state.hlc, hlc) });
  return stamped;
}
