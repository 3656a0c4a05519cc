/**
 * Long reads written once as generators that yield between slices of work: run to the end at once where
 * the caller holds no event loop (a test, the CLI's own read), or a slice per turn where the app must keep
 * answering meanwhile (core/segmentation/state.ts).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs one step per turn, `between` resolving in between (a setImmediate, so other calls are answered). */
export async function runStepsBetween<T>(steps: Steps<T>, between: () => Promise<void>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await between();
  }
}

/**
 * `pass(from, to)` over [0, n), `per` at a time, yielding between stretches. The loop belongs in `pass`, an
 * ordinary function: V8 optimises a long-running loop inside a generator far less well (the same passes ran
 * about a quarter slower at 100k customers written as loops in the generators themselves).
 */
export function* inStretches(n: number, per: number, pass: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < n; from += per) {
    if (from > 0) yield;
    pass(from, Math.min(n, from + per));
  }
}
