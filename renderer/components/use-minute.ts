import { useSyncExternalStore } from 'react';

/**
 * The current minute (epoch ms at its start), for clocks on screen. One timer for the whole page, set to the
 * next turn of the minute, and only while something shows a clock: each clock re-renders itself once a minute,
 * never the list around it (Today's virtual list keeps its rows).
 */
const MINUTE = 60_000;
const listeners = new Set<() => void>();
let minute = startOfMinute(Date.now());
let timer: ReturnType<typeof setTimeout> | undefined;

function startOfMinute(ms: number): number {
  return ms - (ms % MINUTE);
}

function tick() {
  const now = Date.now();
  minute = startOfMinute(now);
  for (const listener of listeners) listener();
  // A little past the turn, so a timer that fires early still lands in the new minute; a laptop waking from
  // sleep fires late, and the clock is right from then on.
  timer = setTimeout(tick, MINUTE - (now % MINUTE) + 50);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    minute = startOfMinute(Date.now());
    timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** Between ticks the minute a first clock found; with no clock shown, the minute it is now. */
const snapshot = () => (listeners.size > 0 ? minute : startOfMinute(Date.now()));

export function useMinute(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

const QUARTER_HOUR = 15 * MINUTE;
const quarterSnapshot = () => snapshot() - (snapshot() % QUARTER_HOUR);

/**
 * The current quarter hour (epoch ms at its start), on the same timer: a screen re-renders four times an hour,
 * not every minute. Working hours anywhere begin and end on a quarter hour (Kathmandu's 08:00 is 02:15 UTC).
 */
export function useQuarterHour(): number {
  return useSyncExternalStore(subscribe, quarterSnapshot, quarterSnapshot);
}
