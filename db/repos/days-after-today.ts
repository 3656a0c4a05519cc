import type { Db } from '../open';

/**
 * Tiers and predictions stored for a day after today. History is written forward only, so one such day — a
 * computer whose clock ran ahead once, then was put right — refuses every real day after it: the tier history
 * stops and the stored predictions are those of a far day (every customer's last order long ago). Only the
 * user can tell a clock that was wrong then from one that is wrong now, so they are listed here and removed
 * only when asked (dropDaysAfter).
 */
export function storedDaysAfter(db: Db, today: string): string[] {
  return db.$client
    .prepare(`SELECT as_of FROM segment_runs WHERE as_of > @today UNION SELECT as_of FROM prediction_runs WHERE as_of > @today ORDER BY 1`)
    .pluck()
    .all({ today }) as string[];
}

/**
 * Removes what was stored for days after today, in one transaction: their tier snapshots (change points,
 * runs, rows written ahead, the latest day's kept columns) and their prediction fits. The days on or
 * before today stand as they were. Returns the days removed.
 */
export function dropDaysAfter(db: Db, today: string): string[] {
  const client = db.$client;
  return client.transaction(() => {
    const days = storedDaysAfter(db, today);
    for (const table of ['segment_assignments', 'segment_runs', 'segment_pending', 'segment_latest', 'customer_predictions', 'prediction_runs']) {
      client.prepare(`DELETE FROM ${table} WHERE as_of > ?`).run(today);
    }
    return days;
  })();
}
