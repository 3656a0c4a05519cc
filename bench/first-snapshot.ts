/**
 * The first snapshot of a fresh database timed with the longest wait other calls meet, in a process holding
 * only that app (bench/first-snapshot-child.ts), as the app's main process holds one: the bench's own process
 * also holds the TypeScript loader and every figure the bench has gathered, whose collections land inside
 * the waits it measures. Each run on a fresh copy of the bench file taken right after the demo load, so the
 * rest of the bench keeps its data and its own first snapshot.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { stallSummary, type Stalls } from './tiers';

export function measureFirstSnapshotInChild(options: { source: Database; copyPath: string; today: string; runs: number }) {
  // Everything the bench's connection wrote is in the main file before it is copied.
  options.source.pragma('wal_checkpoint(TRUNCATE)');
  const runs: Stalls[] = [];
  for (let run = 0; run < options.runs; run++) {
    copyFileSync(options.source.name, options.copyPath);
    // On disk before the child opens it, as a user's file is (bench/keep.ts says why).
    const copy = openSync(options.copyPath, 'r+');
    fsyncSync(copy);
    closeSync(copy);
    try {
      runs.push(runBundledChild<Stalls>('bench/first-snapshot-child.ts', [options.copyPath, options.today]));
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.copyPath}${suffix}`, { force: true });
    }
  }
  return stallSummary(runs);
}
