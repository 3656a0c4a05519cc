import { latestRunDay } from '../../db/repos/segmentation';
import { localDateOf } from '../../shared/domain/dates';
import { watchLocalDay } from '../../shared/reminders/day-watch';
import type { ReminderTimer } from '../../shared/reminders/scheduler';
import type { OpenedApp } from '../app';

/**
 * Store today's tiers if the app has not done so today (the day changed since it last ran), so the history
 * gains one point per day the business uses TierBook. A no-op on the same day, and on a day before the latest
 * stored one: a clock set back (by hand, or a zone west of the last) would otherwise recompute a past day on
 * today's data, rewriting the snapshot it kept of that day, and an unattended one at that.
 */
export async function recomputeIfDayChanged(app: OpenedApp, today: string): Promise<boolean> {
  const latest = latestRunDay(app.db);
  if (latest !== null && latest >= today) return false;
  const result = await app.dispatch('segments:recompute', { asOf: today });
  if (!result.ok) throw new Error(result.error.message);
  return true;
}

/** The wall clock and Node's timers: what the app and `serve` run on. */
const systemTimer: ReminderTimer = { now: () => new Date(), setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };

/**
 * The day's tier snapshot while the app runs: `delayMs` after start (after the first screen is up, so its own first
 * calls are not kept waiting behind a recompute), and again at each new local day — a stall's laptop is often left on
 * overnight, and without it the history gained no point and the tiers stayed on the day the app was started until the
 * next start. One snapshot at a time: a day that turns while one is running waits for it. Returns the stop, for quit.
 */
export function keepDailySnapshots(app: OpenedApp, options: { delayMs: number; onError: (error: unknown) => void; timer?: ReminderTimer }): { stop(): void; settled(): Promise<void> } {
  const timer = options.timer ?? systemTimer;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const snapshot = () => {
    running = running
      .then(() => (stopped ? false : recomputeIfDayChanged(app, localDateOf(timer.now()))))
      .then(() => undefined, options.onError);
  };
  let watch: { stop(): void } | null = null;
  const start = timer.setTimeout(() => {
    snapshot();
    watch = watchLocalDay(timer, snapshot);
  }, options.delayMs);
  return {
    stop() {
      stopped = true;
      timer.clearTimeout(start);
      watch?.stop();
    },
    /** Resolves once the snapshot asked for last has finished (tests). */
    settled: () => running,
  };
}
