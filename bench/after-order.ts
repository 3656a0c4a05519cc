/**
 * What follows an order, timed with the longest wait other calls meet, in a process holding only that app
 * (bench/after-order-child.ts), on a copy of the bench file so the rest of the bench keeps its data:
 * - `refit`: the Recompute button and the prediction refit that follows it;
 * - `history`: that customer's tier history opened (the customer file, the explanation drawer), which stores
 *   today's snapshot first;
 * - `predictions`: the Predictions screen opened and paged while the refit the order started runs.
 * In the bench's own process the same calls also wait on the collector of everything else the bench holds (the
 * refit's longest waits came out 68–240 ms there against 47–92 ms alone, the history's 42–118 ms, the worst
 * of three 114–134, against 54–65 ms alone, the worst of three 98–102; the Predictions screen's 52–104 ms over
 * five bench runs, against 49–96 ms alone on the 100k copy); those figures are reported beside them.
 */
import type { Database } from 'better-sqlite3';
import { runBundledChild } from './child-process';
import { onSyncedCopy, wholeFileOf } from './database-copy';
import { stallSummary, type Stalls } from './tiers';

export type AfterOrderJourney = 'refit' | 'history' | 'predictions';

export function measureAfterOrderInChild(options: { source: Database; copyPath: string; today: string; runs: number; journey: AfterOrderJourney }) {
  const source = wholeFileOf(options.source);
  return onSyncedCopy(source, options.copyPath, (copy) =>
    stallSummary(runBundledChild<Stalls[]>('bench/after-order-child.ts', [copy, options.today, String(options.runs), options.journey])),
  );
}
