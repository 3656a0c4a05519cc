import { localDateOf } from '../domain/dates';
import { localInstant, nextLocalMidnight } from './wall-clock';

/**
 * When to remind: once a day at the user's time with a summary of today's work, and at the minute of
 * each timed follow-up reminder. Pure (no electron, no node:*, no DOM): the Electron main process and the
 * browser build both run this same module, each with its own clock, data source and way of showing a
 * notification. Tests drive it with a fake clock.
 *
 * Rules (also in the README):
 * - The daily summary shows at most once per local calendar day. The day it was shown is stored (through
 *   `source.markSummaryShown`), so restarting the app never shows it twice.
 * - Started after the set time and today's summary not shown yet: it shows once, at start-up. Started
 *   before: it waits for the time.
 * - Nothing due today: no notification (nothing to say), and the day still counts as done.
 * - A timed reminder shows when its minute arrives while the app runs. One whose minute passed while the
 *   app was closed does not pop up later: it is due today, so the daily summary and Today list it.
 * - Every wake recomputes the next moment from the wall clock (local date + "HH:MM"), and no timer sleeps
 *   longer than `maxSleepMs`: a daylight-saving change, a new time zone or a machine that slept cannot
 *   make a reminder drift; at worst it is late by the time the machine was asleep.
 * - `refresh()` re-reads settings and reminders and re-arms (settings saved, a follow-up logged).
 * - Disabled: no notification of any kind, and no timer is left armed.
 */

export interface ReminderTimer {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReminderSettings {
  enabled: boolean;
  /** "HH:MM", local time. */
  dailyTime: string;
}

export interface TodaySummary {
  /** Everything on today's list, overdue included. */
  total: number;
  overdue: number;
  /** A few customer names to show, most urgent first. */
  first: string[];
}

export interface TimedReminder {
  followUpId: string;
  customerId: string;
  customerName: string;
  /** Local calendar date and "HH:MM" of the reminder. */
  date: string;
  time: string;
}

export interface ReminderSource {
  settings(): Promise<ReminderSettings>;
  summariseToday(): Promise<TodaySummary>;
  /** Open timed reminders dated from `from` to `to` (local calendar dates, inclusive). */
  timedReminders(from: string, to: string): Promise<TimedReminder[]>;
  /** The local date the daily summary was last shown on; null: never. */
  lastSummaryDate(): Promise<string | null>;
  markSummaryShown(date: string): Promise<void>;
}

export type ReminderNotice = { kind: 'summary'; date: string; summary: TodaySummary } | { kind: 'timed'; reminder: TimedReminder };

export interface ReminderScheduler {
  /** Checks now (the start-up summary) and arms the timer. */
  start(): Promise<void>;
  /** Settings or reminders changed: check again and re-arm. */
  refresh(): Promise<void>;
  stop(): void;
}

/** One hour: the longest any single timer sleeps before the wall clock is read again. */
export const MAX_SLEEP_MS = 60 * 60 * 1000;

export function createReminderScheduler(options: {
  timer: ReminderTimer;
  source: ReminderSource;
  notify: (notice: ReminderNotice) => void | Promise<void>;
  onError?: (error: unknown) => void;
  maxSleepMs?: number;
}): ReminderScheduler {
  const { timer, source, notify } = options;
  const maxSleepMs = options.maxSleepMs ?? MAX_SLEEP_MS;
  const onError = options.onError ?? (() => undefined);
  let handle: unknown;
  let stopped = true;
  /** Timed reminders are shown for minutes after this instant only (see the rules above). */
  let watchedSince = 0;
  const shown = new Set<string>();
  let switchedOff = false;
  // Checks run one after another, so a refresh during a check cannot show the same notice twice.
  let queue: Promise<void> = Promise.resolve();

  const disarm = () => {
    if (handle !== undefined) timer.clearTimeout(handle);
    handle = undefined;
  };

  const arm = (ms: number) => {
    disarm();
    handle = timer.setTimeout(() => {
      handle = undefined;
      void schedule();
    }, Math.max(0, Math.min(ms, maxSleepMs)));
  };

  async function check(): Promise<void> {
    if (stopped) return;
    const settings = await source.settings();
    const now = timer.now();
    if (!settings.enabled) {
      switchedOff = true;
      disarm();
      return;
    }
    // Reminders whose minute passed while switched off stay unannounced when switched on again.
    if (switchedOff) watchedSince = now.getTime();
    switchedOff = false;
    const today = localDateOf(now);
    const dailyAt = localInstant(today, settings.dailyTime);

    if (now.getTime() >= dailyAt.getTime() && (await source.lastSummaryDate()) !== today) {
      const summary = await source.summariseToday();
      await source.markSummaryShown(today);
      if (summary.total > 0) await notify({ kind: 'summary', date: today, summary });
    }

    const reminders = await source.timedReminders(localDateOf(new Date(watchedSince)), today);
    let nextTimed = Number.POSITIVE_INFINITY;
    for (const reminder of reminders) {
      const at = localInstant(reminder.date, reminder.time).getTime();
      const key = `${reminder.followUpId}@${reminder.date}T${reminder.time}`;
      if (at > now.getTime()) nextTimed = Math.min(nextTimed, at);
      else if (at > watchedSince && !shown.has(key)) {
        shown.add(key);
        await notify({ kind: 'timed', reminder });
      }
    }
    watchedSince = now.getTime();

    if (stopped) return;
    const nextDaily = now.getTime() < dailyAt.getTime() ? dailyAt.getTime() : localInstant(localDateOf(nextLocalMidnight(now)), settings.dailyTime).getTime();
    // Midnight too: the next day's reminders are read when it starts.
    const next = Math.min(nextDaily, nextTimed, nextLocalMidnight(now).getTime());
    arm(next - now.getTime());
  }

  const schedule = (): Promise<void> => {
    queue = queue.then(check).catch((error: unknown) => {
      onError(error);
      // A failed read (database busy, a closed window) is tried again later, not given up on.
      if (!stopped) arm(Math.min(maxSleepMs, 60_000));
    });
    return queue;
  };

  return {
    start() {
      if (!stopped) return queue;
      stopped = false;
      watchedSince = timer.now().getTime();
      return schedule();
    },
    refresh() {
      return stopped ? queue : schedule();
    },
    stop() {
      stopped = true;
      disarm();
    },
  };
}
