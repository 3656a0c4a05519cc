/** A clock moved by hand; timers fire in order at their own instants. */
export class FakeTimer {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
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
  advanceTo(iso: string): void {
    const end = Date.parse(iso);
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.ms = Math.max(this.ms, due.at);
      due.run();
    }
    this.ms = end;
  }
}

