import { readSettings } from '../../db/repos/settings';
import { AppError } from '../../shared/contract';
import { MAX_REPORT_CLASSES, MAX_REPORT_PERIODS, type EvaluationReport, type Movement, type ReportPeriod } from '../../shared/contract/reports';
import { addDays } from '../../shared/domain/dates';
import { classKeysOf } from '../../shared/segmentation';
import type { HandlerContext } from '../context';
import { dayNumber } from '../../shared/segmentation/day-number';
import { dayStartInstant, followUpMonths, orderMonths, type MonthlyActivity } from './activity';
import { classPolicies } from './class-policies';
import { directionOf, isOrderedScheme, orderedClasses } from './class-order';
import { addTally, emptyTally, figuresOf, type Tally } from './figures';
import { monthIndexOf, periodCount, periodOf, periodsCovering, periodsPerYear } from './periods';
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
 * Every figure of the evaluation dashboard (docs/evaluation.md defines each). The periods are read
 * together with the year before them (growth needs the previous period and the same one a year back),
 * each customer's class on a period's first day makes the cohort the period's figures belong to, and
 * orders and follow-ups arrive summed per customer and period (core/reports/activity.ts).
 */
export function evaluation(ctx: HandlerContext, { scheme, from, to, period }: EvaluationInput): EvaluationReport {
  const started = performance.now();
  const count = periodCount(from, to, period);
  if (count > MAX_REPORT_PERIODS) throw new AppError('invalid_input', `The range covers ${count} periods; at most ${MAX_REPORT_PERIODS}.`, [{ path: ['to'], key: 'report_too_many_periods', params: { max: MAX_REPORT_PERIODS } }]);
  const { db } = ctx;
  const today = ctx.clock.today();
  const back = periodsPerYear(period);
  const periods = periodsCovering(periodOf(from, period, -back).start, to, period);
  /** The last day a period's classes and contacts are read on: its end, or today while it runs. */
  const lastDay = periods.map((p) => (p.end < today ? p.end : p.start > today ? p.start : today));
  const pyramidDay = to < today ? to : today;

  const timeline = tierTimeline(db, scheme);
  const startClasses = periods.map((p) => timeline.classesOn(p.start));
  const endClasses = periods.map((p, i) => (i < back ? undefined : timeline.classesOn(lastDay[i]!)));
  const pyramidClasses = timeline.classesOn(pyramidDay);
  const unclassified = timeline.classKeys.length;

  const policies = classPolicies(ctx, scheme);
  const cadenceOf = timeline.classKeys.map((key) => policies.get(key)?.cadenceDays ?? null);
  const longestCadence = Math.max(0, ...cadenceOf.map((c) => c ?? 0));

  const tallies = periods.map(() => Array.from({ length: unclassified + 1 }, emptyTally));

  // Contacts before the first reported period count for coverage as far back as the longest cadence.
  const firstReported = periods[back]!.start;
  const firstMonth = monthIndexOf(periods[0]!.start);
  const lastMonth = monthIndexOf(periods[periods.length - 1]!.end);
  const lookBackMonth = Math.min(monthIndexOf(firstReported), monthIndexOf(addDays(firstReported, -longestCadence)));
  const ordersFrom = Math.min(firstMonth, lookBackMonth);
  const perPeriod = MONTHS_PER_PERIOD[period];
  const orders = orderMonths(db, ordersFrom, lastMonth);
  const followUps = followUpMonths(db, lookBackMonth, lastMonth);
  const orderCustomer = timelineIndexes(timeline, orders);
  const followUpCustomer = timelineIndexes(timeline, followUps);
  const o = orders.rows;
  const f = followUps.rows;
  /** Row numbers by period (slot 0: the look-back before the first period), so periods are taken in order. */
  const byPeriod = (months: Int32Array, length: number, from: number) =>
    rowsByPeriod(months, length, periods.length, (m) => (m > lastMonth || m < from ? null : m < firstMonth ? -1 : Math.floor((m - firstMonth) / perPeriod)));
  const orderRows = byPeriod(o.month, o.length, ordersFrom);
  const followUpRows = byPeriod(f.month, f.length, lookBackMonth);

  // Per customer: the last sale day and last follow-up instant so far, and marks so that a customer is a
  // buyer, a rater or an active unclassified customer once per period (a quarter holds three months of rows).
  const customers = timeline.customerCount;
  const lastSaleDay = new Int32Array(customers).fill(-1);
  const lastFollowUpAt = new Float64Array(customers).fill(-1);
  const boughtIn = new Int32Array(customers).fill(-2);
  const ratedIn = new Int32Array(customers).fill(-2);
  const activeIn = new Int32Array(customers).fill(-2);
  /** Net revenue per customer over the report's own periods (the pyramid and the Pareto curve). */
  const rangeRevenue = new Float64Array(customers);

  for (let i = -1; i < periods.length; i++) {
    const slots = i < 0 ? undefined : tallies[i]!;
    const starts = i < 0 ? undefined : startClasses[i]!;
    const slotOf = (k: number) => {
      const c = k < starts!.length ? starts![k]! : NO_CLASS;
      return c === NO_CLASS ? unclassified : c;
    };
    let activeUnclassified = 0;
    for (const r of orderRows[i + 1]!) {
      const k = orderCustomer[o.customer[r]!]!;
      if (o.lastSale[r]! > lastSaleDay[k]!) lastSaleDay[k] = o.lastSale[r]!;
      if (!slots) continue;
      const slot = slotOf(k);
      const t = slots[slot]!;
      t.revenueMinor += o.revenue[r]!;
      t.sales += o.sales[r]!;
      t.returns += o.returns[r]!;
      t.costedRevenueMinor += o.costedRevenue[r]!;
      t.costMinor += o.cost[r]!;
      t.costed += o.costed[r]!;
      if (o.sales[r]! > 0 && boughtIn[k] !== i) {
        boughtIn[k] = i;
        t.buyers += 1;
      }
      if (slot === unclassified && activeIn[k] !== i) {
        activeIn[k] = i;
        activeUnclassified += 1;
      }
      if (i >= back) rangeRevenue[k] = rangeRevenue[k]! + o.revenue[r]!;
    }
    for (const r of followUpRows[i + 1]!) {
      const k = followUpCustomer[f.customer[r]!]!;
      if (f.lastAt[r]! > lastFollowUpAt[k]!) lastFollowUpAt[k] = f.lastAt[r]!;
      if (!slots || i < back) continue;
      const slot = slotOf(k);
      const t = slots[slot]!;
      t.followUps += f.count[r]!;
      t.satisfactionSum += f.satisfactionSum[r]!;
      t.satisfactionFollowUps += f.satisfactionCount[r]!;
      if (f.satisfactionCount[r]! > 0 && ratedIn[k] !== i) {
        ratedIn[k] = i;
        t.satisfactionCustomers += 1;
      }
      if (slot === unclassified && activeIn[k] !== i) {
        activeIn[k] = i;
        activeUnclassified += 1;
      }
    }
    if (!slots || i < back) continue;
    slots[unclassified]!.customers = activeUnclassified;

    // Cohort sizes, and coverage: a cohort customer of a class with a cadence of d days is covered when
    // their last contact (a sale or a follow-up) on or before the period's last day L is fewer than d days
    // before L — the policies:due rule — i.e. falls on one of the days L − d + 1 … L.
    const last = lastDay[i]!;
    const lastNumber = dayNumber(last);
    const lastEnds = Date.parse(dayStartInstant(addDays(last, 1)));
    const fromDay = cadenceOf.map((d) => (d === null ? -1 : lastNumber + 1 - d));
    const fromAt = cadenceOf.map((d) => (d === null ? -1 : Date.parse(dayStartInstant(addDays(last, 1 - d)))));
    for (let k = 0; k < starts!.length; k++) {
      const c = starts![k]!;
      if (c === NO_CLASS) continue;
      const t = slots[c]!;
      t.customers += 1;
      if (cadenceOf[c] === null) continue;
      t.cadenceCustomers += 1;
      const sale = lastSaleDay[k]!;
      const follow = lastFollowUpAt[k]!;
      if ((sale >= fromDay[c]! && sale <= lastNumber) || (follow >= fromAt[c]! && follow < lastEnds)) t.covered += 1;
    }
  }

  // Which classes to show: every class of a short list, and every class anyone was in on a day the report reads.
  const seen = new Set<number>();
  for (const classes of [...startClasses.slice(back), ...endClasses.slice(back), pyramidClasses]) for (const c of classes!) if (c !== NO_CLASS) seen.add(c);
  const listed = classKeysOf(scheme);
  const keys = new Set([...seen].map((c) => timeline.classKeys[c]!));
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

  const pyramidRevenue = new Map<number, number>();
  const pyramidCount = new Map<number, number>();
  const paretoRevenues: number[] = [];
  for (let k = 0; k < pyramidClasses.length; k++) {
    const c = pyramidClasses[k]!;
    if (c === NO_CLASS) continue;
    const revenue = rangeRevenue[k] ?? 0;
    pyramidCount.set(c, (pyramidCount.get(c) ?? 0) + 1);
    pyramidRevenue.set(c, (pyramidRevenue.get(c) ?? 0) + revenue);
    paretoRevenues.push(revenue);
  }
  const pyramidTotal = [...pyramidRevenue.values()].reduce((a, b) => a + b, 0);

  return {
    scheme,
    from,
    to,
    period,
    baseCurrency: readSettings(db).baseCurrency,
    historyFrom: (db.$client.prepare(`SELECT min(as_of) FROM segment_runs`).pluck().get() as string | null) ?? null,
    classes: classes.map(({ key, rank }) => ({ key, rank, responsible: policies.get(key)?.responsible ?? null, cadenceDays: policies.get(key)?.cadenceDays ?? null })),
    periods: reportPeriods,
    pyramid: {
      asOf: pyramidDay,
      revenueMinor: pyramidTotal,
      levels: classes.map(({ key }) => {
        const c = slotByKey.get(key);
        const revenueMinor = c === undefined ? 0 : (pyramidRevenue.get(c) ?? 0);
        return { classKey: key, customers: c === undefined ? 0 : (pyramidCount.get(c) ?? 0), revenueMinor, revenueShare: pyramidTotal > 0 ? revenueMinor / pyramidTotal : null };
      }),
    },
    pareto: paretoCurve(paretoRevenues),
    elapsedMs: performance.now() - started,
  };
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
    pairs[(a === NO_CLASS ? none : a) * width + (b === NO_CLASS ? none : b)] += 1;
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

/** Each activity customer's index in the timeline, kept per pair (the timeline only ever adds customers). */
const indexes = new WeakMap<object, WeakMap<TierTimeline, Int32Array>>();
function timelineIndexes(timeline: TierTimeline, activity: MonthlyActivity<unknown>): Int32Array {
  let byTimeline = indexes.get(activity);
  if (!byTimeline) indexes.set(activity, (byTimeline = new WeakMap()));
  let found = byTimeline.get(timeline);
  if (!found) byTimeline.set(timeline, (found = Int32Array.from(activity.customerIds, (id) => timeline.indexOf(id))));
  return found;
}

/** Row numbers grouped by period (a counting sort): slot 0 the look-back, slot i + 1 period i; rows out of range left out. */
function rowsByPeriod(months: Int32Array, length: number, periods: number, periodOf: (month: number) => number | null): Int32Array[] {
  const index = new Int32Array(length);
  const counts = new Int32Array(periods + 1);
  for (let r = 0; r < length; r++) {
    const p = periodOf(months[r]!);
    index[r] = p === null ? -2 : p;
    if (p !== null) counts[p + 1] = counts[p + 1]! + 1;
  }
  const out = Array.from(counts, (n) => new Int32Array(n));
  const filled = new Int32Array(periods + 1);
  for (let r = 0; r < length; r++) {
    const slot = index[r]! + 1;
    if (slot < 0) continue;
    out[slot]![filled[slot]!] = r;
    filled[slot] = filled[slot]! + 1;
  }
  return out;
}
