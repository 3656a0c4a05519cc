import type Database from 'better-sqlite3';
import { rowValues, stampChanges, type SyncDoc } from './document';
import { maxHlc, nextHlc } from './hlc';
import { readShadow, type OutboxEntry } from './rows';
import { readSyncState, updateSyncState } from './state';
import { docIdOf, type SyncedTable } from './tables';

/** Wall-clock milliseconds of a changed_at text; an unreadable one counts as now. */
function wallMs(changedAt: string, now: number): number {
  const ms = Date.parse(changedAt);
  return Number.isFinite(ms) ? ms : now;
}

/**
 * Stamps the local edits of one row (its columns that differ from the last synced document) with the next
 * hybrid logical clock, starting from when the row changed. Runs inside the caller's transaction; returns
 * the row's document (the shadow itself when nothing changed) or null when the row is gone.
 */
export function stampRow(client: Database.Database, spec: SyncedTable, entry: OutboxEntry, row: Record<string, unknown>, now: number): SyncDoc {
  const state = readSyncState(client);
  const docId = docIdOf(spec, row);
  const shadow = readShadow(client, docId);
  const hlc = nextHlc(state.hlc, wallMs(entry.changedAt, now), state.nodeId);
  const stamped = stampChanges(spec, docId, rowValues(spec, row), shadow, hlc, state.userName);
  if (!stamped) return shadow!;
  updateSyncState(client, { hlc: maxHlc(state.hlc, hlc) });
  return stamped;
}
