import { readSettings } from '../../db/repos/settings';
import { AppError } from '../../shared/contract';
import { MAX_REPORT_CLASSES, MAX_REPORT_PERIODS, type EvaluationReport, type Movement, type ReportPeriod } from '../../shared/contract/reports';
import { addDays } from '../../shared/domain/dates';
import { runSteps, turnsEvery, type Steps } from '../../shared/domain/steps';
import { classKeysOf } from '../../shared/segmentation';
import type { HandlerContext } from '../context';
import { dayNumber } from '../../shared/segmentation/day-number';
import { dayStartInstant, followUpMonthList, orderMonthList } from './activity';
import { classPolicies } from './class-policies';
import { coverCohort, newWalk, timelineIndexes, walkFollowUps, walkOrders, type PeriodSlots } from './evaluation-walk';
import { directionOf, isOrderedScheme, orderedClasses } from './class-order';
import { addTally, emptyTally, figuresOf, type Tally } from './figures';
import { monthIndexOf, periodCount, periodOf, periodsCovering, periodsPerYear } from './periods';
import { exactMoney } from './exact-money';
import { paretoCurve } from './pyramid';
import { classAt, NO_CLASS, tierTimeline, type TierTimeline } from './timeline';

/** A scheme listing at most this many classes shows every one of them, even empty (a tier that emptied still shows, at 0). */
const SHOW_ALL_UP_TO = 20;
const MONTHS_PER_PERIOD: Record<ReportPeriod, number> = { month: 1, quarter: 3, year: 12 };

export interface EvaluationInput {
  scheme: string;
  from: string;
  to: string;
  period: ReportPeriod;
}

/**
 * The days a report reads classes on: the periods (with the year before them, `back` periods), each one's
 * last day (its end, or today while it runs) and the pyramid's day. core/reports/warm-up.ts asks the tier
 * timeline for the same days in the background.
 */
export function reportDays({ from, to, period }: Omit<EvaluationInput, 'scheme'>, today: string) {
  const back = periodsPerYear(period);
  const periods = periodsCovering(periodOf(from, period, -back).start, to, period);
  const lastDay = periods.map((p) => (p.end < today ? p.end : p.start > today ? p.start : today));
  const pyramidDay = to < today ? to : today;
  /** Every day classesOn is asked for. */
  const days = [...periods.map((p) => p.start), ...lastDay.slice(back), pyramidDay];
  return { back, periods, lastDay, pyramidDay, days };
}

/** Refuses a range of more periods than a report shows. */
export function checkPeriodCount({ from, to, period }: Omit<EvaluationInput, 'scheme'>): void {
  const count = periodCount(from, to, period);
  if (count > MAX_REPORT_PERIODS) throw new AppError('invalid_input', `The range covers ${count} periods; at most ${MAX_REPORT_PERIODS}.`, [{ path: ['to'], key: 'report_too_many_periods', params: { max: MAX_REPORT_PERIODS } }]);
}

/**
 * What an evaluation reads besides the timeline: its days (reportDays), the classes' contact policies, and
 * the months of orders and of follow-ups — contacts before the first reported period count for coverage as
 * far back as the longest cadence. Shared with the reads made ahead in steps (evaluation-ahead.ts); both
 * callers have checked the range (checkPeriodCount) before anything is read.
 */
export function evaluationReads(ctx: HandlerContext, { scheme, from, to, period }: EvaluationInput, timeline: TierTimeline) {
  const { back, periods, lastDay, pyramidDay, days } = reportDays({ from, to, period }, ctx.clock.today());
  const policies = classPolicies(ctx, scheme);
  const cadenceOf = timeline.classKeys.map((key) => policies.get(key)?.cadenceDays ?? null);
  const longestCadence = Math.max(0, ...cadenceOf.map((c) => c ?? 0));
  const firstReported = periods[back]!.start;
  const firstMonth = monthIndexOf(periods[0]!.start);
  const lastMonth = monthIndexOf(periods[periods.length - 1]!.end);
  const lookBackMonth = Math.min(monthIndexOf(firstReported), monthIndexOf(addDays(firstReported, -longestCadence)));
  const ordersFrom = Math.min(firstMonth, lookBackMonth);
  return { back, periods, lastDay, pyramidDay, days, policies, cadenceOf, firstMonth, lastMonth, lookBackMonth, ordersFrom };
}

/**
 * Every figure of the evaluation dashboard (docs/evaluation.md defines each). The periods are read
 * together with the year before them (growth needs the previous period and the same one a year back),
 * each customer's class on a period's first day makes the cohort the period's figures belong to, and
 * orders and follow-ups arrive summed per customer and period (core/reports/activity.ts).
 */
export function evaluation(ctx: HandlerContext, input: EvaluationInput): EvaluationReport {
  return runSteps(evaluationInSteps(ctx, input));
}

/** How long the figures are computed before other calls get a turn (a cold process: 75–105 ms at 100k in all). */
const FIGURES_TURN_MS = 25;

