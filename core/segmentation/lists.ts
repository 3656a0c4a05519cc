import { invalidInput, notFound, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { MemberRow } from '../../shared/contract/segmentation';
import { normalizeQuery } from '../../shared/domain/pinyin';
import type { SegmentationState } from './state';
import { daysSince } from './window-metrics';
import type { PredictionCells, PredictionLookup } from '../prediction/cells';

/** The class column of one scheme, or not_found for a custom segment that does not exist. */
export function columnOf(state: SegmentationState, scheme: string): readonly string[] {
  const column = state.result.classKeys[scheme];
  if (!column) throw notFound('scheme', scheme);
  return column;
}

/**
 * A group the scheme is not ranked in (a mistyped `--group`, or a scheme not ranked within the partition's
 * groups) is refused with the groups there are, rather than answered "none of 0 customers".
 */
function refuseUnknownGroup(state: SegmentationState, scheme: string, group: string): void {
  const groups = state.result.schemes[scheme]?.groups?.map((g) => g.group) ?? [];
  if (groups.includes(group)) return;
  throw invalidInput([{ path: ['group'], key: groups.length > 0 ? 'unknown_group' : 'scheme_not_grouped', params: { choices: groups.join(', ') } }]);
}

/** Classes with counts and window revenue; the shares add up to 1 when the window's net revenue is positive, and are null otherwise. */
export function overview(state: SegmentationState, scheme: string, baseCurrency: string): OutputOf<'segments:overview'> {
  const column = columnOf(state, scheme);
  const summary = state.result.schemes[scheme]!;
  const revenueByClass = new Map<string, number>(Object.keys(summary.counts).map((c) => [c, 0]));
  let total = 0;
  for (let k = 0; k < column.length; k++) {
    const revenue = state.metrics.revenue[k]!;
    revenueByClass.set(column[k]!, (revenueByClass.get(column[k]!) ?? 0) + revenue);
    total += revenue;
  }
  return {
    asOf: state.asOf,
    scheme,
    window: state.result.window,
    baseCurrency,
    customers: column.length,
    revenueMinor: total,
    classes: Object.entries(summary.counts).map(([classKey, count]) => {
      const revenueMinor = revenueByClass.get(classKey) ?? 0;
      return { classKey, count, revenueMinor, revenueShare: total > 0 ? revenueMinor / total : null };
    }),
    cuts: summary.cuts,
    partition: state.result.partition,
    cutsComputedAt: state.computedAt,
    placedSince: state.patched.size,
    groups:
      summary.groups?.map((g) => ({ group: g.group, customers: g.customers, classes: Object.entries(g.counts).map(([classKey, count]) => ({ classKey, count })), cuts: g.cuts })) ?? null,
  };
}

const RANKED_SCHEMES: readonly string[] = ['rfm', 'rf_segment', 'value', 'pyramid', 'loyalty', 'behavior'];

/** Customer k's group, when the scheme is ranked within the groups of a partition. */
function groupOf(state: SegmentationState, k: number, scheme: string): string | undefined {
  return state.result.partition !== 'none' && RANKED_SCHEMES.includes(scheme) ? state.result.groupKeys[k] : undefined;
}

function rfmScores(rfm: string): MemberRow['scores'] {
  return /^[1-5]{3}$/.test(rfm) ? { r: Number(rfm[0]), f: Number(rfm[1]), m: Number(rfm[2]) } : null;
}

export function memberRow(state: SegmentationState, k: number, classKey: string, predictions?: ReadonlyMap<string, PredictionCells>, scheme?: string): MemberRow {
  const c = state.customers[k]!;
  const p = predictions?.get(c.id);
  const m = state.metrics;
  const orderCount = m.orderCount[k]!;
  const revenueMinor = m.revenue[k]!;
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    code: c.code,
    classKey,
    scores: rfmScores(state.result.classKeys.rfm![k]!),
    revenueMinor,
    orderCount,
    averageOrderValueMinor: orderCount > 0 ? Math.round(revenueMinor / orderCount) : null,
    followUpCount: m.followUpCount[k]!,
    daysSinceLastOrder: daysSince(m.lastOrderDate[k]!, state.asOf),
    lastOrderDate: m.lastOrderDate[k]!,
    // Only customers with a stored prediction carry the fields (none before the first recompute).
    ...(p ? { likelihood: p.likelihood, pAlive: p.pAlive, expectedValueMinor: p.expectedValueMinor, clvMinor: p.clvMinor } : {}),
    ...(scheme !== undefined && groupOf(state, k, scheme) !== undefined ? { group: groupOf(state, k, scheme) } : {}),
  };
}

type SortKey = ParsedInputOf<'segments:members'>['sort'];

