/**
 * Run by bench/rss.ts in a process of its own, bundled as the app's main process and the CLI are (one
 * CommonJS file, no TypeScript loader): the main process's memory with the data set loaded and tiered.
 * Opens the app on the bench file with the same openApp, recomputes every scheme, reads a members page and
 * an overview, and prints its peak RSS (its own address space's high-water mark, bench/own-peak-rss.ts), its
 * RSS before opening the database, and its RSS and heap at the end, as one JSON line.
 * Usage (after bench/rss.ts built it): node dist/bench/rss-child.cjs DB_FILE YYYY-MM-DD
 */
import { openApp } from '../core/app';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { migrationsFolder } from '../core/paths';
import { printResultOf } from './child-result';
import { mib } from './measure';
import { ownPeakRssBytes } from './own-peak-rss';


async function main(dbPath: string | undefined, asOf: string | undefined) {
  if (!dbPath || !asOf) throw new Error('usage: node dist/bench/rss-child.cjs DB_FILE YYYY-MM-DD');
  const startRss = process.memoryUsage().rss;
  // As electron/main.ts does before it opens the app.
  tuneHeapForTiers();
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(asOf) });
  try {
    await call(app.dispatch, 'segments:recompute', {});
    const members = await call(app.dispatch, 'segments:members', { scheme: 'pyramid', limit: 100 });
    const overview = await call(app.dispatch, 'segments:overview', { scheme: 'rfm' });
    const memory = process.memoryUsage();
    return {
      customers: overview.customers,
      membersTotal: members.total,
      startRssMiB: mib(startRss),
      rssMiB: mib(memory.rss),
      heapUsedMiB: mib(memory.heapUsed),
      peakRssMiB: mib(ownPeakRssBytes()),
    };
  } finally {
    app.close();
  }
}

printResultOf(main(process.argv[2], process.argv[3]));
