import { runOnOrBefore } from '../../db/repos/segmentation';
import { AppError, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { Explanation } from '../../shared/contract/segmentation';
import type { HandlerContext } from '../context';
import { segmentationInSteps, storeTodayInSteps } from '../segmentation/state';
import { inTimedStretches, runStepsBetween, type Steps } from '../../shared/domain/steps';
import type { Db } from '../../db/open';
import { nextTurn } from '../next-turn';
import { classPolicies } from './class-policies';
import { directionOf, isOrderedScheme, orderedClasses, type Direction } from './class-order';
import { revenueBetweenInSteps } from './revenue-between';
import { trustedTotalsInTurns } from './totals-rebuild';
import { NO_CLASS, tierTimeline, tierTimelineInSteps, type TierTimeline } from './timeline';

type Cell = OutputOf<'reports:migration'>['cells'][number];

/** How long one of the matrix's passes over the customers runs before other calls get a turn. */
const TURN_MS = 20;

/** Customers counted per stretch between two looks at the clock (inTimedStretches). */
const CUSTOMERS_PER_STRETCH = 20_000;

/** Who was in which class on the two snapshot days, by the timeline's customer index. */
interface Movers {
  fromSnapshot: string;
  toSnapshot: string;
  timeline: TierTimeline;
  /** Class index (into timeline.classKeys) of each classified customer on each side; NO_CLASS when in none. */
  before: Int32Array;
  after: Int32Array;
}

/**
 * Who moved between two days. The same days and classes as `segments:migration` (the CLI's `migration`):
 * each date resolves to the latest stored snapshot on or before it, a customer's class there is the latest
 * change point on or before that snapshot, and a customer absent on one side is null there. Like it,
 * today's snapshot is brought up to date first when `to` reaches today. Every part runs a step per turn:
 * at 100k customers the matrix and a cell made in one go kept other calls waiting 0.13-1.1 s.
 */
async function movers(ctx: HandlerContext, scheme: string, from: string, to: string): Promise<Movers> {
  // Totals it cannot trust are rebuilt a slice per turn before the revenue reads them.
  await trustedTotalsInTurns(ctx.db);
  // Only a `to` of today or later can resolve to today's snapshot; storing it costs a full recompute.
  if (to >= ctx.clock.today()) await storeTodayInSteps(ctx);
  return runStepsBetween(moversInSteps(ctx.db, scheme, from, to), nextTurn);
}

function snapshotsFor(db: Db, from: string, to: string): [string, string] {
  const [fromSnapshot, toSnapshot] = [runOnOrBefore(db, from), runOnOrBefore(db, to)];
  for (const [field, day, stored] of [['from', from, fromSnapshot], ['to', to, toSnapshot]] as const) {
    if (stored === null) throw new AppError('not_found', `No tier snapshot is stored on or before ${day} (run segment first)`, [{ path: [field], key: 'report_no_snapshot' }]);
  }
  return [fromSnapshot!, toSnapshot!];
}

function* moversInSteps(db: Db, scheme: string, from: string, to: string): Steps<Movers> {
  // Refused before anything is read.
  snapshotsFor(db, from, to);
  // The scheme's history in memory (core/reports/timeline.ts): the same "latest change point on or before
  // the day" as snapshotClasses, without a grouped scan of every change point per day. A history this
  // connection has not read yet comes a slice per turn; should a snapshot be stored meanwhile, the read
  // gives up and tierTimeline below reads the history as it is then.
  yield* tierTimelineInSteps(db, scheme);
  // The days and the timeline in one turn, so both are of the same stored history (a timeline already
  // kept costs nothing; one a snapshot has moved on is brought up to date by that day's rows).
  const [fromSnapshot, toSnapshot] = snapshotsFor(db, from, to);
  const timeline = tierTimeline(db, scheme);
  yield;
  const before = timeline.classesOn(fromSnapshot);
  yield;
  const after = timeline.classesOn(toSnapshot);
  return { fromSnapshot, toSnapshot, timeline, before, after };
}

/** Class key of a class index; null for NO_CLASS. */
const keyOf = (timeline: TierTimeline, c: number): string | null => (c === NO_CLASS ? null : timeline.classKeys[c]!);

export async function migration(ctx: HandlerContext, { scheme, from, to }: ParsedInputOf<'reports:migration'>): Promise<OutputOf<'reports:migration'>> {
  const m = await movers(ctx, scheme, from, to);
  const matrix = await runStepsBetween(matrixInSteps(ctx.db, m, from, to), nextTurn);
  const totals = { stayed: 0, upgraded: 0, downgraded: 0, sideways: 0, entered: 0, left: 0 } as Record<Direction, number>;
  const found: Cell[] = [];
  for (let cell = 0; cell < matrix.customers.length; cell++) {
    const customers = matrix.customers[cell]!;
    if (customers === 0) continue;
    const a = keyOf(m.timeline, Math.floor(cell / matrix.width) - 1);
    const b = keyOf(m.timeline, (cell % matrix.width) - 1);
    const direction = directionOf(scheme, a, b);
    found.push({ from: a, to: b, customers, revenueMinor: matrix.revenue[cell]!, direction });
    totals[direction] += customers;
  }
  const policies = classPolicies(ctx, scheme);
  const present = new Set<string>();
  for (const cell of found) for (const key of [cell.from, cell.to]) if (key !== null) present.add(key);
  const classes = orderedClasses(scheme, present);
  const position = new Map(classes.map((c, i) => [c.key, i]));
  const rank = (c: string | null) => (c === null ? classes.length : position.get(c)!);
  return {
    scheme,
    from,
    to,
    fromSnapshot: m.fromSnapshot,
    toSnapshot: m.toSnapshot,
    classes: classes.map(({ key, rank: r }) => ({ key, rank: r, responsible: policies.get(key)?.responsible ?? null, cadenceDays: policies.get(key)?.cadenceDays ?? null })),
    cells: found.sort((x, y) => rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to)),
    totals: isOrderedScheme(scheme) ? totals : { ...totals, upgraded: null, downgraded: null },
  };
}

