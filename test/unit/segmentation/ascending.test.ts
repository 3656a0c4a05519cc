import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortAscending } from '../../../shared/segmentation/ascending';

/** The reference: a Float64Array's own sort, compared value by value with Object.is (so -0 and 0 differ, NaN equals NaN). */
function expectSameAsTypedSort(values: number[]) {
  const expected = Array.from(Float64Array.from(values).sort());
  const actual = Array.from(sortAscending(Float64Array.from(values)));
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) expect.fail(`at ${i}: ${actual[i]} where the typed sort gives ${expected[i]} (input ${JSON.stringify(values.slice(0, 20))}…)`);
  }
}

describe('sortAscending orders as a typed array sort does', () => {
  it('whole numbers in a narrow span (counted): days since the last order, orders, follow-ups', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -4000, max: 0 }), { maxLength: 3000 }), expectSameAsTypedSort), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3000 }), expectSameAsTypedSort), { numRuns: 300 });
  });

  it('money, fractions and wide spans (radix-sorted), negative values and infinities among them', () => {
    const money = fc.oneof(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 2 ** 53, -(2 ** 53)));
    fc.assert(fc.property(fc.array(money, { maxLength: 3000 }), expectSameAsTypedSort), { numRuns: 500 });
  });

  it('two values that differ at any one bit, the lower bits set to mislead, in either sign', () => {
    // For each bit b: x has b set and every lower bit clear, y the reverse; x > y, so a digit that skipped b orders them wrong.
    const fromBits = (bits: bigint) => new Float64Array(new BigUint64Array([bits]).buffer)[0]!;
    const values: number[] = [];
    for (let b = 0n; b < 63n; b++) {
      const x = fromBits(1n << b);
      const y = fromBits((1n << b) - 1n);
      values.push(x, y, -x, -y);
    }
    expectSameAsTypedSort(values);
    expectSameAsTypedSort([...values].reverse());
  });

  it('money in cents, densely: many values close to each other', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100), { minLength: 500, maxLength: 3000 }), expectSameAsTypedSort), { numRuns: 100 });
  });

  it('value scores: weighted sums with six decimals', () => {
    const score = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([r, f, m]) => Math.round((0.35 * r + 0.3 * f + 0.35 * m) * 1e6) / 1e6);
    fc.assert(fc.property(fc.array(score, { maxLength: 3000 }), expectSameAsTypedSort), { numRuns: 200 });
  });

  it('-0 beside 0 keeps its place before it, in either path', () => {
    expectSameAsTypedSort([0, -0, 3, -0, 1, 0]);
    expectSameAsTypedSort([0.5, -0, 0, -0.5]);
  });

  it('NaN goes last, as the typed sort places it', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double(), fc.constant(Number.NaN), fc.integer({ min: -5, max: 5 })), { maxLength: 500 }), expectSameAsTypedSort), { numRuns: 200 });
  });

  it('an empty array, one value, every value equal, and a span just past what is counted', () => {
    expectSameAsTypedSort([]);
    expectSameAsTypedSort([7]);
    expectSameAsTypedSort(Array.from({ length: 100 }, () => 42));
    expectSameAsTypedSort(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0 : 1424)));
    expectSameAsTypedSort(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0 : 1425)));
  });

  it('sorts a view into a larger buffer without touching the values around it', () => {
    const buffer = Float64Array.from([9, 5.5, 3.25, -1.5, 2, 9]);
    sortAscending(buffer.subarray(1, 5));
    expect(Array.from(buffer)).toEqual([9, -1.5, 2, 3.25, 5.5, 9]);
  });
});
