import { useEffect } from 'react';
import { watchLocalDay } from '../../shared/reminders/day-watch';

/**
 * Calls `onNewDay` when the local calendar day changes while the app stays open (midnight, a sleep across it,
 * a new time zone): Today, its badge and everything counted "as of today" were asked for the day they opened
 * on, and a stall's laptop is often left running overnight. A window shown or focused again reads the clock at
 * once, as a machine's timers do not run while it sleeps.
 */
export function useDayRollover(onNewDay: () => void): void {
  useEffect(() => {
    const watch = watchLocalDay({ now: () => new Date(), setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) }, onNewDay);
    const wake = () => {
      if (document.visibilityState === 'visible') watch.check();
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('focus', wake);
    return () => {
      watch.stop();
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('focus', wake);
    };
  }, [onNewDay]);
}
