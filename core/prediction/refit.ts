import { BackgroundQueue } from '../background-queue';
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
const refits = new BackgroundQueue();

/** Queues `refit` after whatever refit is already queued for this database. */
export function refitSoon(db: Db, refit: () => void | Promise<void>): void {
  // The app or a test may have closed the database meanwhile: the next stored recompute refits.
  refits.after(db, refit);
}

/** Resolves once no refit is queued or running for this database. */
export function predictionsSettled(db: Db): Promise<void> {
  return refits.settled(db);
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

/**
 * Whether a stored run was fitted from the orders and customers as they are now: its key's activity rev is
 * still the latest (an order, a merge, a deletion since moves it). The CLV settings and the app's version are
 * left out here: a changed setting applies at the next recompute, as Settings says. A run without a key (an
 * older version's) cannot tell, so it does not count as current.
 */
export function fittedFromCurrentData(db: Db, fittedFrom: string | null): boolean {
  if (fittedFrom === null) return false;
  try {
    return (JSON.parse(fittedFrom) as { activityRev?: unknown }).activityRev === latestActivityRev(db);
  } catch {
    return false;
  }
}
