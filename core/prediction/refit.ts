import { nextTurn } from '../next-turn';
import type { Db } from '../../db/open';

/**
 * The refit of purchase likelihood and value that follows each stored tier snapshot runs after the
 * recompute has answered, in steps of its own (core/prediction/store.ts), so a recompute is not held up
 * by a second model and other calls are answered while it runs. Reads
 * of the stored predictions wait for a refit in flight (predictionsSettled), so nobody reads a table
 * half a day behind the tiers they were just shown; the CLI waits for it before exiting.
 */
const inFlight = new WeakMap<Db, Promise<void>>();

/** Queues `refit` after whatever refit is already queued for this database. */
export function refitSoon(db: Db, refit: () => void | Promise<void>): void {
  const previous = inFlight.get(db) ?? Promise.resolve();
  const next = previous
    .then(nextTurn)
    .then(() => {
      // The app or a test may have closed the database meanwhile: the next stored recompute refits.
      if (db.$client.open) return refit();
    })
    .catch(() => undefined)
    .finally(() => {
      if (inFlight.get(db) === next) inFlight.delete(db);
    });
  inFlight.set(db, next);
}

/** Resolves once no refit is queued or running for this database. */
export function predictionsSettled(db: Db): Promise<void> {
  return inFlight.get(db) ?? Promise.resolve();
}
