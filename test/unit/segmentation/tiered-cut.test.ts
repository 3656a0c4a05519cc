import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp, tierCuts, tierIndex } from '../../../shared/segmentation/tiered-cut';

const PYRAMID = [0.01, 0.04, 0.15];
const asc = (values: number[]) => [...values].sort((a, b) => a - b);

function tierSizes(values: number[], shares: number[]): number[] {
  const cuts = tierCuts(asc(values), shares);
  const sizes = new Array<number>(shares.length + 1).fill(0);
  for (const v of values) sizes[tierIndex(v, cuts)]! += 1;
  return sizes;
}

describe('tiered cuts: cumulative target = round-half-up(cumulative share × n), ties go up', () => {
  it('rounds half up despite binary floating point', () => {
    expect(roundHalfUp(0.05 * 50)).toBe(3);
    expect(roundHalfUp((0.01 + 0.04) * 50)).toBe(3);
    expect(roundHalfUp(0.4999)).toBe(0);
    expect(roundHalfUp(0.5)).toBe(1);
  });

  it('sizes the pyramid for 1, 2, 3, 50 and 101 distinct values', () => {
    const range = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
    expect(tierSizes(range(1), PYRAMID)).toEqual([0, 0, 0, 1]);
    expect(tierSizes(range(2), PYRAMID)).toEqual([0, 0, 0, 2]);
    expect(tierSizes(range(3), PYRAMID)).toEqual([0, 0, 1, 2]);
    expect(tierSizes(range(50), PYRAMID)).toEqual([1, 2, 7, 40]);
    expect(tierSizes(range(101), PYRAMID)).toEqual([1, 4, 15, 81]);
  });

  it('describes each tier by its lowest member value (null when empty)', () => {
    const cuts = tierCuts(Array.from({ length: 50 }, (_, k) => (k + 1) * 100), PYRAMID);
    expect(cuts).toEqual([
      { targetCount: 1, minValue: 5000 },
      { targetCount: 3, minValue: 4800 },
      { targetCount: 10, minValue: 4100 },
    ]);
    expect(tierCuts([7], PYRAMID)).toEqual([
      { targetCount: 0, minValue: null },
      { targetCount: 0, minValue: null },
      { targetCount: 0, minValue: null },
    ]);
  });

  it('keeps a tie straddling a boundary together in the higher tier', () => {
    const values = [100, 100, ...Array.from({ length: 48 }, (_, k) => k + 1)]; // the top two tie
    expect(tierSizes(values, PYRAMID)).toEqual([2, 1, 7, 40]);
    expect(tierSizes([5, 5, 5, 5], [0.2, 0.3])).toEqual([4, 0, 0]); // all equal: all in the top tier
  });

  it('property: without ties, every cumulative count is within ½ and every tier within 1 of its share', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 400 }), (values) => {
        const n = values.length;
        const sizes = tierSizes(values, PYRAMID);
        let cumulative = 0;
        let share = 0;
        PYRAMID.forEach((s, k) => {
          cumulative += sizes[k]!;
          share += s;
          expect(Math.abs(cumulative - share * n)).toBeLessThanOrEqual(0.5 + 1e-9);
          expect(Math.abs(sizes[k]! - s * n)).toBeLessThanOrEqual(1 + 1e-9);
        });
      }),
    );
  });
});
