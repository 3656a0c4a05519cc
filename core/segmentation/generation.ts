import type { Db } from '../../db/open';

/**
 * Which data the tiers held in memory for a database connection were computed from, as a number that moves
 * when a restore replaces every row under them. The change stamps (core/change-stamp.ts) and the activity
 * revs say what changed since a read, but a restore is no change of rows: customers added after the backup
 * leave without a row saying so, and a full run over the rows from before it has cuts from other data. Work
 * begun before a restore — a background full run, a recompute storing, a refit, the inputs kept — checks
 * its generation before it installs or writes anything, and stops when it moved.
 */
const generations = new WeakMap<Db, number>();

export const heldGeneration = (db: Db): number => generations.get(db) ?? 0;

/** Everything computed from `db` before this call is of an older generation from now on. */
export function nextGeneration(db: Db): void {
  generations.set(db, heldGeneration(db) + 1);
}
