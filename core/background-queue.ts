import type { Db } from '../db/open';
import { nextTurn } from './next-turn';

/**
 * Work that runs after the current call has answered, one piece at a time per database, each after the one
 * queued before it (the prediction refit, the tiers' kept inputs). A database closed meanwhile skips what is
 * still queued; a failure ends only that piece. `settled` is what a reader that needs the result, or a CLI
 * about to exit, waits for.
 */
export class BackgroundQueue {
  private readonly tails = new WeakMap<Db, Promise<void>>();

  /** Queues `work` after whatever is already queued for `db`. */
  after(db: Db, work: () => void | Promise<void>): void {
    const next = (this.tails.get(db) ?? Promise.resolve())
      .then(nextTurn)
      .then(() => {
        if (db.$client.open) return work();
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.tails.get(db) === next) this.tails.delete(db);
      });
    this.tails.set(db, next);
  }

  /** Resolves once nothing is queued or running for `db`. */
  settled(db: Db): Promise<void> {
    return this.tails.get(db) ?? Promise.resolve();
  }
}
