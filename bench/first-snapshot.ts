/**
 * The first snapshot of a fresh database timed with the longest wait other calls meet, in a process holding
 * only that app (bench/first-snapshot-child.ts), as the app's main process holds one: the bench's own process
 * also holds the TypeScript loader and every figure the bench has gathered, whose collections land inside
 * the waits it measures. Each run on a fresh copy of the bench file taken right after the demo load, so the
 * rest of the bench keeps its data and its own first snapshot.
 */
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { onSyncedCopy, wholeFileOf } from './database-copy';
import { stallSummary, type Stalls } from './tiers';

export function measureFirstSnapshotInChild(options: { source: Database; copyPath: string; today: string; runs: number }) {
  const source = wholeFileOf(options.source);
  const runs = Array.from({ length: options.runs }, () =>
    onSyncedCopy(source, options.copyPath, (copy) => runBundledChild<Stalls>('bench/first-snapshot-child.ts', [copy, options.today])),
  );
  return stallSummary(runs);
}
