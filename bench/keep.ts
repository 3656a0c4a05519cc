/**
 * The copy of the tiers' inputs kept after a full read (core/segmentation/kept-inputs.ts), timed with the
 * longest wait other calls meet, in a process holding only that app (bench/keep-child.ts), on a copy of the
 * bench file so the rest of the bench keeps its data.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { round } from './measure';
import { percentile, stallSummary, type Stalls } from './tiers';

export function measureKeepingInChild(options: { source: Database; copyPath: string; today: string; runs: number }) {
  // Everything the bench's connection wrote is in the main file before it is copied.
  options.source.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(options.source.name, options.copyPath);
  // On disk before the child opens it: a gigabyte copied and not yet written back made the child's first
  // checkpoint (which syncs the database file) wait for all of it, 0.4-0.5 s, as a user's file never would.
  const copy = openSync(options.copyPath, 'r+');
  fsyncSync(copy);
  closeSync(copy);
  try {
    const runs = runBundledChild<{ readMs: number; keeping: Stalls; bytes: number }[]>('bench/keep-child.ts', [options.copyPath, options.today, String(options.runs)]);
    return { ...stallSummary(runs.map((r) => r.keeping)), readMs: round(percentile(runs.map((r) => r.readMs), 0.5)), bytes: runs.at(-1)!.bytes };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.copyPath}${suffix}`, { force: true });
  }
}