/**
 * Customers and revenue per (from class, to class), in a square of `width` = classes + 1: cell
 * (a + 1) * width + (b + 1) for class indexes a and b, NO_CLASS (-1) landing in row or column 0.
 */
function* matrixInSteps(db: Db, m: Movers, from: string, to: string): Steps<{ width: number; customers: Int32Array; revenue: Float64Array }> {
  const revenue = yield* revenueBetweenInSteps(db, m.timeline, from, to);
  const width = m.timeline.classKeys.length + 1;
  const customers = new Int32Array(width * width);
  const cellRevenue = new Float64Array(width * width);
  yield* inTimedStretches(m.before.length, CUSTOMERS_PER_STRETCH, (start, end) => {
    for (let k = start; k < end; k++) {
      const a = m.before[k]!;
      const b = m.after[k]!;
      if (a === NO_CLASS && b === NO_CLASS) continue;
      const cell = (a + 1) * width + (b + 1);
      customers[cell]! += 1;
      cellRevenue[cell]! += revenue[k]!;
    }
  }, TURN_MS);
  return { width, customers, revenue: cellRevenue };
}

/**
 * The customers of one cell, by revenue over from…to (largest first, then id), with why they are in
 * their `to` class: the explanation segments:explain gives for the `to` snapshot day, computed from
 * today's data (a customer edited since may read differently from what was stored then).
 */
export async function migrationMembers(ctx: HandlerContext, input: ParsedInputOf<'reports:migration-members'>): Promise<OutputOf<'reports:migration-members'>> {
  const { scheme, from, to, fromClass, toClass, offset, limit } = input;
  const m = await movers(ctx, scheme, from, to);
  const { members, revenue } = await runStepsBetween(cellMembersInSteps(ctx.db, m, from, to, fromClass, toClass), nextTurn);
  const page = members.slice(offset, offset + limit);
  const state = toClass === null || page.length === 0 ? undefined : await segmentationInSteps(ctx, m.toSnapshot);
  const select = ctx.db.$client.prepare(`SELECT id, name, company, code FROM customers WHERE id = ?`);
  const rows = page.map((k) => {
    const id = m.timeline.customerIds[k]!;
    const c = select.get(id) as { id: string; name: string; company: string | null; code: string | null };
    const assignment = (state?.result.customers.get(id)?.assignments as Record<string, { explanation: Explanation }> | undefined)?.[scheme];
    return { ...c, fromClass, toClass, revenueMinor: revenue[k]!, explanation: assignment?.explanation ?? null };
  });
  return { fromSnapshot: m.fromSnapshot, toSnapshot: m.toSnapshot, total: members.length, rows };
}

/** The timeline indexes of the cell's customers, by revenue (largest first, then id), and everyone's revenue. */
function* cellMembersInSteps(db: Db, m: Movers, from: string, to: string, fromClass: string | null, toClass: string | null): Steps<{ members: number[]; revenue: Float64Array }> {
  const revenue = yield* revenueBetweenInSteps(db, m.timeline, from, to);
  const [a, b] = [fromClass, toClass].map((key) => (key === null ? NO_CLASS : m.timeline.classKeys.indexOf(key)));
  // A class no stored snapshot ever gave holds no one; nor does the cell of no class on either side.
  const unknown = (fromClass !== null && a === -1) || (toClass !== null && b === -1);
  if (unknown || (a === NO_CLASS && b === NO_CLASS)) return { members: [], revenue };
  const members: number[] = [];
  yield* inTimedStretches(m.before.length, CUSTOMERS_PER_STRETCH, (start, end) => {
    for (let k = start; k < end; k++) if (m.before[k] === a && m.after[k] === b) members.push(k);
  }, TURN_MS);
  yield;
  const ids = m.timeline.customerIds;
  members.sort((x, y) => revenue[y]! - revenue[x]! || (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));
  return { members, revenue };
}
