/** An answer that may be provisional: tiers placed on the last full run's cuts while a background run is on its way. */
export interface MaybeProvisional {
  placedSince: number;
}

export interface SettleWatch<T> {
  /** Every answer, provisional or not. */
  answer(value: T): void;
  /** Once, when an answer that followed a provisional one is settled: whoever shows tiers reloads them. */
  settled(): void;
}

/** A write's background run takes about 1.5 s to start and well under a second at 100k to finish. */
export const SETTLE_ASK_EVERY_MS = 1500;
/** Asked at most this many times in all (a minute), so a run that never ends cannot keep a screen asking. */
export const SETTLE_MAX_ASKS = 40;

/**
 * Asks now and, while the answer is provisional (placedSince > 0), again every `everyMs`, at most `maxAsks`
 * times in all. A failed ask ends the watch quietly (the next write asks again). Returns a function that
 * stops it: an answer that arrives after it is called is dropped.
 */
export function askUntilSettled<T extends MaybeProvisional>(ask: () => Promise<T>, on: SettleWatch<T>, everyMs = SETTLE_ASK_EVERY_MS, maxAsks = SETTLE_MAX_ASKS): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asks = 0;
  let sawProvisional = false;
  const next = () => {
    asks += 1;
    ask()
      .then((value) => {
        if (stopped) return;
        on.answer(value);
        if (value.placedSince > 0) {
          sawProvisional = true;
          if (asks < maxAsks) timer = setTimeout(next, everyMs);
        } else if (sawProvisional) on.settled();
      })
      .catch(() => undefined);
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
