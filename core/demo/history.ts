import { addDays } from '../../shared/domain/dates';
import type { HandlerContext } from '../context';
import { recomputeSegmentation, storePastSnapshots } from '../segmentation/state';

/** Month-ends of tier history a demo workspace starts with, so its dashboard has a past to show. */
export const DEMO_HISTORY_MONTHS = 24;
/**
 * Above this many customers the demo stores today's tiers only: a month-end snapshot of 100k customers
 * costs seconds each, and the bench (bench/dashboard.ts) stores its own history at that size.
 */
export const DEMO_HISTORY_MAX_CUSTOMERS = 20_000;

/** The last day of each of the `months` months before `today`'s, oldest first. */
export function monthEndsBefore(today: string, months: number): string[] {
  const days: string[] = [];
  let end = addDays(`${today.slice(0, 8)}01`, -1);
  for (let i = 0; i < months; i++) {
    days.unshift(end);
    end = addDays(`${end.slice(0, 8)}01`, -1);
  }
  return days;
}

/**
 * After the demo is written: its tiers at each past month-end, then today's (with the prediction refit,
 * as the app's daily start does), so tiers "as of" a past day, the dashboard's periods and the
 * migration matrix all have history on a new user's first look.
 */
export function storeDemoHistory(ctx: HandlerContext, customers: number): { snapshots: number } {
  if (customers > DEMO_HISTORY_MAX_CUSTOMERS) return { snapshots: 0 };
  forgetEmptyHistory(ctx);
  const today = ctx.clock.today();
  const past = storePastSnapshots(ctx, monthEndsBefore(today, DEMO_HISTORY_MONTHS));
  const { stored } = recomputeSegmentation(ctx, today);
  return { snapshots: past.length + (stored ? 1 : 0) };
}

/**
 * The app stores today's tiers when it starts, so a workspace opened empty already has a snapshot of
 * nobody for today, and history is written forward only. Runs that classified no one hold no change
 * point: while no change point exists at all, forgetting them loses nothing and lets the past be written.
 */
function forgetEmptyHistory({ db }: HandlerContext): void {
  const client = db.$client;
  const changePoints = client.prepare(`SELECT count(*) FROM (SELECT 1 FROM segment_assignments LIMIT 1)`).pluck().get() as number;
  if (changePoints === 0) client.prepare(`DELETE FROM segment_runs`).run();
}
