import type { Db } from '../../db/open';
import { netPurchases, type NetPurchase } from '../../db/repos/product-purchases';
import type { SegmentationState } from '../segmentation/state';
import { classMembers, classPeers } from './peers';
import { popularAmong, usuallyBuys, type PeerProduct, type UsualProduct } from './rank';

export { classPeers, classMembers, type PeerSet } from './peers';
export { popularAmong, usuallyBuys, type PeerProduct, type UsualProduct } from './rank';

export interface CustomerOffers {
  customerId: string;
  scheme: string;
  asOf: string;
  classKey: string | null;
  partition: string | null;
  group: string | null;
  peers: number;
  usuallyBuys: UsualProduct[];
  alsoBuy: PeerProduct[];
}

/** What to offer one customer: what they usually buy, and what customers like them buy that they have not. */
export function offersForCustomer(db: Db, state: SegmentationState, customerId: string, scheme: string, limit: number): CustomerOffers {
  const own = netPurchases(db.$client, [customerId]);
  const peerSet = classPeers(state, scheme, customerId);
  // Anything the customer has a line of is known to them, returned or not: no point offering it as new.
  const known = new Set(own.map((p) => p.productId));
  const peerPurchases = peerSet.customerIds.length === 0 ? [] : netPurchases(db.$client, peerSet.customerIds);
  return {
    customerId,
    scheme,
    asOf: peerSet.asOf,
    classKey: peerSet.classKey,
    partition: peerSet.partition,
    group: peerSet.group,
    peers: peerSet.customerIds.length,
    usuallyBuys: usuallyBuys(own, limit),
    alsoBuy: popularAmong(peerPurchases, peerSet.customerIds.length, known, limit),
  };
}

/** Each class's most bought products, for the tier screen: one pass over the purchases of every customer with lines. */
export function offersByClass(db: Db, state: SegmentationState, scheme: string, limit: number): { scheme: string; asOf: string; classes: Array<{ classKey: string; customers: number; products: PeerProduct[] }> } {
  const members = classMembers(state, scheme);
  const classOf = new Map<string, string>();
  for (const [key, ids] of members) for (const id of ids) classOf.set(id, key);
  const byClass = new Map<string, NetPurchase[]>();
  if (classOf.size > 0) {
    for (const p of netPurchases(db.$client, null)) {
      const key = classOf.get(p.customerId);
      if (key === undefined) continue;
      const list = byClass.get(key);
      if (list) list.push(p);
      else byClass.set(key, [p]);
    }
  }
  const none = new Set<string>();
  return {
    scheme,
    asOf: state.asOf,
    classes: [...members].map(([classKey, ids]) => ({ classKey, customers: ids.length, products: popularAmong(byClass.get(classKey) ?? [], ids.length, none, limit) })),
  };
}
