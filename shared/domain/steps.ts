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

/** How long a stretch of a timed pass may run before the event loop gets a turn. */
export const STRETCH_BUDGET_MS = 25;

/**
 * inStretches whose stretches also end once `budgetMs` have passed, the clock read every `check` items: a
 * pass's first stretches run before V8 has optimised it, several times slower than the later ones (a full
 * read's first 5,000 customers parsed took 85-145 ms in a freshly started process, the later ones 20-30),
 * so a count alone cannot keep every turn short. `pass` sees stretches of at most `check` items.
 */
export function* inTimedStretches(n: number, per: number, pass: (from: number, to: number) => void, budgetMs = STRETCH_BUDGET_MS, check = 250): Steps<void> {
  let from = 0;
  while (from < n) {
    if (from > 0) yield;
    const end = Math.min(n, from + per);
    const deadline = performance.now() + budgetMs;
    do {
      const to = Math.min(end, from + check);
      pass(from, to);
      from = to;
    } while (from < end && performance.now() < deadline);
  }
}

/**
 * A step that yields only once `ms` have passed since the last turn it gave: for passes made of many short
 * pieces of uneven length, where a turn after each piece would cost more turns than work.
 */
export function turnsEvery(ms: number): () => Steps<void> {
  let since = performance.now();
  return function* turnIfDue(): Steps<void> {
    if (performance.now() - since < ms) return;
    yield;
    since = performance.now();
  };
}
