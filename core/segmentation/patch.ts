import { activityTable, classKeysOf, reclassifyOne, type CustomerSegmentation, type CustomerViews, type SchemeSummary } from '../../shared/segmentation';
import type { LoadedChange } from './loaded';
import type { SegmentationState } from './state';
import { writable } from './lineage';
import { windowMetrics, type WindowMetrics } from './window-metrics';

/**
 * A state with some customers placed again on its full run's cuts (shared/segmentation/reclassify.ts)
 * after their own data changed. A new state object (caches keyed by the state see a new one); the columns
 * it changes are copied once per full run and written in place after that (lineage.ts), as a copy of a
 * 100k-long column per write made every order cost milliseconds and megabytes. Null when a customer moved
 * to a partition group the run has no cuts for: only a full run can place them. Nothing is changed then.
 */
export function patchState(state: SegmentationState, loaded: SegmentationState['loaded'], changes: readonly LoadedChange[]): SegmentationState | null {
  if (changes.length === 0) return { ...state, loaded };
  const { result, lineage } = state;
  const placements = [];
  for (const change of changes) {
    const placed = reclassifyOne(state.run, change.index, change.customer, change.activity, state.predicted);
    if (!placed || placed.groupKey !== result.groupKeys[change.index]) return null;
    placements.push({ ...change, placed });
  }

  const classKeys = { ...result.classKeys };
  const schemes = { ...result.schemes };
  const metrics: WindowMetrics = { ...state.metrics };
  // Only what a change touches is made writable: an order leaves the follow-up figures as they were.
  const setMetric = <K extends keyof WindowMetrics>(figure: K, index: number, value: WindowMetrics[K][number]) => {
    if (metrics[figure][index] === value) return;
    const column = writable(metrics[figure], lineage, (all) => all.slice() as WindowMetrics[K]);
    (column as WindowMetrics[K][number][] | Float64Array | Int32Array)[index] = value as never;
    metrics[figure] = column;
  };
  const views = writable(result.customers, lineage, (base) => new OverlaidViews(base));
  const patched = writable(state.patched, lineage, (ids) => new Set(ids));

  for (const { index, customer, activity, placed } of placements) {
    for (const [scheme, classKey] of Object.entries(placed.classKeys)) {
      const before = classKeys[scheme]![index]!;
      if (before === classKey) continue;
      const column = (classKeys[scheme] = writable(classKeys[scheme]!, lineage, (all) => all.slice()));
      column[index] = classKey;
      const summary = (schemes[scheme] = writable(schemes[scheme]!, lineage, (s): SchemeSummary => ({ ...s, counts: { ...s.counts } })));
      const counts = summary.counts;
      counts[before] = (counts[before] ?? 1) - 1;
      // Closed schemes list every class, zeros included; open ones only the classes that occur.
      if (counts[before] === 0 && classKeysOf(scheme) === null) delete counts[before];
      counts[classKey] = (counts[classKey] ?? 0) + 1;
    }
    const own = windowMetrics(placed.pop, activityTable(activity));
    setMetric('revenue', index, own.revenue[0]!);
    setMetric('orderCount', index, own.orderCount[0]!);
    setMetric('followUpCount', index, own.followUpCount[0]!);
    setMetric('lastOrderDate', index, own.lastOrderDate[0]!);
    setMetric('lastContactDate', index, own.lastContactDate[0]!);
    views.placed.set(customer.id, placed.view);
    patched.add(customer.id);
  }
  return {
    ...state,
    loaded,
    customers: loaded.customers,
    metrics,
    result: { ...result, classKeys, schemes, customers: views },
    patched,
  };
}

/** The full run's views, with the customers placed again answering for themselves. */
class OverlaidViews implements CustomerViews {
  readonly placed = new Map<string, CustomerSegmentation>();

  /** The run's own views: a lineage's first patch overlays them, and later patches add to `placed`. */
  constructor(private readonly base: CustomerViews) {}

  get size(): number {
    return this.base.size;
  }

  has(customerId: string): boolean {
    return this.base.has(customerId);
  }

  get(customerId: string): CustomerSegmentation | undefined {
    return this.placed.get(customerId) ?? this.base.get(customerId);
  }

  *values(): Generator<CustomerSegmentation, void, undefined> {
    for (const view of this.base.values()) yield this.placed.get(view.customerId) ?? view;
  }

  [Symbol.iterator](): Generator<CustomerSegmentation, void, undefined> {
    return this.values();
  }
}
