import type { Db } from '../open';
import type { Steps } from '../../shared/domain/steps';
import type { SnapshotColumns } from './segmentation';

/**
 * The first snapshot of a scheme writes a row for every customer (there is no earlier class to differ
 * from): 1.6 million rows for every scheme of a fresh database of 100k customers, 5-6 s of SQLite work.
 * Written in one transaction that held the app for all of it; these write them ahead of the snapshot's
 * transaction, a few tens of milliseconds per turn (core/segmentation/state.ts storeInSteps).
 */

/** Rows per multi-row INSERT into segment_assignments (4 parameters each; SQLite allows 32,766). */
export const ASSIGNMENTS_PER_INSERT = 250;

/**
 * A multi-row INSERT of `rows` tier-history rows: (scheme, customer_id, as_of, class_key) each. `orIgnore`
 * leaves a row already there as it is.
 */
export const insertAssignmentsSql = (rows: number, orIgnore = false): string =>
  `INSERT${orIgnore ? ' OR IGNORE' : ''} INTO segment_assignments (scheme, customer_id, as_of, class_key) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')}`;

/** Rows per write transaction: about 50 ms of inserting each on the bench machine. */
export const FIRST_ROWS_PER_WRITE = 15_000;

/** Those of `schemes` without a single row in the tier history: their next snapshot is their first. */
export function schemesWithoutHistory(db: Db, schemes: readonly string[]): string[] {
  const any = db.$client.prepare(`SELECT 1 FROM segment_assignments WHERE scheme = ? LIMIT 1`).pluck();
  return schemes.filter((scheme) => any.get(scheme) === undefined);
}

/**
 * Writes day asOf's row of every customer for each of `schemes` (schemes without history), in transactions
 * of `rowsPerWrite` rows, yielding after each. `write` runs each transaction (the caller counts them as
 * derived writes). Another process may store the same day between two of them: its rows are left as they
 * are (the caller's stamp then moved, and its snapshot settles every row against its own classes).
 * Returns the rows offered.
 */
export function* firstRowsInSteps(db: Db, columns: SnapshotColumns, schemes: readonly string[], write: (rows: () => void) => void, rowsPerWrite = FIRST_ROWS_PER_WRITE): Steps<number> {
  const client = db.$client;
  const insertMany = client.prepare(insertAssignmentsSql(ASSIGNMENTS_PER_INSERT, true));
  const { asOf, customerIds } = columns;
  const n = customerIds.length;
  let written = 0;
  for (const scheme of schemes) {
    const column = columns.classKeys[scheme]!;
    for (let from = 0; from < n; from += rowsPerWrite) {
      const to = Math.min(n, from + rowsPerWrite);
      write(() => {
        const values: string[] = [];
        for (let k = from; k < to; k++) {
          values.push(scheme, customerIds[k]!, asOf, column[k]!);
          if (values.length === ASSIGNMENTS_PER_INSERT * 4) {
            insertMany.run(values);
            values.length = 0;
          }
        }
        if (values.length > 0) client.prepare(insertAssignmentsSql(values.length / 4, true)).run(values);
      });
      written += to - from;
      yield;
    }
  }
  return written;
}
