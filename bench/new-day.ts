/**
 * The first snapshot of a new day, and what a day of tier history costs on disk. On a copy of the bench
 * file (so the rest of the bench keeps its day): a few hundred orders written through dispatch on the
 * bench's day, then the app started with the next day's clock in a process of its own, as a user opening
 * the app tomorrow starts one (bench/new-day-child.ts), and its first `segments:recompute` timed: `runs` times,
 * each on a fresh copy of the day's file, the median and the worst reported. Growth is
 * counted two ways: the rows the day added to the history and their payload (what the day costs however
 * SQLite packs it), and the pages of the tier-history tables (dbstat) before the day's writes and after the
 * next day's snapshot — often 0, when the day's rows fit in the free space of pages already there.
 */
import { copyFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openApp } from '../core/app';
import { fixedClock } from '../core/context';
import { call } from '../core/dispatch';
import { migrationsFolder } from '../core/paths';
import { addDays } from '../shared/domain/dates';
import { runBundledChild } from './child-process';
import { onSyncedCopy, removeDatabase, wholeFileOf } from './database-copy';
import { tierStorageBytes } from './tier-storage';
import { round } from './measure';
import { liveCustomerIds, percentile, seeded, stallSummary } from './tiers';

type NextDay = { callMs: number; longestStallMs: number; afterAnswerLongestStallMs: number; bytesAfter: Record<string, number>; dayRows: { rows: number; bytes: number } };

type FirstToday = { callMs: number; longestStallMs: number; rows: number };

const total = (bytes: Record<string, number>) => Object.values(bytes).reduce((a, b) => a + b, 0);

export async function measureNewDay(options: { source: Database; copyPath: string; today: string; writes: number; runs: number }) {
  const source = wholeFileOf(options.source);
  copyFileSync(source, options.copyPath);
  try {
    const today = openApp({ dbPath: options.copyPath, migrationsFolder: migrationsFolder(), appVersion: 'bench', files: { mode: 'paths' }, clock: fixedClock(options.today) });
    const before = tierStorageBytes(today.db.$client);
    const ids = liveCustomerIds(today.db.$client);
    const random = seeded(34);
    for (let i = 0; i < options.writes; i++) {
      const customerId = ids[Math.floor(random() * ids.length)]!;
      await call(today.dispatch, 'orders:create', { customerId, orderDate: options.today, amount: `${50 + (i % 500)}.00`, currency: 'CNY', note: 'bench day' });
    }
    today.close();

    // Tomorrow's first start is a process of its own (bench/new-day-child.ts), with only that app in its heap.
    const nextDay = addDays(options.today, 1);
    const runs = Array.from({ length: options.runs }, () =>
      onSyncedCopy(options.copyPath, `${options.copyPath}.run`, (copy) => runBundledChild<NextDay>('bench/new-day-child.ts', [copy, nextDay])),
    );
    // The same morning as the user meets it on Today: its first page, the tiers read and computed on the way.
    const todayRuns = Array.from({ length: options.runs }, () =>
      onSyncedCopy(options.copyPath, `${options.copyPath}.run`, (copy) => runBundledChild<FirstToday>('bench/new-day-child.ts', [copy, nextDay, 'today'])),
    );
    const todayWaits = stallSummary(todayRuns);
    // Every run stores the same day from the same file: its rows and pages are those of any of them.
    const after = runs[0]!.bytesAfter;
    const dayRows = runs[0]!.dayRows;
    const waits = stallSummary(runs);
    return {
      day: nextDay,
      writesInBetween: options.writes,
      runs: options.runs,
      firstRecomputeMs: round(percentile(runs.map((r) => r.callMs), 0.5)),
      firstRecomputeLongestStallMs: waits.longestStallMs,
      firstRecomputeWorstStallMs: waits.worstStallMs,
      afterAnswerLongestStallMs: round(percentile(runs.map((r) => r.afterAnswerLongestStallMs), 0.5)),
      afterAnswerWorstStallMs: round(Math.max(...runs.map((r) => r.afterAnswerLongestStallMs))),
      tierHistoryBytes: total(after),
      growthRows: dayRows.rows,
      growthPayloadBytes: dayRows.bytes,
      growthBytes: total(after) - total(before),
      firstTodayListMs: round(percentile(todayRuns.map((r) => r.callMs), 0.5)),
      firstTodayListLongestStallMs: todayWaits.longestStallMs,
      firstTodayListWorstStallMs: todayWaits.worstStallMs,
      todayRows: todayRuns[0]!.rows,
      growthBytesByTable: Object.fromEntries(Object.keys(after).map((t) => [t, after[t]! - (before[t] ?? 0)])),
    };
  } finally {
    removeDatabase(options.copyPath);
  }
}
