/**
 * Main-process memory with the data set loaded and tiered, measured in a child process (bench/rss-child.ts)
 * so that what the bench itself holds (DuckDB, earlier measurements) does not count. Several runs, each on a
 * fresh copy of the bench file: a run stores what the next would then skip (the day's prediction refit, the
 * kept inputs), and the peak of one run moves by 20-40 MiB with where the collector's full collections fall
 * (364-403 MiB over four runs of the same copy at 100k). The median is the figure; the worst is reported.
 */
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { onSyncedCopy, wholeFileOf } from './database-copy';
import { percentile } from './tiers';

interface RssRun {
  customers: number;
  membersTotal: number;
  startRssMiB: number;
  rssMiB: number;
  heapUsedMiB: number;
  peakRssMiB: number;
}

export function measureMainProcessRss(options: { source: Database; copyPath: string; today: string; runs: number }) {
  const source = wholeFileOf(options.source);
  const runs: RssRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    runs.push(onSyncedCopy(source, options.copyPath, (copy) => runBundledChild<RssRun>('bench/rss-child.ts', [copy, options.today])));
  }
  const median = (pick: (run: RssRun) => number) => Math.round(percentile(runs.map(pick), 0.5) * 10) / 10;
  return {
    customers: runs[0]!.customers,
    membersTotal: runs[0]!.membersTotal,
    startRssMiB: median((r) => r.startRssMiB),
    rssMiB: median((r) => r.rssMiB),
    heapUsedMiB: median((r) => r.heapUsedMiB),
    peakRssMiB: median((r) => r.peakRssMiB),
    worstPeakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
    runs: runs.length,
  };
}
