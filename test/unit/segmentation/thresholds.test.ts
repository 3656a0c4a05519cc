import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../../shared/segmentation';
import { assignment, classOf, customer, order, run } from './fixtures';

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
});
