import { describe, expect, it } from 'vitest';
import { buildConfig, DEFAULT_CONFIG, segmentAll } from '../../../shared/segmentation';
import { customer, order } from './fixtures';

describe('config', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_CONFIG).toEqual({
      window: { kind: 'days', days: 365 },
      value: {
        weights: { r: 1, f: 1, m: 1, followUps: 0 },
        highShare: 0.2,
        mediumShare: 0.3,
        basis: 'revenue',
        mode: 'shares',
        thresholds: { high: 12, medium: 9 },
        groupThresholds: {},
      },
      pyramid: {
        platinumShare: 0.01,
        goldShare: 0.04,
        ironShare: 0.15,
        basis: 'revenue',
        mode: 'shares',
        thresholds: { platinum: 50_000_000, gold: 10_000_000, iron: 2_000_000 },
        groupThresholds: {},
      },
      lifecycle: { newDays: 90, atRiskMultiplier: 1.5, churnedMultiplier: 3, minGapDays: 7, oneOrderAtRiskDays: 90, oneOrderChurnedDays: 180 },
      behavior: { threshold: { kind: 'median' } },
      loyalty: { loyalMinF: 4, loyalMinR: 3, potentialMinR: 4, potentialMinM: 4 },
      customSegments: [],
      partition: { kind: 'none' },
    });
  });

  it('merges partial overrides section by section', () => {
    const config = buildConfig({ asOf: '2026-01-31', value: { weights: { m: 3 } }, lifecycle: { newDays: 30 } });
    expect(config.asOf).toBe('2026-01-31');
    expect(config.value).toEqual({ ...DEFAULT_CONFIG.value, weights: { r: 1, f: 1, m: 3, followUps: 0 } });
    expect(config.lifecycle).toEqual({ ...DEFAULT_CONFIG.lifecycle, newDays: 30 });
    expect(config.pyramid).toEqual(DEFAULT_CONFIG.pyramid);
  });

  it('rejects inconsistent settings', () => {
    expect(() => buildConfig({ asOf: '2026-02-30' })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', window: { kind: 'days', days: 0 } })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', value: { highShare: 0.8, mediumShare: 0.3 } })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', value: { weights: { r: 0, f: 0, m: 0, followUps: 0 } } })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', pyramid: { ironShare: 0.99 } })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', lifecycle: { churnedMultiplier: 1 } })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', lifecycle: { oneOrderChurnedDays: 30 } })).toThrow();
    expect(() => buildConfig({ asOf: '2026-01-31', loyalty: { loyalMinF: 6 } })).toThrow();
  });

  it('accepts shares typed as percentages that add up to exactly 100 %, and cuts them as typed', () => {
    // The settings screen types shares in steps of 0.5 % and divides by 100: 33 + 56 + 11 summed to
    // 1.0000000000000002 and was refused as "more than 100 %".
    const refused: string[] = [];
    for (let p = 0; p <= 200; p++) {
      for (let g = 0; p + g <= 200; g++) {
        const [platinumShare, goldShare, ironShare] = [p / 200, g / 200, (200 - p - g) / 200];
        try {
          buildConfig({ asOf: '2026-01-31', pyramid: { platinumShare, goldShare, ironShare } });
        } catch {
          refused.push(`${p / 2}+${g / 2}+${(200 - p - g) / 2}`);
        }
      }
      try {
        buildConfig({ asOf: '2026-01-31', value: { highShare: p / 200, mediumShare: (200 - p) / 200 } });
      } catch {
        refused.push(`value ${p / 2}+${(200 - p) / 2}`);
      }
    }
    expect(refused).toEqual([]);
    expect(() => buildConfig({ asOf: '2026-01-31', pyramid: { platinumShare: 0.33, goldShare: 0.56, ironShare: 0.115 } })).toThrow(/invalid_shares/);
    // 100 customers with distinct amounts: 33 platinum, 56 gold, 11 iron, nobody left for lead.
    const ids = Array.from({ length: 100 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const result = segmentAll(
      ids.map((id) => customer(id)),
      ids.map((id, i) => order(id, '2026-01-15', 1000 + i)),
      [],
      buildConfig({ asOf: '2026-01-31', pyramid: { platinumShare: 0.33, goldShare: 0.56, ironShare: 0.11 } }),
    );
    const counts = Object.fromEntries(['platinum', 'gold', 'iron', 'lead'].map((k) => [k, result.classKeys.pyramid!.filter((c) => c === k).length]));
    expect(counts).toEqual({ platinum: 33, gold: 56, iron: 11, lead: 0 });
  });

  it('re-validates a config handed straight to segmentAll', () => {
    const config = { ...buildConfig({ asOf: '2026-01-31' }), asOf: 'yesterday' };
    expect(() => segmentAll([customer('a')], [], [], config)).toThrow();
    expect(() => segmentAll([customer('a'), customer('a')], [], [], buildConfig({ asOf: '2026-01-31' }))).toThrow(/Duplicate/);
  });
});