/**
 * evaluation yielding between its periods and its passes once a turn has run FIGURES_TURN_MS. It reads
 * everything it needs before its first turn (the timeline, the days' classes, the months, the base currency
 * and where the history starts), so the figures are of that moment whatever is written meanwhile.
 */
export function* evaluationInSteps(ctx: HandlerContext, input: EvaluationInput): Steps<EvaluationReport> {
  const started = performance.now();
  const turnIfDue = turnsEvery(FIGURES_TURN_MS);
  const { scheme, from, to, period } = input;
  const { db } = ctx;
  const today = ctx.clock.today();
  checkPeriodCount(input);
  const timeline = tierTimeline(db, scheme);
  const { back, periods, lastDay, pyramidDay, policies, cadenceOf, firstMonth, lastMonth, lookBackMonth, ordersFrom } = evaluationReads(ctx, input, timeline);
  const startClasses = periods.map((p) => timeline.classesOn(p.start));
  const endClasses = periods.map((p, i) => (i < back ? undefined : timeline.classesOn(lastDay[i]!)));
  const pyramidClasses = timeline.classesOn(pyramidDay);
  const unclassified = timeline.classKeys.length;

  const tallies = periods.map(() => Array.from({ length: unclassified + 1 }, emptyTally));
  const perPeriod = MONTHS_PER_PERIOD[period];
  const orders = orderMonthList(db, ordersFrom, lastMonth);
  const followUps = followUpMonthList(db, lookBackMonth, lastMonth);
  const baseCurrency = readSettings(db).baseCurrency;
  const historyFrom = (db.$client.prepare(`SELECT min(as_of) FROM segment_runs`).pluck().get() as string | null) ?? null;
  const orderCustomer = timelineIndexes(timeline, orders.customerIds);
  const followUpCustomer = timelineIndexes(timeline, followUps.customerIds);
  /** The months of period i (−1: the look-back before the first period, from `from` on), in order. */
  const monthsIn = <T>(list: T[], from: number, i: number): T[] => {
    const start = Math.max(from, i < 0 ? from : firstMonth + i * perPeriod);
    const end = Math.min(lastMonth, i < 0 ? firstMonth - 1 : firstMonth + (i + 1) * perPeriod - 1);
    return end < start ? [] : list.slice(start - from, end - from + 1);
  };

  // Per customer: the last sale day and last follow-up instant so far, and marks so that a customer is a
  // buyer, a rater or an active unclassified customer once per period (a quarter holds three months of rows).
  const walk = newWalk(timeline.customerCount);
  const hasCadence = Uint8Array.from(cadenceOf, (d) => (d === null ? 0 : 1));

  for (let i = -1; i < periods.length; i++) {
    const slots: PeriodSlots | undefined = i < 0 ? undefined : { index: i, slots: tallies[i]!, starts: startClasses[i]!, unclassified };
    const own = i >= back;
    let activeUnclassified = 0;
    for (const month of monthsIn(orders.months, ordersFrom, i)) activeUnclassified += walkOrders(month, orderCustomer, walk, slots, own);
    for (const month of monthsIn(followUps.months, lookBackMonth, i)) activeUnclassified += walkFollowUps(month, followUpCustomer, walk, own ? slots : undefined);
    if (!slots || !own) continue;
    slots.slots[unclassified]!.customers = activeUnclassified;

    // Cohort sizes, and coverage (the policies:due rule, evaluation-walk.ts coverCohort): covered when the
    // last contact on or before the period's last day L falls on one of the days L − d + 1 … L.
    const last = lastDay[i]!;
    const lastNumber = dayNumber(last);
    const lastEnds = Date.parse(dayStartInstant(addDays(last, 1)));
    const fromDay = Float64Array.from(cadenceOf, (d) => (d === null ? -1 : lastNumber + 1 - d));
    const fromAt = Float64Array.from(cadenceOf, (d) => (d === null ? -1 : Date.parse(dayStartInstant(addDays(last, 1 - d)))));
    coverCohort(slots, walk, hasCadence, fromDay, fromAt, lastNumber, lastEnds);
    yield* turnIfDue();
  }
  const { rangeRevenue } = walk;

  // Which classes to show: every class of a short list, and every class anyone was in on a day the report reads.
  // In the order first met; marked in an array, as a Set took 2.5M additions for a year by month at 100k.
  const seen: number[] = [];
  const isSeen = new Uint8Array(unclassified);
  for (const classes of [...startClasses.slice(back), ...endClasses.slice(back), pyramidClasses]) markSeen(classes!, isSeen, seen);
  const listed = classKeysOf(scheme);
  const keys = new Set(seen.map((c) => timeline.classKeys[c]!));
  if (listed && listed.length <= SHOW_ALL_UP_TO) for (const key of listed) keys.add(key);
  const classes = orderedClasses(scheme, keys).slice(0, MAX_REPORT_CLASSES);
  const slotByKey = new Map(timeline.classKeys.map((key, c) => [key, c]));

  const totals = tallies.map((slots) => {
    const total = emptyTally();
    for (const t of slots) addTally(total, t);
    return total;
  });
  const revenueOf = (i: number, key: string | null): number | undefined => {
    if (i < 0) return undefined;
    const slot = key === null ? unclassified : slotByKey.get(key);
    return slot === undefined ? 0 : tallies[i]![slot]!.revenueMinor;
  };
  const figures = (i: number, t: Tally, key: string | null | 'total') =>
    figuresOf(
      t,
      totals[i]!.revenueMinor,
      key === 'total' ? totals[i - 1]?.revenueMinor : revenueOf(i - 1, key),
      key === 'total' ? totals[i - back]?.revenueMinor : revenueOf(i - back, key),
    );

  yield* turnIfDue();
  const reportPeriods = periods.slice(back).map((p, j) => {
    const i = j + back;
    return {
      start: p.start,
      end: p.end,
      complete: p.end < today,
      classes: Object.fromEntries(classes.map(({ key }) => [key, figures(i, (slotByKey.has(key) ? tallies[i]![slotByKey.get(key)!] : undefined) ?? emptyTally(), key)])),
      unclassified: figures(i, tallies[i]![unclassified]!, null),
      total: figures(i, totals[i]!, 'total'),
      movement: movementOf(scheme, timeline, startClasses[i]!, endClasses[i]!),
    };
  });

  yield* turnIfDue();
  // Per class index; sums of whole minor units, exact in any order.
  const pyramidRevenue = new Float64Array(unclassified);
  const pyramidCount = new Int32Array(unclassified);
  const paretoRevenues: number[] = [];
  for (let k = 0; k < pyramidClasses.length; k++) {
    const c = pyramidClasses[k]!;
    if (c === NO_CLASS) continue;
    const revenue = rangeRevenue[k] ?? 0;
    pyramidCount[c]! += 1;
    pyramidRevenue[c]! += revenue;
    paretoRevenues.push(revenue);
  }
  const pyramidTotal = pyramidRevenue.reduce((a, b) => a + b, 0);
  yield* turnIfDue();
  const pareto = paretoCurve(paretoRevenues);

  return exactMoney({
    scheme,
    from,
    to,
    period,
    baseCurrency,
    historyFrom,
    schemeHistoryFrom: timeline.firstDay,
    classes: classes.map(({ key, rank }) => ({ key, rank, responsible: policies.get(key)?.responsible ?? null, cadenceDays: policies.get(key)?.cadenceDays ?? null })),
    periods: reportPeriods,
    pyramid: {
      asOf: pyramidDay,
      revenueMinor: pyramidTotal,
      levels: classes.map(({ key }) => {
        const c = slotByKey.get(key);
        const revenueMinor = c === undefined ? 0 : pyramidRevenue[c]!;
        return { classKey: key, customers: c === undefined ? 0 : pyramidCount[c]!, revenueMinor, revenueShare: pyramidTotal > 0 ? revenueMinor / pyramidTotal : null };
      }),
    },
    pareto,
    elapsedMs: performance.now() - started,
  });
}

