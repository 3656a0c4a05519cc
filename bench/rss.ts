/**
 * Main-process memory with the data set loaded and tiered, measured in a child process (bench/rss-child.mts)
 * so that what the bench itself holds (DuckDB, the import's file, earlier measurements) does not count.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export function measureMainProcessRss(dbPath: string, asOf: string) {
  // tsx's loader, as `npm run bench` runs the bench itself.
  const child = spawnSync(process.execPath, ['--import', 'tsx', resolve('bench/rss-child.mts'), dbPath, asOf], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/rss-child.mts exited ${child.status}: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as { customers: number; membersTotal: number; startRssMiB: number; rssMiB: number; heapUsedMiB: number; peakRssMiB: number };
}
