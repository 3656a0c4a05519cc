import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentAll } from '../../../shared/segmentation';
import { assignment, config, customer, ids, order, run } from './fixtures';

/** n customers, customer k (1-based) with one order of k × 100 on 2026-06-01. */
function ladder(n: number, overrides = {}) {
  const names = ids(n);
  return run(
    names.map((id) => customer(id)),
    names.map((id, k) => order(id, '2026-06-01', (k + 1) * 100)),
    [],
    overrides,
  );
}

const countsOf = (n: number) => ladder(n).schemes.pyramid!.counts;

describe('pyramid', () => {
  it('sizes classes by round-half-up of cumulative share × n: 1, 2, 3, 50, 101 customers', () => {
    expect(countsOf(1)).toEqual({ platinum: 0, gold: 0, iron: 0, lead: 1, none: 0 });
    expect(countsOf(2)).toEqual({ platinum: 0, gold: 0, iron: 0, lead: 2, none: 0 });
    expect(countsOf(3)).toEqual({ platinum: 0, gold: 0, iron: 1, lead: 2, none: 0 });
    expect(countsOf(50)).toEqual({ platinum: 1, gold: 2, iron: 7, lead: 40, none: 0 });
    expect(countsOf(101)).toEqual({ platinum: 1, gold: 4, iron: 15, lead: 81, none: 0 });
  });

  it('publishes the money cut of each class', () => {
    expect(ladder(50).schemes.pyramid!.cuts).toEqual({
      kind: 'pyramid',
      basis: 'revenue',
      mode: 'shares',
      ranked: 50,
      platinum: { targetCount: 1, minValue: 5000 },
      gold: { targetCount: 3, minValue: 4800 },
      iron: { targetCount: 10, minValue: 4100 },
    });
  });

  it('tells each customer how much more to spend, and until when that figure holds', () => {
    const result = ladder(50);
    expect(assignment(result, 'c47', 'pyramid')).toEqual({
      classKey: 'iron',
      explanation: {
        kind: 'pyramid',
        group: null,
        basis: 'revenue',
        fellBackToRevenue: false,
        mode: 'shares',
        shares: { platinum: 0.01, gold: 0.04, iron: 0.15 },
        thresholds: null,
        rankValue: 4700,
        rank: 4,
        ranked: 50,
        cuts: { platinum: 5000, gold: 4800, iron: 4100 },
        // iron and above: the 10 customers from ¥41.00 up, exactly its cumulative target round(0.2 × 50)
        reached: { count: 10, target: 10 },
        // the 2026-06-01 order stays in the 365-day window through 2027-05-31
        moves: [{ kind: 'spend_more', amountMinor: 100, by: '2027-05-31', toClass: 'gold' }],
      },
    });
    expect(assignment(result, 'c40', 'pyramid').explanation.moves).toEqual([{ kind: 'spend_more', amountMinor: 100, by: '2027-05-31', toClass: 'iron' }]);
    expect(assignment(result, 'c50', 'pyramid').explanation.moves).toEqual([]);
    expect(assignment(ladder(50, { window: { kind: 'all' } }), 'c49', 'pyramid').explanation.moves).toEqual([
      { kind: 'spend_more', amountMinor: 100, by: null, toClass: 'platinum' },
    ]);
  });

  it('puts a tie at a boundary in the higher class', () => {
    const names = ids(50);
    const result = run(
      names.map((id) => customer(id)),
      names.map((id, k) => order(id, '2026-06-01', k >= 48 ? 9999 : (k + 1) * 100)),
    );
    expect(result.schemes.pyramid!.counts).toEqual({ platinum: 2, gold: 1, iron: 7, lead: 40, none: 0 });
  });

  it("gives 'none' to customers without orders in the window", () => {
    const result = run([customer('a'), customer('b')], [order('a', '2026-06-01'), order('b', '2025-06-30')]);
    expect(result.classKeys.pyramid).toEqual(['lead', 'none']);
    expect(assignment(result, 'b', 'pyramid').explanation).toMatchObject({ rankValue: null, rank: null, moves: [] });
  });

  it("ranks by a caller's predicted values with basis 'predicted'", () => {
    const names = ids(51);
    const cs = names.map((id) => customer(id));
    const predicted = new Map(names.slice(0, 50).map((id, k) => [id, (50 - k) * 10])); // c51 has none
    const result = segmentAll(cs, [], [], config({ pyramid: { basis: 'predicted' } }), { predictedValueMinor: predicted });
    expect(result.classKeys.pyramid!.slice(0, 3)).toEqual(['platinum', 'gold', 'gold']);
    expect(result.classKeys.pyramid![50]).toBe('none');
    expect(result.schemes.pyramid!.counts).toEqual({ platinum: 1, gold: 2, iron: 7, lead: 40, none: 1 });
    expect(assignment(result, 'c2', 'pyramid').explanation.moves).toEqual([]); // a prediction is not spendable
    expect(() => segmentAll(cs, [], [], config({ pyramid: { basis: 'predicted' } }))).toThrow(/predicted/);
  });

  it('property: with distinct revenues each class is within one customer of its share', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 300 }), (amounts) => {
        const names = amounts.map((_, k) => `p${k}`);
        const result = run(
          names.map((id) => customer(id)),
          names.map((id, k) => order(id, '2026-06-01', amounts[k])),
        );
        const counts = result.schemes.pyramid!.counts;
        const n = amounts.length;
        expect(Math.abs(counts.platinum! - 0.01 * n)).toBeLessThanOrEqual(1);
        expect(Math.abs(counts.gold! - 0.04 * n)).toBeLessThanOrEqual(1);
        expect(Math.abs(counts.iron! - 0.15 * n)).toBeLessThanOrEqual(1);
        expect(Math.abs(counts.lead! - 0.8 * n)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
  it('property: each explanation counts the ranked customers in its tier or above, and the shares\' target', () => {
    const TIERS = ['platinum', 'gold', 'iron', 'lead'];
    const ROUND = (x: number) => Math.floor(x + 0.5 + 1e-9);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 120 }), (amounts) => {
        // Amounts from a handful of values, so ties at every cut are common.
        const names = ids(amounts.length);
        const result = run(names.map((id) => customer(id)), names.map((id, k) => order(id, '2026-06-01', amounts[k]! * 100)), [], {
          pyramid: { platinumShare: 0.1, goldShare: 0.2, ironShare: 0.3 },
        });
        const classes = names.map((id) => assignment(result, id, 'pyramid').classKey);
        const targets = [ROUND(0.1 * names.length), ROUND(0.3 * names.length), ROUND(0.6 * names.length)];
        names.forEach((id, k) => {
          const tier = TIERS.indexOf(classes[k]!);
          const count = classes.filter((c) => TIERS.indexOf(c) <= tier).length;
          expect(assignment(result, id, 'pyramid').explanation.reached).toEqual({ count, target: tier < 3 ? targets[tier] : null });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('all customers equal: the whole population is in the top tier that has a target, past its share', () => {
    const names = ids(7);
    const result = run(names.map((id) => customer(id)), names.map((id) => order(id, '2026-06-01', 20_000)), []);
    for (const id of names) {
      const { classKey, explanation } = assignment(result, id, 'pyramid');
      // Iron's cumulative target is round(0.2 × 7) = 1; the tie takes all 7 with it.
      expect(classKey).toBe('iron');
      expect(explanation.reached).toEqual({ count: 7, target: 1 });
    }
    const thresholds = run([customer('x')], [order('x', '2026-06-01', 30_000_000)], [], { pyramid: { mode: 'thresholds' } });
    expect(assignment(thresholds, 'x', 'pyramid').explanation.reached).toEqual({ count: 1, target: null });
    expect(assignment(run([customer('y')], [], []), 'y', 'pyramid').explanation.reached).toBeNull();
  });
});
