import { readSettings } from '../../db/repos/settings';
import { AppError } from '../../shared/contract';
import { MAX_REPORT_CLASSES, MAX_REPORT_PERIODS, type EvaluationReport, type Movement, type ReportPeriod } from '../../shared/contract/reports';
import { addDays } from '../../shared/domain/dates';
import { classKeysOf } from '../../shared/segmentation';
import type { HandlerContext } from '../context';
import { dayStartInstant, eachFollowUpRow, eachOrderRow, type OrderRow } from './activity';
import { classPolicies } from './class-policies';
import { directionOf, isOrderedScheme, orderedClasses } from './class-order';
import { addTally, emptyTally, figuresOf, type Tally } from './figures';
import { periodCount, periodOf, periodsCovering, periodsPerYear } from './periods';
import { paretoCurve } from './pyramid';
import { classAt, NO_CLASS, TierTimeline } from './timeline';

/** A scheme listing at most this many classes shows every one of them, even empty (a tier that emptied still shows, at 0). */
const SHOW_ALL_UP_TO = 20;

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

  const timeline = new TierTimeline(db, scheme, [pyramidDay, ...lastDay].reduce((a, b) => (a > b ? a : b)));
  const startClasses = periods.map((p) => timeline.classesOn(p.start));
  const endClasses = periods.map((p, i) => (i < back ? undefined : timeline.classesOn(lastDay[i]!)));
  const pyramidClasses = timeline.classesOn(pyramidDay);
  const unclassified = timeline.classKeys.length;

  const policies = classPolicies(ctx, scheme);
  const cadenceOf = timeline.classKeys.map((key) => policies.get(key)?.cadenceDays ?? null);
  const longestCadence = Math.max(0, ...cadenceOf.map((c) => c ?? 0));

  const tallies = periods.map(() => Array.from({ length: unclassified + 1 }, emptyTally));
  const unclassifiedActive = periods.map(() => new Set<number>());
  /**
   * Per period (and −1, the look-back) each customer's last sale day and last follow-up instant in it:
   * coverage compares them with each class's threshold, so no instant is turned into a day per row.
   */
  const lastSale = new Map<number, string[]>();
  const lastFollowUp = new Map<number, string[]>();
  const note = (into: Map<number, string[]>, index: number, k: number, value: string) => {
    let values = into.get(index);
    if (!values) into.set(index, (values = []));
    if (values[k] === undefined || values[k]! < value) values[k] = value;
  };
  /** Net revenue per customer over the report's own periods (the pyramid and the Pareto curve). */
  const rangeRevenue: number[] = [];

  const slotOf = (index: number, k: number) => {
    const c = classAt(startClasses[index]!, k);
    return c === NO_CLASS ? unclassified : c;
  };
  // Contacts before the first reported period count for coverage as far back as the longest cadence.
  const firstReported = periods[back]!.start;
  const lookBackFrom = longestCadence > 0 ? addDays(firstReported, -longestCadence) : firstReported;

  const addOrders = (row: OrderRow) => {
    const k = timeline.indexOf(row.customerId);
    if (row.lastSale !== null) note(lastSale, row.index, k, row.lastSale);
    if (row.index < 0) return;
    const slot = slotOf(row.index, k);
    const t = tallies[row.index]![slot]!;
    t.revenueMinor += row.revenueMinor;
    t.sales += row.sales;
    t.returns += row.returns;
    if (row.sales > 0) t.buyers += 1;
    t.costedRevenueMinor += row.costedRevenueMinor;
    t.costMinor += row.costMinor;
    t.costed += row.costed;
    if (slot === unclassified) unclassifiedActive[row.index]!.add(k);
    if (row.index >= back) rangeRevenue[k] = (rangeRevenue[k] ?? 0) + row.revenueMinor;
  };
  // The year before the report: revenue for growth, and the last sale for coverage.
  eachOrderRow(db, periods.slice(0, back), lookBackFrom, true, 0, addOrders);
  eachOrderRow(db, periods.slice(back), firstReported, false, back, addOrders);

  // Follow-ups only in the reported periods, and before them as far as coverage looks (index −1 then).
  eachFollowUpRow(db, periods.slice(back), lookBackFrom, back, (row) => {
    const index = row.index;
    const k = timeline.indexOf(row.customerId);
    note(lastFollowUp, index, k, row.lastAt);
    if (index < 0) return;
    const slot = slotOf(index, k);
    const t = tallies[index]![slot]!;
    t.followUps += row.followUps;
    t.satisfactionSum += row.satisfactionSum;
    t.satisfactionFollowUps += row.satisfactionCount;
    if (row.satisfactionCount > 0) t.satisfactionCustomers += 1;
    if (slot === unclassified) unclassifiedActive[index]!.add(k);
  });

  // Cohort sizes, and coverage: a cohort customer of a class with a cadence of d days is covered when
  // their last contact (a sale or a follow-up) on or before the period's last day L is fewer than d days
  // before L — the policies:due rule — i.e. falls on one of the days L − d + 1 … L.
  const sales: (string | undefined)[] = [...(lastSale.get(-1) ?? [])];
  const follows: (string | undefined)[] = [...(lastFollowUp.get(-1) ?? [])];
  const advance = (running: (string | undefined)[], values: string[] | undefined) => {
    values?.forEach((v, k) => {
      if (running[k] === undefined || running[k]! < v) running[k] = v;
    });
  };
  periods.forEach((_, i) => {
    advance(sales, lastSale.get(i));
    advance(follows, lastFollowUp.get(i));
    if (i < back) return;
    const last = lastDay[i]!;
    const lastEnds = dayStartInstant(addDays(last, 1));
    const from = cadenceOf.map((d) => (d === null ? null : addDays(last, 1 - d)));
    const fromInstant = from.map((day) => (day === null ? null : dayStartInstant(day)));
    const starts = startClasses[i]!;
    for (let k = 0; k < starts.length; k++) {
      const c = starts[k]!;
      if (c === NO_CLASS) continue;
      const t = tallies[i]![c]!;
      t.customers += 1;
      const threshold = from[c];
      if (threshold === null || threshold === undefined) continue;
      t.cadenceCustomers += 1;
      const sale = sales[k];
      const follow = follows[k];
      if ((sale !== undefined && sale >= threshold && sale <= last) || (follow !== undefined && follow >= fromInstant[c]! && follow < lastEnds)) t.covered += 1;
    }
    tallies[i]![unclassified]!.customers = unclassifiedActive[i]!.size;
  });

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
  const keyOf = (c: number) => (c === NO_CLASS ? null : timeline.classKeys[c]!);
  for (let k = 0; k < start.length; k++) {
    const [a, b] = [start[k]!, classAt(end, k)];
    if (a === NO_CLASS && b === NO_CLASS) continue;
    m[directionOf(scheme, keyOf(a), keyOf(b))] += 1;
  }
  return ordered ? m : { ...m, upgraded: null, downgraded: null };
}
