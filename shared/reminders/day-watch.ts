import { localDateOf } from '../domain/dates';
import { MAX_SLEEP_MS, type ReminderTimer } from './scheduler';
import { nextLocalMidnight } from './wall-clock';

export interface DayWatch {
  /** Reads the clock now (a window shown again, a machine woken from sleep): a new day is said at once. */
  check(): void;
  stop(): void;
}

/**
 * Says when the local calendar day changes while a screen stays open: at midnight, after a sleep that crossed
 * it, or when the machine's time zone moves the day (a laptop flown abroad), forward or back. Like the reminder
 * scheduler it wakes at the next local midnight read afresh from the wall clock, never sleeping longer than
 * `maxSleepMs`, so a daylight-saving change or a new zone cannot leave it a day behind.
 */
export function watchLocalDay(timer: ReminderTimer, onNewDay: (day: string) => void, maxSleepMs = MAX_SLEEP_MS): DayWatch {
  let day = localDateOf(timer.now());
  let handle: unknown;
  let stopped = false;

  const check = () => {
    if (stopped) return;
    if (handle !== undefined) timer.clearTimeout(handle);
    handle = undefined;
    const now = timer.now();
    const today = localDateOf(now);
    if (today !== day) {
      day = today;
      onNewDay(today);
    }
    if (stopped) return;
    // A millisecond past midnight, so the wake reads the new day rather than the old day's last millisecond.
    const wait = nextLocalMidnight(now).getTime() - now.getTime() + 1;
    handle = timer.setTimeout(check, Math.max(0, Math.min(wait, maxSleepMs)));
  };
  check();

  return {
    check,
    stop() {
      stopped = true;
      if (handle !== undefined) timer.clearTimeout(handle);
      handle = undefined;
    },
  };
}
