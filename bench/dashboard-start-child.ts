/**
 * Run by bench/dashboard.ts in a process of its own (bench/child-process.ts), as the app's main process runs
 * just after start: one app on DB_FILE with TODAY's clock, its heap sized as electron/main.ts sizes it.
 * `warm-up`: the report's warm-up after start (core/reports/warm-up.ts), its time and its longest step;
 * `cold-open`: the dashboard opened at once instead, FROM to TO by month, its time and the longest wait other
 * calls meet meanwhile; `migration`: the migration matrix opened at once, FROM to TODAY (today's tiers computed
 * first, as the app does when the matrix reaches today), then the members of its largest cell, each timed with
 * the longest wait other calls meet; `other-zone`: the dashboard opened at once after the app started in
 * another time zone than the report totals were built in (their state is set to another zone first), so
 * they are rebuilt before it. Prints the figures as one JSON line. In the bench's own process the same steps wait
 * on the collector of every other app it holds (five times longer and more).
 * Usage (after bench/dashboard.ts built it): node dist/bench/dashboard-start-child.cjs DB_FILE TODAY warm-up|cold-open|migration|other-zone FROM TO
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import { reportTotalsTrusted } from '../core/reports/totals';
import type { OutputOf } from '../shared/contract';
import { printResultOf } from './child-result';
import { withStalls } from './tiers';
import { timedWarmUp } from './warm-up-timing';

async function main([dbPath, today, what, from, to]: (string | undefined)[]) {
  if (!dbPath || !today || !from || !to || !['warm-up', 'cold-open', 'migration', 'other-zone'].includes(what ?? '')) throw new Error('usage: node dist/bench/dashboard-start-child.cjs DB_FILE TODAY warm-up|cold-open|migration|other-zone FROM TO');
  tuneHeapForTiers();
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(today) });
  try {
    if (what === 'cold-open') {
      const opened = await withStalls(() => call(app.dispatch, 'reports:evaluation', { scheme: 'pyramid', from, to, period: 'month' }));
      return { callMs: opened.callMs, longestStallMs: opened.longestStallMs };
    }
    if (what === 'other-zone') {
      app.db.$client.prepare(`UPDATE report_totals_state SET time_zone = 'Antarctica/Troll'`).run();
      const opened = await withStalls(() => call(app.dispatch, 'reports:evaluation', { scheme: 'pyramid', from, to, period: 'month' }));
      if (!reportTotalsTrusted(app.db)) throw new Error('the report totals were not rebuilt');
      return { callMs: opened.callMs, longestStallMs: opened.longestStallMs };
    }
    if (what === 'migration') {
      let cells: OutputOf<'reports:migration'>['cells'] = [];
      const matrix = await withStalls(async () => {
        cells = (await call(app.dispatch, 'reports:migration', { scheme: 'pyramid', from, to: today })).cells;
      });
      const largest = [...cells].sort((a, b) => b.customers - a.customers)[0];
      if (!largest) throw new Error('the migration matrix has no cell');
      const members = await withStalls(() => call(app.dispatch, 'reports:migration-members', { scheme: 'pyramid', from, to: today, fromClass: largest.from, toClass: largest.to, limit: 100 }));
      return { matrixMs: matrix.callMs, matrixStallMs: matrix.longestStallMs, membersMs: members.callMs, membersStallMs: members.longestStallMs, largestCell: largest.customers };
    }
    const { ms, longestStepMs, result } = await timedWarmUp(app.db, today);
    if (result.skipped) throw new Error(`the warm-up stopped early: ${result.skipped}`);
    return { ms, longestStepMs, read: result.read };
  } finally {
    app.close();
  }
}

printResultOf(main(process.argv.slice(2)));
