import { describe, expect, it } from 'vitest';
import { inTimedStretches, runSteps } from '../../../shared/domain/steps';

/** Every stretch `pass` saw, and the yields between them. */
function trace(n: number, per: number, budgetMs: number, check: number, slowFirst = 0) {
  const passes: [number, number][] = [];
  const steps = inTimedStretches(
    n,
    per,
    (from, to) => {
      passes.push([from, to]);
      if (passes.length <= slowFirst) {
        const until = performance.now() + 20;
        while (performance.now() < until);
      }
    },
    budgetMs,
    check,
  );
  const turns: number[] = [];
  for (let next = steps.next(); !next.done; next = steps.next()) turns.push(passes.length);
  return { passes, turns };
}

describe('inTimedStretches', () => {
  it('passes over every item once, in order, whatever the count, stretch, budget and check', () => {
    for (const n of [0, 1, 249, 250, 251, 1_000, 1_001]) {
      for (const [per, check] of [[1, 1], [7, 3], [100, 250], [300, 100], [5_000, 250]] as const) {
        for (const budgetMs of [0, Infinity]) {
          const { passes } = trace(n, per, budgetMs, check);
          const covered = passes.flatMap(([from, to]) => Array.from({ length: to - from }, (_, k) => from + k));
          expect(covered, `n ${n} per ${per} check ${check} budget ${budgetMs}`).toEqual(Array.from({ length: n }, (_, k) => k));
          expect(passes.every(([from, to]) => to - from <= check && to > from)).toBe(true);
        }
      }
    }
  });

  it('ends a stretch at `per` items with time to spare, and at the first look at the clock once time is up', () => {
    // Untimed: stretches of `per`, a turn between them.
    expect(trace(1_000, 300, Infinity, 100).turns).toEqual([3, 6, 9]);
    // No time: a turn after every look at the clock.
    expect(trace(1_000, 300, 0, 100).turns).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The first pieces slow (20 ms each against a budget of 30 ms): that stretch ends early, the rest run to `per`.
    const slow = trace(1_000, 300, 30, 100, 2);
    expect(slow.turns[0]).toBe(2);
    expect(slow.passes).toHaveLength(10);
  });

  it('runs to the end at once where nobody waits (runSteps)', () => {
    let seen = 0;
    runSteps(inTimedStretches(10_000, 500, (from, to) => (seen += to - from), 0));
    expect(seen).toBe(10_000);
  });
});
