import type { EvaluationReport } from '../../shared/contract/reports';
import { runStepsBetween, turnsEvery, type Steps } from '../../shared/domain/steps';
import type { HandlerContext } from '../context';
import { nextTurn } from '../next-turn';
import { storeTodayInSteps, todayStoreSettled } from '../segmentation/state';
import { storedBeforeSettingsChanged } from '../../db/repos/segmentation';
import { followUpMonthList, orderMonthList, warmMonthInSteps } from './activity';
import { timelineIndexes } from './evaluation-walk';
import { checkPeriodCount, evaluationInSteps, evaluationReads, type EvaluationInput } from './evaluation';
import { tierTimelineInSteps } from './timeline';
import { reportTotalsTrusted } from './totals';
import { trustedTotalsInTurns } from './totals-rebuild';

/** How long the reads ahead run before other calls get a turn, where nothing else ends a step sooner. */
const AHEAD_TURN_MS = 20;

/**
 * An evaluation's reads made ahead of it, in steps: the scheme's tier history (a slice of rows per turn),
 * its classes on the report's days, the months of orders and follow-ups it walks (a slice of rows per
 * turn), and where their customers are in the history. Opened cold — right after start, before the
 * warm-up got that far, or for a scheme not read yet — the report made these reads in one turn: 1.8–2.0 s
 * of the main process at 100k customers, every other call waiting. What is already in memory costs nothing here. evaluation() then checks each read again
 * as ever (a month under its counter, the history under its own), so a write landing between two steps
 * is read by the report itself.
 */
export function* evaluationAheadInSteps(ctx: HandlerContext, input: EvaluationInput): Steps<void> {
  checkPeriodCount(input);
  // The totals' one-time rebuild is one transaction, which the report makes.
  if (!reportTotalsTrusted(ctx.db)) return;
  const timeline = yield* tierTimelineInSteps(ctx.db, input.scheme);
  // A snapshot stored meanwhile: the report reads the history as it is then.
  if (!timeline) return;
  const turnIfLong = turnsEvery(AHEAD_TURN_MS);
  const reads = evaluationReads(ctx, input, timeline);
  for (const day of reads.days) {
    timeline.classesOn(day);
    yield* turnIfLong();
  }
  for (let month = reads.ordersFrom; month <= reads.lastMonth; month++) {
    yield* warmMonthInSteps(ctx.db, 'orders', month);
    yield* turnIfLong();
  }
  for (let month = reads.lookBackMonth; month <= reads.lastMonth; month++) {
    yield* warmMonthInSteps(ctx.db, 'follow_ups', month);
    yield* turnIfLong();
  }
  // Each customer of those months found in the timeline (kept with both; 15–30 ms per source at 100k).
  timelineIndexes(timeline, orderMonthList(ctx.db, reads.ordersFrom, reads.lastMonth).customerIds);
  yield* turnIfLong();
  timelineIndexes(timeline, followUpMonthList(ctx.db, reads.lookBackMonth, reads.lastMonth).customerIds);
}

/** The evaluation, its reads made ahead and its figures computed a step per turn, so that other calls are answered meanwhile. */
export async function evaluationInTurns(ctx: HandlerContext, input: EvaluationInput): Promise<EvaluationReport> {
  // Totals it cannot trust (another time zone, a new version of their rules) are rebuilt a slice per turn first.
  await trustedTotalsInTurns(ctx.db);
  // Today's classes come from the stored history: a change of the tier settings stores today again in the
  // background (segments:config:set), and the report waits for that rather than show the old settings' pyramid;
  // settings saved by another process (the command line), or a store that never ran, are caught up here.
  await todayStoreSettled(ctx.db);
  if (input.to >= ctx.clock.today() && storedBeforeSettingsChanged(ctx.db, ctx.clock.today())) await storeTodayInSteps(ctx);
  await runStepsBetween(evaluationAheadInSteps(ctx, input), nextTurn);
  return runStepsBetween(evaluationInSteps(ctx, input), nextTurn);
}
