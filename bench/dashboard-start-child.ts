/**
 * Run by bench/dashboard.ts in a process of its own (bench/child-process.ts), as the app's main process runs
 * just after start: one app on DB_FILE with TODAY's clock, its heap sized as electron/main.ts sizes it.
 * `warm-up`: the report's warm-up after start (core/reports/warm-up.ts), its time and its longest step;
 * `cold-open`: the dashboard opened at once instead, FROM to TO by month, its time and the longest wait other
 * calls meet meanwhile. Prints the figures as one JSON line. In the bench's own process the same steps wait
 * on the collector of every other app it holds (five times longer and more).
 * Usage (after bench/dashboard.ts built it): node dist/bench/dashboard-start-child.cjs DB_FILE TODAY warm-up|cold-open FROM TO
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import { printResultOf } from './child-result';
import { withStalls } from './tiers';
import { timedWarmUp } from './warm-up-timing';

async function main([dbPath, today, what, from, to]: (string | undefined)[]) {
  if (!dbPath || !today || !from || !to || (what !== 'warm-up' && what !== 'cold-open')) throw new Error('usage: node dist/bench/dashboard-start-child.cjs DB_FILE TODAY warm-up|cold-open FROM TO');
  tuneHeapForTiers();
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(today) });
  try {
    if (what === 'cold-open') {
      const opened = await withStalls(() => call(app.dispatch, 'reports:evaluation', { scheme: 'pyramid', from, to, period: 'month' }));
      return { callMs: opened.callMs, longestStallMs: opened.longestStallMs };
    }
    const { ms, longestStepMs, result } = await timedWarmUp(app.db, today);
    if (result.skipped) throw new Error(`the warm-up stopped early: ${result.skipped}`);
    return { ms, longestStepMs, read: result.read };
  } finally {
    app.close();
  }
}

printResultOf(main(process.argv.slice(2)));
