/**
 * Partitions: ranked schemes can be computed within groups of customers ("rank stall customers among stall
 * customers, exporters among exporters"). This file only decides each customer's group; ranking.ts ranks
 * each group on its own. Group keys are stable strings the UI translates like class keys:
 *   field market                     'domestic' (locality local or non_local), 'overseas', or unknown
 *   field locality / type / country  the attribute scheme's class key (local, enterprise, cn, unknown …)
 *   field owner / source / industry  the text key of the field (trimmed, NFKC, lower case), or unknown
 *   tag                              'with' or 'without' the tag (compared as text keys)
 *   segment                          'member' or 'non_member' of a custom segment that reads only the
 *                                    customer's own data (a segment reading a ranked scheme would be circular)
 */
import { assignAttribute, textKey } from './attributes';
import type { EngineConfig, Partition } from './config';
import { assignLocal, type CompiledSegment, ownMetricsOf } from './local-schemes';
import type { Population } from './population';
import { UNKNOWN } from './schemes';

/** The one group of an unpartitioned population. */
export const ALL_GROUP = 'all';

export interface Groups {
  /** Group keys in first-seen order (input order of customers). */
  keys: string[];
  /** Group index of each customer. */
  groupOf: Int32Array;
  /** Customer indexes of each group, ascending. */
  members: number[][];
}

function keyFunction(pop: Population, partition: Partition, segments: readonly CompiledSegment[], config: EngineConfig, medianGaps: Float64Array): (i: number) => string {
  switch (partition.kind) {
    case 'none':
      return () => ALL_GROUP;
    case 'field': {
      const field = partition.field;
      if (field === 'market') {
        return (i) => {
          const locality = pop.customers[i]!.locality;
          return locality === 'overseas' ? 'overseas' : locality === null ? UNKNOWN : 'domestic';
        };
      }
      if (field === 'locality' || field === 'type' || field === 'country' || field === 'industry') {
        return (i) => assignAttribute(field, pop.customers[i]!).classKey;
      }
      return (i) => textKey(pop.customers[i]![field]);
    }
    case 'tag': {
      const wanted = textKey(partition.tag);
      return (i) => (pop.customers[i]!.tags.some((t) => textKey(t) === wanted) ? 'with' : 'without');
    }
    case 'segment': {
      const segment = segments.find((s) => s.key === `custom:${partition.segmentId}`);
      if (!segment) throw new RangeError(`Partition by custom segment ${partition.segmentId}, which is not in the config`);
      if (!segment.local) throw new RangeError(`Partition by custom segment ${partition.segmentId}, which reads a ranked scheme`);
      return (i) => {
        const local = assignLocal(pop, i, medianGaps[i]!, config) as unknown as Record<string, { classKey: string } | undefined>;
        const ctx = { customer: pop.customers[i]!, metrics: ownMetricsOf(pop, i), classOf: (scheme: string) => local[scheme]?.classKey ?? UNKNOWN };
        return segment.run(ctx).result ? 'member' : 'non_member';
      };
    }
  }
}

export function groupCustomers(pop: Population, config: EngineConfig, segments: readonly CompiledSegment[], medianGaps: Float64Array): Groups {
  const keyOf = keyFunction(pop, config.partition, segments, config, medianGaps);
  const n = pop.customers.length;
  const groupOf = new Int32Array(n);
  const index = new Map<string, number>();
  const keys: string[] = [];
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    let g = index.get(key);
    if (g === undefined) {
      g = keys.length;
      index.set(key, g);
      keys.push(key);
      members.push([]);
    }
    groupOf[i] = g;
    members[g]!.push(i);
  }
  // An empty population still has its one (empty) group, so cuts and summaries always exist.
  if (keys.length === 0) {
    keys.push(config.partition.kind === 'none' ? ALL_GROUP : UNKNOWN);
    members.push([]);
  }
  return { keys, groupOf, members };
}

/** A short name of the partition for explanations: 'locality', 'tag', 'segment'. */
export function partitionName(partition: Partition): string {
  switch (partition.kind) {
    case 'none':
      return 'none';
    case 'field':
      return partition.field;
    default:
      return partition.kind;
  }
}
