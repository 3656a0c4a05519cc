/**
 * Run by bench/new-day.ts in a process of its own (bench/child-process.ts), as a user opening the app on
 * the next day starts one: the app opened on DB_FILE with DAY's clock, its heap sized as electron/main.ts
 * sizes it, and its first `segments:recompute` timed with the longest wait other calls would meet, then the
 * longest wait while what follows its answer runs (the checkpoint of its history's writes, the prediction
 * refit). Prints the figures and the tier history's bytes afterwards as one JSON line. With `today`: what the user
 * opening the app that morning waits for instead — Today's first page, which reads and computes the tiers first.
 * Usage (after bench/new-day.ts built it): node dist/bench/new-day-child.cjs DB_FILE YYYY-MM-DD [today]
 */
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { tuneHeapForTiers } from '../core/heap-tuning';
import { migrationsFolder } from '../core/paths';
import { predictionsSettled } from '../core/prediction/refit';
import { printResultOf } from './child-result';
import type { OutputOf } from '../shared/contract';
import { tierStorageBytes } from './tier-storage';
import { withStalls } from './tiers';

/** Today's first page as the screen asks for it on the app's first start of `day`, timed with the longest wait of other calls. */
async function firstTodayList(dbPath: string, day: string) {
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(day) });
  try {
    let listed: OutputOf<'today:list'> | undefined;
    const first = await withStalls(async () => {
      listed = await call(app.dispatch, 'today:list', { limit: 100, offset: 0 });
    });
    if (!listed || listed.asOf !== day || listed.items.length === 0) throw new Error(`Today's first page was not of ${day} (asOf ${listed?.asOf}, ${listed?.items.length} rows)`);
    return { callMs: first.callMs, longestStallMs: first.longestStallMs, rows: listed.total };
  } finally {
    app.close();
  }
}

async function main(dbPath: string | undefined, day: string | undefined, mode: string | undefined) {
  if (!dbPath || !day || (mode !== undefined && mode !== 'today')) throw new Error('usage: node dist/bench/new-day-child.cjs DB_FILE YYYY-MM-DD [today]');
  tuneHeapForTiers();
  if (mode === 'today') return firstTodayList(dbPath, day);
  const app = openApp({ dbPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(day) });
  try {
    let recomputed: OutputOf<'segments:recompute'> | undefined;
    const first = await withStalls(async () => {
      recomputed = await call(app.dispatch, 'segments:recompute', {});
    });
    if (!recomputed?.stored || recomputed.asOf !== day) throw new Error(`the next day's snapshot was not stored (asOf ${recomputed?.asOf}, stored ${recomputed?.stored})`);
    const afterAnswer = await withStalls(() => predictionsSettled(app.db));
    // Each row's payload: its four values as stored (text lengths), without SQLite's per-row overhead.
    const dayRows = app.db.$client
      .prepare(`SELECT count(*) AS rows, coalesce(sum(length(scheme) + length(customer_id) + length(as_of) + length(class_key)), 0) AS bytes FROM segment_assignments WHERE as_of = ?`)
      .get(day) as { rows: number; bytes: number };
    return { callMs: first.callMs, longestStallMs: first.longestStallMs, afterAnswerLongestStallMs: afterAnswer.longestStallMs, bytesAfter: tierStorageBytes(app.db.$client), dayRows };
  } finally {
    app.close();
  }
}

printResultOf(main(process.argv[2], process.argv[3], process.argv[4]));
