import { runOnOrBefore } from '../../db/repos/segmentation';
import { AppError, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { Explanation } from '../../shared/contract/segmentation';
import type { HandlerContext } from '../context';
import { segmentationInSteps, storeTodayInSteps } from '../segmentation/state';
import { addDays } from '../../shared/domain/dates';
import { orderMonthList } from './activity';
import { classPolicies } from './class-policies';
import { firstDayOfMonth, monthIndexOf, periodOf } from './periods';
import { directionOf, isOrderedScheme, orderedClasses, type Direction } from './class-order';
import { NO_CLASS, tierTimeline } from './timeline';

type Cell = OutputOf<'reports:migration'>['cells'][number];

/**
 * Who moved between two days. The same days and classes as `segments:migration` (the CLI's `migration`):
 * each date resolves to the latest stored snapshot on or before it, a customer's class there is the latest
 * change point on or before that snapshot, and a customer absent on one side is null there. Like it,
 * today's snapshot is brought up to date first when `to` reaches today.
 */
async function movers(ctx: HandlerContext, scheme: string, from: string, to: string) {
  const { db } = ctx;
  // Only a `to` of today or later can resolve to today's snapshot; storing it costs a full recompute.
  if (to >= ctx.clock.today()) await storeTodayInSteps(ctx);
  const [fromSnapshot, toSnapshot] = [runOnOrBefore(db, from), runOnOrBefore(db, to)];
  for (const [field, day, stored] of [['from', from, fromSnapshot], ['to', to, toSnapshot]] as const) {
    if (stored === null) throw new AppError('not_found', `No tier snapshot is stored on or before ${day} (run segment first)`, [{ path: [field], key: 'report_no_snapshot' }]);
  }
  // The scheme's history in memory (core/reports/timeline.ts): the same "latest change point on or
  // before the day" as snapshotClasses, without a grouped scan of every change point per day.
  const timeline = tierTimeline(db, scheme);
  const classesOn = (day: string) => {
    const classes = timeline.classesOn(day);
    const out = new Map<string, string>();
    for (let k = 0; k < classes.length; k++) if (classes[k] !== NO_CLASS) out.set(timeline.customerIds[k]!, timeline.classKeys[classes[k]!]!);
    return out;
  };
  const before = classesOn(fromSnapshot!);
  const after = classesOn(toSnapshot!);
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return { fromSnapshot: fromSnapshot!, toSnapshot: toSnapshot!, before, after, ids };
}

/**
 * Net revenue per customer of the orders dated from…to (returns subtract). The whole months come from the
 * monthly totals the evaluation report keeps in memory (core/reports/activity.ts), the part-months at
 * either end from the orders: summing a year of raw orders took ~0.3 s at 100k customers.
 */
function revenueBetween(ctx: HandlerContext, from: string, to: string): Map<string, number> {
  const revenue = new Map<string, number>();
  const fromOrders = (start: string, end: string) => {
    const rows = ctx.db.$client
      .prepare(`SELECT customer_id, sum(base_amount_minor) FROM orders WHERE order_date BETWEEN ? AND ? AND deleted_at IS NULL GROUP BY customer_id`)
      .raw()
      .all(start, end) as [string, number][];
    for (const [id, sum] of rows) revenue.set(id, (revenue.get(id) ?? 0) + sum);
  };
  const fromWhole = from.endsWith('-01');
  const toWhole = to === periodOf(to, 'month').end;
  const firstWhole = monthIndexOf(from) + (fromWhole ? 0 : 1);
  const lastWhole = monthIndexOf(to) - (toWhole ? 0 : 1);
  if (lastWhole < firstWhole) {
    fromOrders(from, to);
    return revenue;
  }
  if (!fromWhole) fromOrders(from, addDays(firstDayOfMonth(firstWhole), -1));
  const { customerIds, months } = orderMonthList(ctx.db, firstWhole, lastWhole);
  for (const month of months) {
    for (let r = 0; r < month.length; r++) {
      const id = customerIds[month.customer[r]!]!;
      revenue.set(id, (revenue.get(id) ?? 0) + month.revenue[r]!);
    }
  }
  if (!toWhole) fromOrders(firstDayOfMonth(lastWhole + 1), to);
  return revenue;
}

export async function migration(ctx: HandlerContext, { scheme, from, to }: ParsedInputOf<'reports:migration'>): Promise<OutputOf<'reports:migration'>> {
  const m = await movers(ctx, scheme, from, to);
  const revenue = revenueBetween(ctx, from, to);
  const cells = new Map<string, Cell>();
  const totals = { stayed: 0, upgraded: 0, downgraded: 0, sideways: 0, entered: 0, left: 0 } as Record<Direction, number>;
  for (const id of m.ids) {
    const [a, b] = [m.before.get(id) ?? null, m.after.get(id) ?? null];
    const key = `${a}\u0000${b}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { from: a, to: b, customers: 0, revenueMinor: 0, direction: directionOf(scheme, a, b) }));
    cell.customers += 1;
    cell.revenueMinor += revenue.get(id) ?? 0;
    totals[cell.direction] += 1;
  }
  const policies = classPolicies(ctx, scheme);
  const classes = orderedClasses(scheme, [...m.before.values(), ...m.after.values()]);
  const position = new Map(classes.map((c, i) => [c.key, i]));
  const rank = (c: string | null) => (c === null ? classes.length : position.get(c)!);
  return {
    scheme,
    from,
    to,
    fromSnapshot: m.fromSnapshot,
    toSnapshot: m.toSnapshot,
    classes: classes.map(({ key, rank: r }) => ({ key, rank: r, responsible: policies.get(key)?.responsible ?? null, cadenceDays: policies.get(key)?.cadenceDays ?? null })),
    cells: [...cells.values()].sort((x, y) => rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to)),
    totals: isOrderedScheme(scheme) ? totals : { ...totals, upgraded: null, downgraded: null },
  };
}

/**
 * The customers of one cell, by revenue over from…to (largest first, then id), with why they are in
 * their `to` class: the explanation segments:explain gives for the `to` snapshot day, computed from
 * today's data (a customer edited since may read differently from what was stored then).
 */
export async function migrationMembers(ctx: HandlerContext, input: ParsedInputOf<'reports:migration-members'>): Promise<OutputOf<'reports:migration-members'>> {
  const { scheme, from, to, fromClass, toClass, offset, limit } = input;
  const m = await movers(ctx, scheme, from, to);
  const revenue = revenueBetween(ctx, from, to);
  const ids = m.ids.filter((id) => (m.before.get(id) ?? null) === fromClass && (m.after.get(id) ?? null) === toClass);
  ids.sort((a, b) => (revenue.get(b) ?? 0) - (revenue.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const page = ids.slice(offset, offset + limit);
  const state = toClass === null || page.length === 0 ? undefined : await segmentationInSteps(ctx, m.toSnapshot);
  const select = ctx.db.$client.prepare(`SELECT id, name, company, code FROM customers WHERE id = ?`);
  const rows = page.map((id) => {
    const c = select.get(id) as { id: string; name: string; company: string | null; code: string | null };
    const assignment = (state?.result.customers.get(id)?.assignments as Record<string, { explanation: Explanation }> | undefined)?.[scheme];
    return { ...c, fromClass, toClass, revenueMinor: revenue.get(id) ?? 0, explanation: assignment?.explanation ?? null };
  });
  return { fromSnapshot: m.fromSnapshot, toSnapshot: m.toSnapshot, total: ids.length, rows };
}
