import { activityTable, classKeysOf, reclassifyOne, type CustomerSegmentation, type CustomerViews, type SchemeSummary } from '../../shared/segmentation';
import type { LoadedChange } from './loaded';
import type { SegmentationState } from './state';
import { windowMetrics, type WindowMetrics } from './window-metrics';

/**
 * A state with some customers placed again on its full run's cuts (shared/segmentation/reclassify.ts)
 * after their own data changed — in a copy: screens holding the old state keep a consistent one, and
 * caches keyed by the state object see a new one. Columns are copied only where a class changed. Null
 * when a customer moved to a partition group the run has no cuts for: only a full run can place them.
 */
export function patchState(state: SegmentationState, loaded: SegmentationState['loaded'], changes: readonly LoadedChange[]): SegmentationState | null {
  if (changes.length === 0) return { ...state, loaded };
  const { result } = state;
  const classKeys = { ...result.classKeys };
  const schemes = { ...result.schemes };
  const copied = new Set<string>();
  // Each figure's array is copied only when one of the changed customers' values differs (an order
  // leaves the follow-up figures as they were): at 100k customers every copy is an array of 100k.
  const metrics: WindowMetrics = { ...state.metrics };
  const copiedMetrics = new Set<keyof WindowMetrics>();
  const setMetric = <K extends keyof WindowMetrics>(figure: K, index: number, value: WindowMetrics[K][number]) => {
    if (metrics[figure][index] === value) return;
    if (!copiedMetrics.has(figure)) {
      copiedMetrics.add(figure);
      metrics[figure] = metrics[figure].slice() as WindowMetrics[K];
    }
    (metrics[figure] as WindowMetrics[K][number][] | Float64Array | Int32Array)[index] = value as never;
  };
  const views = new Map<string, CustomerSegmentation>();
  for (const { index, customer, activity } of changes) {
    const placed = reclassifyOne(state.run, index, customer, activity, state.predicted);
    if (!placed || placed.groupKey !== result.groupKeys[index]) return null;
    for (const [scheme, classKey] of Object.entries(placed.classKeys)) {
      const before = classKeys[scheme]![index]!;
      if (before === classKey) continue;
      if (!copied.has(scheme)) {
        copied.add(scheme);
        classKeys[scheme] = classKeys[scheme]!.slice();
        const summary = schemes[scheme]!;
        schemes[scheme] = { ...summary, counts: { ...summary.counts } } satisfies SchemeSummary;
      }
      classKeys[scheme]![index] = classKey;
      const counts = schemes[scheme]!.counts;
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
    views.set(customer.id, placed.view);
  }
  const patched = new Set(state.patched);
  for (const { customer } of changes) patched.add(customer.id);
  return {
    ...state,
    loaded,
    customers: loaded.customers,
    metrics,
    result: { ...result, classKeys, schemes, customers: withViews(result.customers, views) },
    patched,
  };
}

/** The run's views, with the customers placed again answering for themselves. */
function withViews(base: CustomerViews, views: ReadonlyMap<string, CustomerSegmentation>): CustomerViews {
  function* values(): Generator<CustomerSegmentation, void, undefined> {
    for (const view of base.values()) yield views.get(view.customerId) ?? view;
  }
  return {
    size: base.size,
    has: (id) => base.has(id),
    get: (id) => views.get(id) ?? base.get(id),
    values,
    [Symbol.iterator]: values,
  };
}
