import { describe, expect, it } from 'vitest';
import { inTimedStretches, runSteps, turnsEvery, type Steps } from '../../../shared/domain/steps';

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

describe('turns every so many milliseconds', () => {
  /** How many of `pieces` calls gave a turn, each piece busy for `busyMs`. */
  function turnsTaken(ms: number, pieces: number, busyMs: number): number {
    const turnIfDue = turnsEvery(ms);
    function* work(): Steps<void> {
      for (let i = 0; i < pieces; i++) {
        const until = performance.now() + busyMs;
        while (performance.now() < until);
        yield* turnIfDue();
      }
    }
    let turns = 0;
    const steps = work();
    while (!steps.next().done) turns++;
    return turns;
  }

  it('gives a turn after each piece once its time is up, and none while it is not', () => {
    expect(turnsTaken(0, 5, 0)).toBe(5);
    expect(turnsTaken(Number.POSITIVE_INFINITY, 5, 1)).toBe(0);
    // However slow the machine, pieces of 3 ms against turns every 5 ms give a turn no more than once a piece, and at least every second.
    const turns = turnsTaken(5, 6, 3);
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(turns).toBeLessThanOrEqual(6);
  });

  it('runs the same work to the same end with or without its turns', () => {
    const turnIfDue = turnsEvery(0);
    function* sum(n: number): Steps<number> {
      let total = 0;
      for (let i = 1; i <= n; i++) {
        total += i;
        yield* turnIfDue();
      }
      return total;
    }
    expect(runSteps(sum(100))).toBe(5050);
  });
});
