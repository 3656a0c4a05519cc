/**
 * The Recompute button and its prediction refit, timed with the longest wait other calls meet, in a process
 * holding only that app (bench/refit-child.ts), on a copy of the bench file so the rest of the bench keeps its
 * data. In the bench's own process the same calls also wait on the collector of everything else the bench
 * holds (its longest waits came out 68–240 ms there against 47–92 ms alone); that figure is reported beside it.
 */
import { copyFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { removeDatabase } from './database-copy';
import type { Stalls } from './tiers';
import { stallSummary } from './tiers';

export function measureRefitInChild(options: { source: Database; copyPath: string; today: string; runs: number }) {
  // Everything the bench's connection wrote is in the main file before it is copied.
  options.source.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(options.source.name, options.copyPath);
  try {
    return stallSummary(runBundledChild<Stalls[]>('bench/refit-child.ts', [options.copyPath, options.today, String(options.runs)]));
  } finally {
    removeDatabase(options.copyPath);
  }
}
