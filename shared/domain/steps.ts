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
