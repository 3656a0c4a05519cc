import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../../shared/segmentation';
import { assignment, classOf, customer, order, run } from './fixtures';

const ladder = fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 })).map((t) => {
  const [platinum, gold, iron] = [...t].sort((a, b) => b - a) as [number, number, number];
  return { platinum, gold, iron };
});

/** Fixed thresholds instead of shares: 年采购额 ≥ ¥500,000 铂金, ≥ ¥100,000 黄金, ≥ ¥20,000 铁 (fen). */
describe('fixed thresholds', () => {
  const thresholds = { platinum: 50_000_000, gold: 10_000_000, iron: 2_000_000 };
  const amounts: Record<string, number> = {
    atPlatinum: 50_000_000,
    underPlatinum: 49_999_999,
    atGold: 10_000_000,
    underGold: 9_999_999,
    atIron: 2_000_000,
    underIron: 1_999_999,
    gap: 8_800_000,
  };
  const customers = Object.keys(amounts).map((id) => customer(id));
  const orders = Object.entries(amounts).map(([id, amount]) => order(id, '2026-06-01', amount));
  const result = run(customers, orders, [], { pyramid: { mode: 'thresholds', thresholds } });

  it('puts a customer exactly at a threshold in its tier and one fen under in the next', () => {
    expect(['atPlatinum', 'underPlatinum', 'atGold', 'underGold', 'atIron', 'underIron'].map((id) => classOf(result, id, 'pyramid'))).toEqual([
      'platinum',
      'gold',
      'gold',
      'iron',
      'iron',
      'lead',
    ]);
  });

  it('hints the exact amount: ¥88,000 + ¥12,000 = ¥100,000 → gold, one fen just under', () => {
    expect(assignment(result, 'gap', 'pyramid').explanation.moves).toEqual([{ kind: 'spend_more', amountMinor: 1_200_000, by: '2027-05-31', toClass: 'gold' }]);
    expect(assignment(result, 'underGold', 'pyramid').explanation.moves).toEqual([{ kind: 'spend_more', amountMinor: 1, by: '2027-05-31', toClass: 'gold' }]);
    expect(assignment(result, 'atPlatinum', 'pyramid').explanation.moves).toEqual([]);
  });

  it('publishes the thresholds as cuts, with how many reach each', () => {
    expect(result.schemes.pyramid!.cuts).toEqual({
      kind: 'pyramid',
      basis: 'revenue',
      mode: 'thresholds',
      ranked: 7,
      platinum: { targetCount: 1, minValue: 50_000_000 },
      gold: { targetCount: 3, minValue: 10_000_000 },
      iron: { targetCount: 6, minValue: 2_000_000 },
    });
    expect(assignment(result, 'atGold', 'pyramid').explanation).toMatchObject({ mode: 'thresholds', shares: null, thresholds });
  });

  it('cuts value tiers at fixed value scores', () => {
    const r = run(customers, orders, [], { value: { mode: 'thresholds', thresholds: { high: 11, medium: 7 } } });
    for (const id of Object.keys(amounts)) {
      const e = assignment(r, id, 'value').explanation as { valueScore: number };
      expect(classOf(r, id, 'value')).toBe(e.valueScore >= 11 ? 'high' : e.valueScore >= 7 ? 'medium' : 'low');
    }
  });

  it('refuses thresholds out of order', () => {
    expect(() => buildConfig({ asOf: '2026-06-30', pyramid: { mode: 'thresholds', thresholds: { platinum: 1, gold: 2, iron: 0 } } })).toThrow(/invalid_thresholds/);
    expect(() => buildConfig({ asOf: '2026-06-30', value: { thresholds: { high: 5, medium: 6 } } })).toThrow(/invalid_thresholds/);
  });

  it('puts every ranked customer in the first tier whose threshold (its group\'s own, if set) it reaches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 0, max: 60_000 }), local: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        ladder,
        ladder,
        (people, shared, local) => {
          const customers = people.map((p, k) => customer(`c${k}`, { locality: p.local ? 'local' : 'overseas' }));
          const orders = people.map((p, k) => order(`c${k}`, '2026-06-01', p.amount));
          const result = run(customers, orders, [], {
            partition: { kind: 'field', field: 'locality' },
            pyramid: { mode: 'thresholds', thresholds: shared, groupThresholds: { local } },
          });
          people.forEach((p, k) => {
            const t = p.local ? local : shared;
            const expected = p.amount >= t.platinum ? 'platinum' : p.amount >= t.gold ? 'gold' : p.amount >= t.iron ? 'iron' : 'lead';
            expect(classOf(result, `c${k}`, 'pyramid')).toBe(expected);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
