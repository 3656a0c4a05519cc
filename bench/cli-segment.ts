/**
 * The recompute as a power user runs it: the built CLI in a process of its own, end to end (node start,
 * bundle load, migrations check, every scheme recomputed and stored, output printed), timed from spawn to
 * exit. Needs `node scripts/build.mjs` first, which `npm run bench` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { round } from './measure';

export const CLI = resolve('dist/cli/tierbook.cjs');

/** The unchanged runs' spread, and once right after an order (when the CLI also refits), if timed. */
export type CliTiming = { median: number; min: number; max: number; runs: number; afterOrderMs?: number };

export function measureCliSegment(options: { dbPath: string; asOf: string; runs: number }): CliTiming | { skipped: string } {
  if (!existsSync(CLI)) return { skipped: `needs ${CLI} (node scripts/build.mjs)` };
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(timeCliSegment(options.dbPath, options.asOf));
  samples.sort((a, b) => a - b);
  return { median: round(samples[Math.floor(samples.length / 2)]!), min: round(samples[0]!), max: round(samples[samples.length - 1]!), runs: options.runs };
}

/**
 * One `tierbook segment` from spawn to exit, checked to have computed `asOf`. Run after a write, it also
 * waits for the prediction refit the new rows call for (on unchanged rows the stored fit stands).
 */
export function timeCliSegment(dbPath: string, asOf: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, [CLI, 'segment', '--db', dbPath, '--as-of', asOf, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`tierbook segment exited ${child.status}: ${child.stderr}`);
  const out = JSON.parse(child.stdout) as { asOf: string };
  if (out.asOf !== asOf) throw new Error(`tierbook segment computed ${out.asOf}, not ${asOf}`);
  return round(ms);
}
