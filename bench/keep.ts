/**
 * The copy of the tiers' inputs kept after a full read (core/segmentation/kept-inputs.ts), timed with the
 * longest wait other calls meet, in a process holding only that app (bench/keep-child.ts), on a copy of the
 * bench file so the rest of the bench keeps its data.
 */
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { onSyncedCopy, wholeFileOf } from './database-copy';
import { round } from './measure';
import { percentile, stallSummary, type Stalls } from './tiers';

export function measureKeepingInChild(options: { source: Database; copyPath: string; today: string; runs: number }) {
  const source = wholeFileOf(options.source);
  return onSyncedCopy(source, options.copyPath, (copy) => {
    const runs = runBundledChild<{ readMs: number; keeping: Stalls; bytes: number }[]>('bench/keep-child.ts', [copy, options.today, String(options.runs)]);
    return { ...stallSummary(runs.map((r) => r.keeping)), readMs: round(percentile(runs.map((r) => r.readMs), 0.5)), bytes: runs.at(-1)!.bytes };
  });
}