/** Sort value of customer k; null (no order) always sorts last, whatever the direction. */
function sortValue(state: SegmentationState, sort: SortKey, predictions?: ReadonlyMap<string, PredictionCells>): (k: number) => number | string | null {
  const m = state.metrics;
  const predicted = (field: keyof PredictionCells) => (k: number) => predictions?.get(state.customers[k]!.id)?.[field] ?? null;
  switch (sort) {
    case 'likelihood':
      return predicted('likelihood');
    case 'pAlive':
      return predicted('pAlive');
    case 'expectedValue':
      return predicted('expectedValueMinor');
    case 'clv':
      return predicted('clvMinor');
    case 'name':
      return (k) => state.customers[k]!.sortName || state.customers[k]!.name;
    case 'revenue':
      return (k) => m.revenue[k]!;
    case 'orders':
      return (k) => m.orderCount[k]!;
    case 'followUps':
      return (k) => m.followUpCount[k]!;
    case 'aov':
      return (k) => (m.orderCount[k]! > 0 ? m.revenue[k]! / m.orderCount[k]! : null);
    case 'recency':
      return (k) => daysSince(m.lastOrderDate[k]!, state.asOf);
    case 'lastOrder':
      return (k) => m.lastOrderDate[k]!;
  }
}

/** `predictions` (stored per customer, see core/prediction/cells.ts) adds the prediction columns and sorts. */
/** Ids of the customers whose search keys contain a normalised query (db/repos/segmentation.ts customerIdsMatching). */
export type SearchMatches = (query: string) => ReadonlySet<string>;

export function members(
  state: SegmentationState,
  input: ParsedInputOf<'segments:members'>,
  matching: SearchMatches,
  predictions?: PredictionLookup,
): OutputOf<'segments:members'> {
  const column = columnOf(state, input.scheme);
  if (input.group !== undefined) refuseUnknownGroup(state, input.scheme, input.group);
  // Every customer's predictions only to sort by one; otherwise the page's rows' alone.
  const sortedBy = PREDICTION_SORTS.has(input.sort) ? predictions?.all() : undefined;
  const picked = orderedMembers(state, column, input, matching, sortedBy);
  const page = picked.slice(input.offset, input.offset + input.limit);
  const cells = sortedBy ?? predictions?.of(page.map((k) => state.customers[k]!.id));
  return {
    asOf: state.asOf,
    total: picked.length,
    rows: page.map((k) => memberRow(state, k, column[k]!, cells, input.scheme)),
  };
}

/** The sorts by a stored prediction (sortValue). */
const PREDICTION_SORTS: ReadonlySet<SortKey> = new Set<SortKey>(['likelihood', 'pAlive', 'expectedValue', 'clv']);

/**
 * The members a query picks, in its order — kept per state, so paging through a class of 100k (the
 * screen asks page after page with the same query) sorts once, not per page.
 */
const orders = new WeakMap<SegmentationState, { key: string; predictions: unknown; picked: number[] }[]>();
const KEPT_ORDERS = 8;

function orderedMembers(
  state: SegmentationState,
  column: readonly string[],
  input: ParsedInputOf<'segments:members'>,
  matching: SearchMatches,
  predictions: ReadonlyMap<string, PredictionCells> | undefined,
): number[] {
  const key = JSON.stringify([input.scheme, input.classKey ?? null, input.group ?? null, input.search ?? null, input.sort, input.direction]);
  const kept = orders.get(state) ?? [];
  const hit = kept.find((o) => o.key === key && o.predictions === predictions);
  if (hit) return hit.picked;
  const search = normalizeQuery(input.search);
  const found = search ? matching(search) : null;
  const picked: number[] = [];
  for (let k = 0; k < column.length; k++) {
    if (input.classKey !== undefined && column[k] !== input.classKey) continue;
    if (input.group !== undefined && state.result.groupKeys[k] !== input.group) continue;
    if (found && !found.has(state.customers[k]!.id)) continue;
    picked.push(k);
  }
  // Values read once into an array beside the members, then an index sort on them.
  const value = sortValue(state, input.sort, predictions);
  const values = picked.map(value);
  const ids = picked.map((k) => state.customers[k]!.id);
  const sign = input.direction === 'asc' ? 1 : -1;
  const order = picked.map((_, x) => x);
  order.sort((a, b) => {
    const va = values[a]!;
    const vb = values[b]!;
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) return (va < vb ? -1 : 1) * sign;
    return ids[a]! < ids[b]! ? -1 : 1;
  });
  const sorted = order.map((x) => picked[x]!);
  kept.unshift({ key, predictions, picked: sorted });
  if (kept.length > KEPT_ORDERS) kept.pop();
  orders.set(state, kept);
  return sorted;
}
