import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedToReach, makeScale, scaleCuts, scoreAfterChange, scoreOf } from '../../../shared/segmentation/quintile';

const scoresOf = (values: number[]) => {
  const scale = makeScale(values);
  return values.map((v) => scoreOf(scale, v));
};

describe('quintile scores: 1 + floor(5 × (members strictly worse) / n)', () => {
  it('splits ten distinct values two per score', () => {
    expect(scoresOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives equal values equal scores, from the rank of their first occurrence', () => {
    // sorted: 1 1 3 5 5 5 9 9 9 9 → below(1)=0, below(3)=2, below(5)=3, below(9)=6
    expect(scoresOf([5, 5, 5, 1, 1, 9, 9, 9, 9, 3])).toEqual([2, 2, 2, 1, 1, 4, 4, 4, 4, 2]);
  });

  it('scores an all-equal population 1, and a single member 1', () => {
    expect(scoresOf([7, 7, 7, 7])).toEqual([1, 1, 1, 1]);
    expect(scoresOf([42])).toEqual([1]);
  });

  it('handles populations smaller than five', () => {
    expect(scoresOf([1, 2, 3])).toEqual([1, 2, 4]);
    expect(scoresOf([1, 2])).toEqual([1, 3]);
  });

  it('reports, per score, the value a member must strictly exceed', () => {
    expect(scaleCuts(makeScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual([
      { score: 2, above: 2 },
      { score: 3, above: 4 },
      { score: 4, above: 6 },
      { score: 5, above: 8 },
    ]);
    expect(scaleCuts(makeScale([]))).toEqual([]);
  });

  it('tells one member what to exceed for a higher score, counting only the others', () => {
    const scale = makeScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(exceedToReach(scale, 1, 2)).toBe(3); // at 4 it beats 2 and 3 of the others
    expect(scoreAfterChange(scale, 1, 4)).toBe(2);
    expect(scoreAfterChange(scale, 1, 3)).toBe(1);
    expect(exceedToReach(scale, 1, 5)).toBe(9);
    expect(exceedToReach(scale, 10, 5)).toBeNull(); // already there
    expect(exceedToReach(makeScale([5]), 5, 2)).toBeNull(); // nobody to beat
  });

  it('property: a score is 1 + floor(5 × below / n), with below counted one by one', () => {
    const value = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.array(fc.oneof(value, fc.constant(Number.NaN)), { minLength: 1, maxLength: 10 }), (values, probes) => {
        const scale = makeScale(values);
        for (const v of [...values, ...probes]) {
          const below = values.filter((x) => x < v).length;
          expect(scoreOf(scale, v)).toBe(1 + Math.floor((5 * below) / values.length));
        }
      }),
      { numRuns: 400 },
    );
    expect(scoreOf(makeScale([]), 3)).toBeNaN();
  });

  it('property: scores are monotone, ties never split, and the reach bound is exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), fc.nat(), fc.integer({ min: 2, max: 5 }), (values, pick, target) => {
        const scale = makeScale(values);
        const sorted = [...values].sort((a, b) => a - b);
        for (let k = 1; k < sorted.length; k++) expect(scoreOf(scale, sorted[k]!)).toBeGreaterThanOrEqual(scoreOf(scale, sorted[k - 1]!));
        const own = values[pick % values.length]!;
        const bound = exceedToReach(scale, own, target);
        if (bound === null) return;
        const withValue = (v: number) => {
          const changed = [...values];
          changed[pick % values.length] = v;
          return scoreOf(makeScale(changed), v);
        };
        expect(withValue(bound + 1)).toBeGreaterThanOrEqual(target);
        expect(withValue(bound + 1)).toBe(scoreAfterChange(scale, own, bound + 1));
        expect(withValue(bound)).toBeLessThan(target);
      }),
    );
  });
});
