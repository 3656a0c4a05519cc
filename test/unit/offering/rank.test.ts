import { describe, expect, it } from 'vitest';
import { popularAmong, usuallyBuys } from '../../../core/offering/rank';
import type { NetPurchase } from '../../../db/repos/product-purchases';

const p = (customerId: string, productId: string, quantity: number, amountBaseMinor: number, extra: Partial<NetPurchase> = {}): NetPurchase => ({
  customerId, productId, name: productId.toLowerCase(), sku: productId, quantity, amountBaseMinor, orders: 1, lastBought: '2025-01-01', ...extra,
});

describe('usually buys', () => {
  it('keeps products with something left after returns, biggest spend first, then most units', () => {
    const own = [p('A', 'TEA', 5, 600), p('A', 'CUP', 0, 0), p('A', 'POT', 1, 600), p('A', 'BAG', 9, 100), p('A', 'OLD', -1, -50)];
    expect(usuallyBuys(own, 10).map((x) => x.productId)).toEqual(['TEA', 'POT', 'BAG']);
    expect(usuallyBuys(own, 2).map((x) => x.productId)).toEqual(['TEA', 'POT']);
  });
});

describe('popular among a peer set', () => {
  it('counts buyers with a net quantity above zero, leaves out what the customer knows, most buyers first, then spend', () => {
    const peers = [p('B', 'POT', 2, 600), p('C', 'POT', 1, 300), p('C', 'TRAY', 1, 1400), p('D', 'TRAY', 0, 0), p('D', 'CUP', 3, 90), p('E', 'TEA', 4, 400)];
    const result = popularAmong(peers, 4, new Set(['TEA']), 10);
    expect(result.map((x) => [x.productId, x.reason.buyers, x.reason.share])).toEqual([
      ['POT', 2, 2 / 4],
      ['TRAY', 1, 1 / 4],
      ['CUP', 1, 1 / 4],
    ]);
    expect(result[0]).toMatchObject({ quantity: 3, amountBaseMinor: 900, reason: { kind: 'peers', peers: 4 } });
    expect(popularAmong(peers, 0, new Set(), 10)).toEqual([]);
  });
});
