import * as repo from '../../db/repos/customers';
import type { ParsedInputOf } from '../../shared/contract';
import type { CustomerRow } from '../../shared/contract/customers';
import { classKeysOf, isClosedScheme } from '../../shared/segmentation';
import type { HandlerContext } from '../context';
import { assertCustomSchemesExist } from './row-classes';
import { segmentationInSteps } from './state';

type ListInput = ParsedInputOf<'customers:list'>;
type Rows = { total: number; rows: Omit<CustomerRow, 'classes'>[] };

const UNRANKED = Number.MAX_SAFE_INTEGER;

/**
 * Rank of each class within its scheme, best first: the scheme's own order for closed schemes (RFM codes
 * from 555 down, since their list runs 111 → 555), members before non-members, free text alphabetically;
 * 'none' and 'unknown' last.
 */
export function classRanks(scheme: string, present: Iterable<string>): Map<string, number> {
  const known = classKeysOf(scheme);
  const order =
    scheme === 'rfm'
      ? [...known!.filter((k) => k !== 'none')].reverse()
      : known && (isClosedScheme(scheme) || scheme.startsWith('custom:'))
        ? known.filter((k) => k !== 'none' && k !== 'unknown')
        : [...new Set(present)].filter((k) => k !== 'none' && k !== 'unknown').sort();
  const ranks = new Map(order.map((k, i) => [k, i]));
  ranks.set('unknown', order.length);
  ranks.set('none', order.length + 1);
  return ranks;
}

/**
 * The customer list filtered by class and/or sorted by tier. SQL applies every other filter and gives the
 * matching ids in name (or the requested) order; today's in-memory segmentation — the one the tier
 * columns show — then keeps the wanted classes and orders by rank (ties keep
 * SQL's order), and only the page's rows are read. At 100k customers that is one index scan of ids plus
 * an O(n) pass, instead of classes written into the database on every change.
 */
export async function listByClass(ctx: HandlerContext, input: ListInput, searchKey: string): Promise<Rows> {
  const { classFilter, sort } = input;
  const tierScheme = sort.field === 'tier' ? sort.scheme! : undefined;
  assertCustomSchemesExist(ctx, [classFilter?.scheme, tierScheme].filter((s): s is string => s !== undefined));
  // A tier sort reads ids in ascending name order (the order within a class) and reverses only the ranks.
  const sqlSort = tierScheme ? { field: 'name' as const, desc: false } : sort;
  let ids = repo
    .listIdsQuery(ctx.db, { ...input, sort: sqlSort }, searchKey)
    .all()
    .map((r) => r.id);
  // Archived and deleted customers are in no class: a filter by class never lists them.
  const needsState = ids.length > 0 && (classFilter !== undefined || input.view === 'active');
  const state = needsState ? await segmentationInSteps(ctx, ctx.clock.today()) : undefined;
  const classOf = (scheme: string) => {
    const column = state?.result.classKeys[scheme];
    return (id: string): string | undefined => {
      const k = state?.indexOf.get(id);
      return k === undefined ? undefined : column?.[k];
    };
  };

  if (classFilter) {
    const wanted = new Set(classFilter.classes);
    const of = classOf(classFilter.scheme);
    ids = ids.filter((id) => {
      const c = of(id);
      return c !== undefined && wanted.has(c);
    });
  }

  if (tierScheme && ids.length > 0) {
    const of = classOf(tierScheme);
    const classes = ids.map(of);
    const ranks = classRanks(tierScheme, classes.filter((c): c is string => c !== undefined));
    const rankOf = classes.map((c) => (c === undefined ? UNRANKED : (ranks.get(c) ?? ranks.size)));
    const order = ids.map((_, i) => i).sort((a, b) => {
      const ra = rankOf[a]!;
      const rb = rankOf[b]!;
      // Customers without a class stay last in both directions.
      if (ra === UNRANKED || rb === UNRANKED) return ra === rb ? a - b : ra === UNRANKED ? 1 : -1;
      return (sort.desc ? rb - ra : ra - rb) || a - b;
    });
    ids = order.map((i) => ids[i]!);
  }

  return { total: ids.length, rows: repo.customerRowsByIds(ctx.db, ids.slice(input.offset, input.offset + input.limit)) };
}
