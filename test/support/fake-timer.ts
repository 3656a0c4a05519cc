/**
 * A clock the test moves by hand: timers fire in order at their own instants as time passes, and what they start
 * asynchronously (a scheduler's reads, a snapshot) is let run between them.
 */
export class FakeTimer {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  /** Every delay asked for, to check that none sleeps past a cap. */
  readonly delays: number[] = [];
  constructor(public ms: number) {}
  now = () => new Date(this.ms);
  setTimeout = (run: () => void, ms: number) => {
    this.delays.push(ms);
    const id = this.nextId++;
    this.timers.push({ at: this.ms + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  get armed(): number {
    return this.timers.length;
  }
  /** Moves time to `target` (an ISO instant, a Date or epoch ms), firing each timer due on the way at its own instant. */
  async advanceTo(target: string | Date | number): Promise<void> {
    const end = typeof target === 'number' ? target : typeof target === 'string' ? Date.parse(target) : target.getTime();
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.ms = Math.max(this.ms, due.at);
      due.run();
    }
    this.ms = end;
    await settle();
  }
}

/** One turn of the event loop: what a fired timer started gets to run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
