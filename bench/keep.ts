/**
 * The copy of the tiers' inputs kept after a full read (core/segmentation/kept-inputs.ts), timed with the
 * longest wait other calls meet, in a process holding only that app (bench/keep-child.ts), on a copy of the
 * bench file so the rest of the bench keeps its data.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';

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
    const runs = runBundledChild<{ readMs: number; keepMs: number; longestStallMs: number; bytes: number }[]>('bench/keep-child.ts', [options.copyPath, options.today, String(options.runs)]);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return {
      runs: runs.length,
      longestStallMs: median(runs.map((r) => r.longestStallMs)),
      worstStallMs: Math.max(...runs.map((r) => r.longestStallMs)),
      keepMs: median(runs.map((r) => r.keepMs)),
      readMs: median(runs.map((r) => r.readMs)),
      bytes: runs[runs.length - 1]!.bytes,
    };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.copyPath}${suffix}`, { force: true });
  }
}
