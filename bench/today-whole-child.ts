/**
 * Run by bench/today-whole.ts in a process of its own (bench/child-process.ts), as the app's main process holds
 * one app: RUNS times, the app opened on DB_FILE with TODAY's clock and its heap sized as electron/main.ts sizes
 * it, Today's first page asked for (the screen opened: the day's list made once), then a service policy's
 * cadence changed, after which the whole list is made again, and the next first page timed with the longest wait
 * other calls meet meanwhile. The policy is put back before the next run. Prints each run's figures as one JSON line.
 * Usage (after bench/today-whole.ts built it): node dist/bench/today-whole-child.cjs DB_FILE YYYY-MM-DD RUNS
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import { printResultOf } from './child-result';
import { withACadenceChanged } from './today-after-write';
import { withStalls, type Stalls } from './tiers';

const FIRST_PAGE = { limit: 50, offset: 0 } as const;

async function main(dbPath: string | undefined, today: string | undefined, runs: number) {
  if (!dbPath || !today || !(runs > 0)) throw new Error('usage: node dist/bench/today-whole-child.cjs DB_FILE YYYY-MM-DD RUNS');
  tuneHeapForTiers();
  const results: (Stalls & { rows: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(today) });
    try {
      const opened = await call(app.dispatch, 'today:list', FIRST_PAGE);
      if (opened.total === 0) throw new Error('the bench file has nothing on Today: the figure would say nothing');
      let rows = 0;
      const whole = await withACadenceChanged(
        (name, input) => call(app.dispatch, name, input),
        () =>
          withStalls(async () => {
            rows = (await call(app.dispatch, 'today:list', FIRST_PAGE)).total;
          }),
      );
      results.push({ ...whole, rows });
    } finally {
      app.close();
    }
  }
  return results;
}

printResultOf(main(process.argv[2], process.argv[3], Number(process.argv[4])));
