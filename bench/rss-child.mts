/**
 * Run by bench/rss.ts in a process of its own: the main process's memory with the data set loaded and
 * tiered. Opens the app on the bench file as the Electron main process does (same openApp), recomputes
 * every scheme, reads a members page and an overview, and prints its peak RSS (getrusage's maxrss, which
 * covers the whole life of the process) and its current RSS and heap, as one JSON line.
 * Usage: tsx bench/rss-child.mts DB_FILE YYYY-MM-DD
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { migrationsFolder } from '../core/paths';

const [dbPath, asOf] = process.argv.slice(2);
if (!dbPath || !asOf) throw new Error('usage: tsx bench/rss-child.mts DB_FILE YYYY-MM-DD');
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const startRss = process.memoryUsage().rss;
const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(asOf) });
await call(app.dispatch, 'segments:recompute', {});
const members = await call(app.dispatch, 'segments:members', { scheme: 'pyramid', limit: 100 });
const overview = await call(app.dispatch, 'segments:overview', { scheme: 'rfm' });
const memory = process.memoryUsage();
const result = {
  customers: overview.customers,
  membersTotal: members.total,
  startRssMiB: mib(startRss),
  rssMiB: mib(memory.rss),
  heapUsedMiB: mib(memory.heapUsed),
  // maxRSS is in KiB.
  peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
};
app.close();
console.log(JSON.stringify(result));
