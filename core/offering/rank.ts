import type { NetPurchase } from '../../db/repos/product-purchases';

/** A product as an offer shows it, with the reason it is offered as data (the screen puts it into words). */
export interface UsualProduct {
  productId: string;
  name: string;
  sku: string | null;
  quantity: number;
  amountBaseMinor: number;
  reason: { kind: 'usual'; orders: number; quantity: number; lastBought: string | null };
}

export interface PeerProduct {
  productId: string;
  name: string;
  sku: string | null;
  /** Net units and amount the buying peers took, for the tier screen's per-class list. */
  quantity: number;
  amountBaseMinor: number;
  /** buyers of `peers` peer customers bought it (net of returns): share = buyers / peers. */
  reason: { kind: 'peers'; buyers: number; peers: number; share: number };
}

const byName = (a: { name: string; productId: string }, b: { name: string; productId: string }) => a.name.localeCompare(b.name) || a.productId.localeCompare(b.productId);

/**
 * What a customer usually buys: their products with something left after returns, the biggest spend
 * first (then the most units), each with how often and when they last bought it.
 */
export function usuallyBuys(own: readonly NetPurchase[], limit: number): UsualProduct[] {
  return own
    .filter((p) => p.quantity > 0)
    .sort((a, b) => b.amountBaseMinor - a.amountBaseMinor || b.quantity - a.quantity || byName(a, b))
    .slice(0, limit)
    .map((p) => ({
      productId: p.productId,
      name: p.name,
      sku: p.sku,
      quantity: p.quantity,
      amountBaseMinor: p.amountBaseMinor,
      reason: { kind: 'usual', orders: p.orders, quantity: p.quantity, lastBought: p.lastBought },
    }));
}

/**
 * The products most of a peer set buys. A peer is a buyer of a product when their net quantity of it
 * is above zero (a returned purchase does not count); products in `exclude` (what the customer already
 * knows) are left out. Most buyers first, then the most spent. The peer set is the caller's choice: the
 * customer's class, within their partition group when the tiers are partitioned.
 */
export function popularAmong(purchases: readonly NetPurchase[], peers: number, exclude: ReadonlySet<string>, limit: number): PeerProduct[] {
  if (peers === 0) return [];
  const tally = new Map<string, { productId: string; name: string; sku: string | null; buyers: number; quantity: number; amountBaseMinor: number }>();
  for (const p of purchases) {
    if (p.quantity <= 0 || exclude.has(p.productId)) continue;
    const t = tally.get(p.productId) ?? { productId: p.productId, name: p.name, sku: p.sku, buyers: 0, quantity: 0, amountBaseMinor: 0 };
    t.buyers++;
    t.quantity += p.quantity;
    t.amountBaseMinor += p.amountBaseMinor;
    tally.set(p.productId, t);
  }
  return [...tally.values()]
    .sort((a, b) => b.buyers - a.buyers || b.amountBaseMinor - a.amountBaseMinor || byName(a, b))
    .slice(0, limit)
    .map((t) => ({
      productId: t.productId,
      name: t.name,
      sku: t.sku,
      quantity: t.quantity,
      amountBaseMinor: t.amountBaseMinor,
      reason: { kind: 'peers', buyers: t.buyers, peers, share: t.buyers / peers },
    }));
}
