import type { SegmentationState } from '../segmentation/state';

/** The schemes the engine ranks, and so computes within the groups of a partition (shared/segmentation/partition.ts). */
const RANKED_SCHEMES: ReadonlySet<string> = new Set(['rfm', 'rf_segment', 'value', 'pyramid', 'loyalty', 'behavior']);

/** The customers "like" one customer: the others in their class of a scheme, within their group when partitioned. */
export interface PeerSet {
  scheme: string;
  asOf: string;
  classKey: string | null;
  /** The partition ('type', 'market', 'tag' …) and the customer's group in it; null when the scheme is not partitioned. */
  partition: string | null;
  group: string | null;
  customerIds: string[];
}

/** A ranked scheme under a partition: each customer's group key, aligned with the result's customers. */
function groupsOf(state: SegmentationState, scheme: string): readonly string[] | null {
  return state.result.partition !== 'none' && RANKED_SCHEMES.has(scheme) ? state.result.groupKeys : null;
}

/**
 * The customer's class peers in the tiers as computed (the same classes the customer file and the tier
 * screen show). When the scheme is ranked within groups (stall customers among stall customers), the peers
 * are limited to the customer's own group: platinum at the stall and platinum at the export desk buy
 * different things.
 */
export function classPeers(state: SegmentationState, scheme: string, customerId: string): PeerSet {
  const column = state.result.classKeys[scheme];
  const k = state.indexOf.get(customerId);
  const groups = groupsOf(state, scheme);
  const partition = groups ? state.result.partition : null;
  if (!column || k === undefined) return { scheme, asOf: state.asOf, classKey: null, partition, group: null, customerIds: [] };
  const classKey = column[k]!;
  const group = groups ? groups[k]! : null;
  const customerIds: string[] = [];
  state.result.customerIds.forEach((id, i) => {
    if (i !== k && column[i] === classKey && (groups === null || groups[i] === group)) customerIds.push(id);
  });
  return { scheme, asOf: state.asOf, classKey, partition, group, customerIds };
}

/** Every classified customer by class, for the tier screen's per-class lists. */
export function classMembers(state: SegmentationState, scheme: string): Map<string, string[]> {
  const members = new Map<string, string[]>();
  const column = state.result.classKeys[scheme];
  if (!column) return members;
  state.result.customerIds.forEach((id, i) => {
    const key = column[i]!;
    const ids = members.get(key);
    if (ids) ids.push(id);
    else members.set(key, [id]);
  });
  return members;
}
