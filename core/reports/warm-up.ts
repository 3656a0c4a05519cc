import { nextTurn } from '../next-turn';
import type { Db } from '../../db/open';
import { warmMonthInSteps } from './activity';
import { reportDays } from './evaluation';
import { firstDayOfMonth, monthIndexOf } from './periods';
import type { Steps } from '../../shared/domain/steps';
import { tierTimelineInSteps, type TierTimeline } from './timeline';
import { reportTotalsTrusted } from './totals';
import { trustedTotalsInTurns } from './totals-rebuild';

/**
 * After the app starts, the report's month memory (core/reports/activity.ts) is empty, and the first
 * dashboard open would read two years of customer-months (~900k rows at 100k customers, ~3 s). This reads
 * them in the background instead, one month of one source per step with a turn of the event loop between
 * steps, so IPC and bridge calls are answered in between (a step is one month, 20–45k rows at 100k
 * customers, read 10,000 rows per turn). Newest months first: they are the ones the dashboard's default range reads; then the
 * default scheme's tier history, a slice of rows per turn, and its classes on each day that range reads. A report
 * asked for meanwhile takes what is already warm and reads the rest itself; a write during the warm-up
 * moves its month's counter, so that month is read again by whichever comes next (warmMonth, a report).
 */

/** A year by month compared with the year before, plus a quarter of contacts before it (coverage look-back). */
export const WARM_MONTHS = 27;
/** The dashboard's scheme when it opens (renderer/features/evaluation/EvaluationPage.tsx). */
export const WARM_SCHEME = 'pyramid';

export interface WarmUpResult {
  /** Month reads done (a month of orders and a month of follow-ups are two); 0 when all was warm already. */
  read: number;
  steps: number;
  /** Why it ended early: stopped, the database closed, or the totals need the report's one-time rebuild first. */
  skipped?: 'stopped' | 'closed' | 'totals_untrusted';
}

export interface WarmUp {
  done: Promise<WarmUpResult>;
  /** Ends it after the step under way (before the database closes). */
  stop(): void;
}

/** The days the dashboard's default range (a year by month up to today) reads classes on, each once. */
export const warmDays = (today: string): string[] => [
  ...new Set(reportDays({ from: firstDayOfMonth(monthIndexOf(today) - 11), to: today, period: 'month' }, today).days),
];

export function warmReports(
  db: Db,
  options: {
    today: string;
    months?: number;
    scheme?: string;
    betweenSteps?: () => Promise<void>;
    /** Work that goes first (Today's list at start, core/today/warm.ts): the months are read after it, whether it succeeds or fails. */
    after?: Promise<unknown>;
  },
): WarmUp {
  let stopped = false;
  const betweenSteps = options.betweenSteps ?? nextTurn;
  // Settled either way, and handled from now on: its failure is the caller's to report, not this one's to throw.
  const after = options.after?.then(
    () => undefined,
    () => undefined,
  );
  const lastMonth = monthIndexOf(options.today);
  const months = options.months ?? WARM_MONTHS;
  // A step says whether it read a month; one that takes several turns yields between them.
  const steps: (() => Steps<boolean>)[] = [];
  const oneTurn = (step: () => boolean) =>
    function* (): Steps<boolean> {
      return step();
    };
  for (let month = lastMonth; month > lastMonth - months; month--) {
    steps.push(() => warmMonthInSteps(db, 'orders', month), () => warmMonthInSteps(db, 'follow_ups', month));
  }
  // The scheme's tier history (~220k change points of the pyramid at 100k customers, 0.2–0.7 s read at
  // once), a slice per turn; kept while the history is unchanged. Not kept when a snapshot is stored
  // meanwhile: then the days below are left to the first report too.
  const scheme = options.scheme ?? WARM_SCHEME;
  let timeline: TierTimeline | undefined;
  steps.push(function* () {
    timeline = yield* tierTimelineInSteps(db, scheme);
    return false;
  });
  // Then the classes on each day the dashboard's default range reads (a year by month up to today), a
  // day per step (a few ms each at 100k customers); kept with the history.
  for (const day of warmDays(options.today)) steps.push(oneTurn(() => (timeline?.classesOn(day), false)));

  const run = async (): Promise<WarmUpResult> => {
    let read = 0;
    let done = 0;
    // First turn before anything: the caller's start-up (window, first screen) goes first.
    await betweenSteps();
    await after;
    // Totals it cannot trust (another time zone, a new version of their rules) are rebuilt first, a slice per
    // turn (core/reports/totals-rebuild.ts; at once it was one ~6 s transaction at 100k customers). Still
    // untrusted after that (a trigger missing), the months are left to the first report.
    await trustedTotalsInTurns(db);
    if (!stopped && db.$client.open && !reportTotalsTrusted(db)) return { read, steps: done, skipped: 'totals_untrusted' };
    const ended = (): WarmUpResult | undefined =>
      stopped ? { read, steps: done, skipped: 'stopped' } : !db.$client.open ? { read, steps: done, skipped: 'closed' } : undefined;
    for (const step of steps) {
      const work = step();
      for (;;) {
        const stop = ended();
        if (stop) return stop;
        const next = work.next();
        if (next.done) {
          if (next.value) read++;
          break;
        }
        await betweenSteps();
      }
      done++;
      await betweenSteps();
    }
    return { read, steps: done };
  };
  return {
    done: run(),
    stop: () => {
      stopped = true;
    },
  };
}
