/**
 * Main-process memory with the data set loaded and tiered, measured in a child process (bench/rss-child.ts)
 * so that what the bench itself holds (DuckDB, earlier measurements) does not count.
 */
import { runBundledChild } from './child-process';

export function measureMainProcessRss(dbPath: string, asOf: string) {
  return runBundledChild<{ customers: number; membersTotal: number; startRssMiB: number; rssMiB: number; heapUsedMiB: number; peakRssMiB: number }>('bench/rss-child.ts', [dbPath, asOf]);
}
