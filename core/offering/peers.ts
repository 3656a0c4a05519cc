import type { Db } from '../../db/open';
import { latestRunDay, snapshotClasses } from '../../db/repos/segmentation';

/** The customers "like" one customer: the others in their class of a scheme, as of the latest tier run. */
export interface PeerSet {
  scheme: string;
  asOf: string | null;
  classKey: string | null;
  /** The partition group the peers were limited to; null when the tiers are not partitioned. */
  group: string | null;
  customerIds: string[];
}

/**
 * The customer's class peers. When the tiers are computed within groups (partitions: stall customers
 * ranked among stall customers), `groupOf` names each customer's group and the peers are limited to the
 * customer's own group: platinum at the stall and platinum at the export desk buy different things.
 */
export function classPeers(db: Db, scheme: string, customerId: string, groupOf?: (customerId: string) => string | null): PeerSet {
  const asOf = latestRunDay(db);
  if (!asOf) return { scheme, asOf: null, classKey: null, group: null, customerIds: [] };
  const classes = snapshotClasses(db, scheme, asOf);
  const classKey = classes.get(customerId) ?? null;
  const group = groupOf?.(customerId) ?? null;
  if (classKey === null) return { scheme, asOf, classKey: null, group, customerIds: [] };
  const customerIds = [...classes].filter(([id, key]) => key === classKey && id !== customerId && (group === null || groupOf?.(id) === group)).map(([id]) => id);
  return { scheme, asOf, classKey, group, customerIds };
}

/** Every classified customer by class (and group when given), for the tier screen's per-class lists. */
export function classMembers(db: Db, scheme: string): { asOf: string | null; members: Map<string, string[]> } {
  const asOf = latestRunDay(db);
  const members = new Map<string, string[]>();
  if (!asOf) return { asOf, members };
  for (const [id, key] of snapshotClasses(db, scheme, asOf)) {
    const ids = members.get(key);
    if (ids) ids.push(id);
    else members.set(key, [id]);
  }
  return { asOf, members };
}
