import { describe, expect, it } from 'vitest';
import { RF_GRID, rfSegmentOf } from '../../../shared/segmentation';
import { assignment, classOf, customer, order, run } from './fixtures';
import { customers, orders } from './population-a-to-f';

describe('rfm', () => {
  const result = run(customers, orders);

  it('scores R, F and M by quintile among buyers, ties sharing a score', () => {
    expect(result.classKeys.rfm).toEqual(['543', '312', '235', '353', '111', 'none']);
  });

  it('explains the inputs, the scores and the value each next score needs', () => {
    expect(assignment(result, 'B', 'rfm')).toEqual({
      classKey: '312',
      explanation: {
        kind: 'rfm',
        group: null,
        recencyDays: 10,
        orderCount: 1,
        revenueMinor: 5000,
        scores: { r: 3, f: 1, m: 2 },
        buyers: 5,
        moves: [
          // R4 needs 3 of the 4 others strictly less recent: E, C and D (10 days) → at most 9 days.
          { kind: 'reach_score', dimension: 'r', score: 4, bound: 'at_most', value: 9, toClass: '412' },
          { kind: 'reach_score', dimension: 'f', score: 2, bound: 'at_least', value: 2, toClass: '322' },
          // M3 cannot be hit exactly: passing the 40000 tie beats three others at once → M4.
          { kind: 'reach_score', dimension: 'm', score: 4, bound: 'at_least', value: 40001, toClass: '314' },
        ],
      },
    });
    expect(assignment(result, 'F', 'rfm').explanation).toMatchObject({ recencyDays: null, orderCount: 0, scores: null, moves: [] });
  });

  it('lists the score cut points in days, orders and money', () => {
    expect(result.schemes.rfm!.cuts).toEqual({
      kind: 'rfm',
      buyers: 5,
      // score s needs more than sorted[ceil((s-1)·5/5) - 1] members below: sorted[0..3]
      r: [
        { score: 2, bound: 'at_most', value: 272 },
        { score: 3, bound: 'at_most', value: 29 },
        { score: 4, bound: 'at_most', value: 9 },
        { score: 5, bound: 'at_most', value: 9 },
      ],
      f: [
        { score: 2, bound: 'at_least', value: 2 },
        { score: 3, bound: 'at_least', value: 2 },
        { score: 4, bound: 'at_least', value: 3 },
        { score: 5, bound: 'at_least', value: 4 },
      ],
      m: [
        { score: 2, bound: 'at_least', value: 1001 },
        { score: 3, bound: 'at_least', value: 5001 },
        { score: 4, bound: 'at_least', value: 40001 },
        { score: 5, bound: 'at_least', value: 40001 },
      ],
    });
    expect(result.schemes.rfm!.counts).toMatchObject({ '543': 1, '312': 1, '235': 1, '353': 1, '111': 1, none: 1, '555': 0 });
  });

  it('scores a single buyer 111 and an all-equal population 111 throughout', () => {
    expect(run([customer('solo')], [order('solo', '2026-06-29')]).classKeys.rfm).toEqual(['111']);
    const same = run(
      ['p', 'q', 'r'].map((id) => customer(id)),
      ['p', 'q', 'r'].map((id) => order(id, '2026-06-01', 500)),
    );
    expect(same.classKeys.rfm).toEqual(['111', '111', '111']);
  });

  it('always gives one-order customers F1', () => {
    const many = run(
      ['a', 'b', 'c', 'd'].map((id) => customer(id)),
      [order('a', '2026-06-01'), order('b', '2026-06-02'), order('c', '2026-06-03'), order('d', '2026-06-04'), order('d', '2026-06-05')],
    );
    // counts 1 1 1 2: the worst value scores 1; d has 3 of 4 below → 1 + floor(15 / 4) = 4
    expect(many.classKeys.rfm!.map((k) => k[1])).toEqual(['1', '1', '1', '4']);
  });
});

describe('rf_segment', () => {
  it('covers each of the 25 R×F cells exactly once', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const cells = RF_GRID.filter((c) => r >= c.r[0] && r <= c.r[1] && f >= c.f[0] && f <= c.f[1]);
        expect(cells, `R${r} F${f}`).toHaveLength(1);
      }
    }
    expect(RF_GRID.reduce((sum, c) => sum + (c.r[1] - c.r[0] + 1) * (c.f[1] - c.f[0] + 1), 0)).toBe(25);
  });

  it('follows the classic grid', () => {
    expect([rfSegmentOf(5, 5), rfSegmentOf(5, 4), rfSegmentOf(4, 5), rfSegmentOf(3, 4)]).toEqual(['champions', 'champions', 'loyal', 'loyal']);
    expect([rfSegmentOf(5, 2), rfSegmentOf(4, 3), rfSegmentOf(5, 1), rfSegmentOf(4, 1)]).toEqual(['potential_loyalist', 'potential_loyalist', 'new', 'promising']);
    expect([rfSegmentOf(3, 3), rfSegmentOf(3, 2), rfSegmentOf(2, 4), rfSegmentOf(1, 5), rfSegmentOf(2, 2)]).toEqual([
      'need_attention',
      'about_to_sleep',
      'at_risk',
      'cant_lose',
      'hibernating',
    ]);
  });

  it('reaches every one of the 10 segments in a 5×5 population', () => {
    // Customer (g, k): last order (5-g)·10 days before asOf, k orders on consecutive earlier days.
    // Five customers share each recency and each count, so both score exactly g and k.
    const cs = [];
    const os = [];
    for (let g = 1; g <= 5; g++) {
      for (let k = 1; k <= 5; k++) {
        const id = `r${g}f${k}`;
        cs.push(customer(id));
        for (let j = 0; j < k; j++) os.push(order(id, `2026-06-${String(30 - (5 - g) * 5 - j).padStart(2, '0')}`));
      }
    }
    const result = run(cs, os);
    for (let g = 1; g <= 5; g++) for (let k = 1; k <= 5; k++) expect(classOf(result, `r${g}f${k}`, 'rf_segment')).toBe(rfSegmentOf(g, k));
    expect(result.schemes.rf_segment!.counts).toEqual({
      champions: 2,
      loyal: 4,
      potential_loyalist: 4,
      new: 1,
      promising: 1,
      need_attention: 1,
      about_to_sleep: 2,
      at_risk: 4,
      cant_lose: 2,
      hibernating: 4,
      none: 0,
    });
  });

  it('hints the least value that changes the segment', () => {
    const result = run(customers, orders);
    expect(classOf(result, 'E', 'rf_segment')).toBe('hibernating');
    // E (R1 F1). R: ≤ 29 days beats C → R2, still hibernating; the next step must pass the B/D tie at 10
    // days, so ≤ 9 days beats three at once → R4 F1, promising. F: 2 orders → F2, still hibernating;
    // 3 orders beat B and C → F3: R1 F3 is at_risk.
    expect(assignment(result, 'E', 'rf_segment').explanation.moves).toEqual([
      { kind: 'reach_score', dimension: 'r', score: 4, bound: 'at_most', value: 9, toClass: 'promising' },
      { kind: 'reach_score', dimension: 'f', score: 3, bound: 'at_least', value: 3, toClass: 'at_risk' },
    ]);
  });
});
