import { nextTurn } from '../next-turn';
import type { Db } from '../../db/open';
import { latestActivityRev } from '../../db/repos/customer-activity';
import { clvOptionsOf } from './predict';

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

/**
 * What a fit on asOf is made from, as a key kept with the stored run (prediction_runs.fitted_from): the day,
 * the app's version (a new version may fit differently), the activity rows' latest rev — it moves on every
 * order, follow-up and change of a customer the tiers read, deletion and archiving included, by any process,
 * and never goes back (a rebuild starts above it) — and the CLV settings. The same key stored means the same
 * fit: a process that opens the file and stores the same day again (the CLI's segment, the app's start)
 * skips a refit that would rewrite every row with what is there.
 */
export function refitInputsKey(db: Db, asOf: string, appVersion: string): string {
  return JSON.stringify({ asOf, appVersion, activityRev: latestActivityRev(db), clv: clvOptionsOf(db) });
}
