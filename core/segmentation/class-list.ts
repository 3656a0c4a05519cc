import * as repo from '../../db/repos/customers';
import type { Db } from '../../db/open';
import type { ParsedInputOf } from '../../shared/contract';
import type { CustomerRow } from '../../shared/contract/customers';
import { classKeysOf, isClosedScheme } from '../../shared/segmentation';
import type { HandlerContext } from '../context';
import { assertCustomSchemesExist } from './row-classes';
import { segmentationInSteps, type SegmentationState } from './state';

type ListInput = ParsedInputOf<'customers:list'> & { today?: string };
type Rows = { total: number; rows: Omit<CustomerRow, 'classes'>[] };

/**
 * Rank of each class within its scheme, best first: the scheme's own order for closed schemes (RFM codes
 * from 555 down, since their list runs 111 → 555), members before non-members, free text alphabetically;
 * 'unknown' and then 'none' last.
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
 * Position in the segmentation (k + 1; 0: not classified) by customer rowid, built once per computed state.
 * Looking 100k SQL ids up in a Map of 100k strings costs hundreds of ms; an array read by integer does not.
 */
const positions = new WeakMap<SegmentationState, Int32Array>();

function positionsOf(db: Db, state: SegmentationState): Int32Array {
  let byRowid = positions.get(state);
  if (!byRowid) {
    const rows = repo.liveRowids(db);
    let max = 0;
    for (const [rowid] of rows) if (rowid > max) max = rowid;
    byRowid = new Int32Array(max + 1);
    for (const [rowid, id] of rows) {
      const k = state.indexOf.get(id);
      if (k !== undefined) byRowid[rowid] = k + 1;
    }
    positions.set(state, byRowid);
  }
  return byRowid;
}

/**
 * The customer list filtered by class and/or sorted by tier. SQL applies every other filter and gives the
 * matching rowids in name (or the requested) order; today's in-memory segmentation — the one the tier
 * columns show — keeps the wanted classes and orders by rank in buckets (ties keep SQL's order), and only
 * the page's rows are read. At 100k customers: one index walk and a linear pass, no class table to keep
 * in step with every write.
 */
export async function listByClass(ctx: HandlerContext, input: ListInput, searchKey: string): Promise<Rows> {
  const { classFilter, sort } = input;
  const tierScheme = sort.field === 'tier' ? sort.scheme! : undefined;
  assertCustomSchemesExist(ctx, [classFilter?.scheme, tierScheme].filter((s): s is string => s !== undefined));
  if (input.view !== 'active') {
    // Archived and deleted customers are in no class: a class filter finds none, a tier sort ranks none.
    return classFilter ? { total: 0, rows: [] } : repo.listCustomers(ctx.db, input, searchKey);
  }
  // A tier sort reads rowids in ascending name order (the order within a class) and reverses only the ranks.
  const rowids = repo.listRowids(ctx.db, { ...input, sort: tierScheme ? { field: 'name', desc: false } : sort }, searchKey);
  if (rowids.length === 0) return { total: 0, rows: [] };
  const state = await segmentationInSteps(ctx, ctx.clock.today());
  const byRowid = positionsOf(ctx.db, state);
  // Positions k in list order; a customer written since the state was computed cannot be here (the state is fresh).
  let ks: number[] = [];
  for (const rowid of rowids) {
    const p = byRowid[rowid] ?? 0;
    if (p > 0) ks.push(p - 1);
  }

  if (classFilter) {
    const wanted = new Set(classFilter.classes);
    const column = state.result.classKeys[classFilter.scheme] ?? [];
    ks = ks.filter((k) => wanted.has(column[k]!));
  }

  if (tierScheme) {
    const column = state.result.classKeys[tierScheme] ?? [];
    const ranks = classRanks(tierScheme, new Set(ks.map((k) => column[k]!)));
    const buckets: number[][] = Array.from({ length: ranks.size + 1 }, () => []);
    for (const k of ks) buckets[ranks.get(column[k]!) ?? ranks.size]!.push(k);
    ks = (sort.desc ? buckets.reverse() : buckets).flat();
  }

  const page = ks.slice(input.offset, input.offset + input.limit).map((k) => state.result.customerIds[k]!);
  return { total: ks.length, rows: repo.customerRowsByIds(ctx.db, page) };
}