/** Adds to `seen` each class of `classes` not marked yet in `isSeen`, marking it. */
function markSeen(classes: Int32Array, isSeen: Uint8Array, seen: number[]): void {
  for (let k = 0; k < classes.length; k++) {
    const c = classes[k]!;
    if (c !== NO_CLASS && isSeen[c] === 0) {
      isSeen[c] = 1;
      seen.push(c);
    }
  }
}

/** Class on the period's first day against class on its last, for everyone classified on either. */
function movementOf(scheme: string, timeline: TierTimeline, start: Int32Array, end: Int32Array): Movement {
  const ordered = isOrderedScheme(scheme);
  const m = { stayed: 0, upgraded: 0, downgraded: 0, sideways: 0, entered: 0, left: 0 };
  // Counted per pair of classes, then named: a direction per customer would parse an RFM code a million times.
  const none = timeline.classKeys.length;
  const width = none + 1;
  const pairs = new Int32Array(width * width);
  for (let k = 0; k < start.length; k++) {
    const a = start[k]!;
    const b = classAt(end, k);
    if (a === NO_CLASS && b === NO_CLASS) continue;
    const pair = (a === NO_CLASS ? none : a) * width + (b === NO_CLASS ? none : b);
    pairs[pair] = pairs[pair]! + 1;
  }
  const keyOf = (c: number) => (c === none ? null : timeline.classKeys[c]!);
  for (let a = 0; a < width; a++) {
    for (let b = 0; b < width; b++) {
      const count = pairs[a * width + b]!;
      if (count > 0) m[directionOf(scheme, keyOf(a), keyOf(b))] += count;
    }
  }
  return ordered ? m : { ...m, upgraded: null, downgraded: null };
}
