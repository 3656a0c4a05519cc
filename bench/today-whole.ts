/**
 * Today's whole list made again after a service policy changed, timed with the longest wait other calls meet, in
 * a process holding only that app (bench/today-whole-child.ts), on a copy of the bench file so the rest of the
 * bench keeps its data. The same call in the bench's own process is reported beside it (bench/today-after-write.ts).
 */
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { onSyncedCopy, wholeFileOf } from './database-copy';
import { stallSummary, type Stalls } from './tiers';

export function measureWholeTodayInChild(options: { source: Database; copyPath: string; today: string; runs: number }) {
  const source = wholeFileOf(options.source);
  return onSyncedCopy(source, options.copyPath, (copy) => {
    const runs = runBundledChild<(Stalls & { rows: number })[]>('bench/today-whole-child.ts', [copy, options.today, String(options.runs)]);
    return { ...stallSummary(runs), rows: runs.at(-1)!.rows };
  });
}
