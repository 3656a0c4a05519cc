import { describe, expect, it } from 'vitest';
import { FEW_TO_RANK, rankingCaveat } from '../../../shared/domain/ranking-caveat';
import type { SchemeCuts } from '../../../shared/segmentation';

const tier = { targetCount: 0, minValue: null };
const pyramid = (mode: 'shares' | 'thresholds', ranked: number): SchemeCuts => ({ kind: 'pyramid', basis: 'revenue', mode, ranked, platinum: tier, gold: tier, iron: tier });
const rfm = (buyers: number): SchemeCuts => ({ kind: 'rfm', buyers, r: [], f: [], m: [] });
const value = (mode: 'shares' | 'thresholds', buyers: number): SchemeCuts => ({ kind: 'value', basis: 'revenue', mode, buyers, weights: { r: 1, f: 1, m: 1, followUps: 0 }, followUps: [], high: tier, medium: tier });

describe('rankingCaveat', () => {
  it('fewer than five ranked: "few", with the count; five: none when they differ', () => {
    for (let n = 1; n < FEW_TO_RANK; n++) expect(rankingCaveat(rfm(n), { '111': 1, '355': n - 1, none: 2 })).toEqual({ reason: 'few', ranked: n });
    expect(rankingCaveat(rfm(5), { '111': 1, '355': 4, none: 2 })).toBeNull();
  });

  it('five or more all in one class: "tied"; non-buyers (none, potential) do not count as a class', () => {
    expect(rankingCaveat(rfm(7), { '111': 7, '555': 0, none: 3 })).toEqual({ reason: 'tied', ranked: 7 });
    expect(rankingCaveat(pyramid('shares', 6), { platinum: 0, gold: 0, iron: 6, lead: 0, none: 1 })).toEqual({ reason: 'tied', ranked: 6 });
    expect(rankingCaveat({ kind: 'behavior', basis: 'median', thresholdOrders: null }, { high_frequency: 8, low_frequency: 0, potential: 4 })).toEqual({ reason: 'tied', ranked: 8 });
  });

  it('classes not made by ranking get none: money thresholds, a fixed order count, lifecycle', () => {
    expect(rankingCaveat(pyramid('thresholds', 2), { lead: 2 })).toBeNull();
    expect(rankingCaveat({ kind: 'behavior', basis: 'fixed', thresholdOrders: 3 }, { high_frequency: 1, low_frequency: 0 })).toBeNull();
    expect(rankingCaveat({ kind: 'lifecycle', newDays: 90, atRiskMultiplier: 1.5, churnedMultiplier: 3, minGapDays: 7, oneOrderAtRiskDays: 90, oneOrderChurnedDays: 180 }, { new: 1 })).toBeNull();
  });

  it('value thresholds are set on value scores, themselves ranks: few still applies, one class may be right', () => {
    expect(rankingCaveat(value('thresholds', 2), { high: 0, medium: 0, low: 2 })).toEqual({ reason: 'few', ranked: 2 });
    expect(rankingCaveat(value('thresholds', 9), { high: 0, medium: 0, low: 9 })).toBeNull();
    expect(rankingCaveat(value('shares', 9), { high: 9, medium: 0, low: 0 })).toEqual({ reason: 'tied', ranked: 9 });
  });

  it('nobody ranked: none', () => {
    expect(rankingCaveat(rfm(0), { none: 4 })).toBeNull();
  });
});
